// Watching long work (任务) a panel started: GET /api/jobs/{id} every 500 ms until the job ends, retrying a failed
// look up to 20 times (a 404 ends at once: the job is gone), and cancelling it (DELETE). Used by 区域管理 and 选址建议.
import { getJson, deleteJson } from './api.js';

const POLL_MS = 500;
const MAX_FAILURES = 20;

/** Whether the job is still queued or running. */
export function running(job) {
  return job.status === 'QUEUED' || job.status === 'RUNNING';
}

export class JobWatcher {
  /**
   * @param onUpdate (job) after every look, the last one when it ended
   * @param onRetry  (error) when a look failed and another follows
   * @param onLost   (error) when the job cannot be followed any longer
   */
  constructor({ onUpdate, onRetry = () => {}, onLost = () => {} }) {
    this.onUpdate = onUpdate;
    this.onRetry = onRetry;
    this.onLost = onLost;
    this.job = null;
  }

  /** Follows the job (as the start answered it) until it ends. */
  watch(job) {
    this.job = { id: job.id, failures: 0 };
    this.onUpdate(job);
    if (running(job)) this.schedule();
    else this.job = null;
  }

  /** Stops following (the job itself goes on). */
  stop() {
    clearTimeout(this.timer);
    this.job = null;
  }

  /** Asks the job to stop; the next look reports CANCELLED, or how it ended if it ended first. */
  cancel() {
    return this.job ? deleteJson('/api/jobs/' + encodeURIComponent(this.job.id)) : Promise.resolve(null);
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), POLL_MS);
  }

  async poll() {
    const job = this.job;
    if (!job) return;
    let j;
    try {
      j = await getJson('/api/jobs/' + encodeURIComponent(job.id));
      job.failures = 0;
    } catch (e) {
      if (this.job !== job) return;
      if (++job.failures >= MAX_FAILURES || e.status === 404) {
        this.stop();
        this.onLost(e);
      } else {
        this.onRetry(e);
        this.schedule();
      }
      return;
    }
    if (this.job !== job) return;
    if (running(j)) this.schedule();
    else this.job = null;
    this.onUpdate(j);
  }
}
