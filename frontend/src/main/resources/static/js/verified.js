// When someone last confirmed that a station is open (its `verifiedAt`, a date), said in words a worker reads at a
// glance — 「3 天前有人确认开放」 — and a station nobody has confirmed for a long time marked 「长期未核实」 in words too
// (not by colour alone): it may have closed or moved, so the worker knows to call ahead.
import { h, lazyFormat } from './dom.js';

/** After this many days without a confirmation a station counts as 长期未核实 (about half a year). */
export const STALE_AFTER_DAYS = 180;

/** Days in a month as the words count them: 「29 天前」, then 「1 个月前」. */
const DAYS_PER_MONTH = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date where the stations are ('YYYY-MM-DD'); every region so far is in China, whatever the phone's zone. */
const TODAY = lazyFormat(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit' }));

export function regionToday(now = new Date()) {
  return TODAY().format(now);
}

/** Whole days from one 'YYYY-MM-DD' date to a later one (negative when `date` lies after `today`). */
function daysBetween(date, today) {
  return Math.round((Date.parse(today + 'T00:00:00Z') - Date.parse(date.slice(0, 10) + 'T00:00:00Z')) / DAY_MS);
}

/**
 * How long ago a station was confirmed open, in words.
 * @param {string|null|undefined} verifiedAt the station's date ('YYYY-MM-DD', an ISO timestamp is cut to its date)
 * @param {string} today 'YYYY-MM-DD'
 * @returns {{text: string, stale: boolean, days: number|null}} text: 「今天有人确认开放」, 「昨天…」, 「N 天前…」,
 *   「N 个月前…」 or 「还没有人确认过开放」; stale: never, or more than {@link STALE_AFTER_DAYS} days ago
 */
export function verifiedWords(verifiedAt, today = regionToday()) {
  const days = verifiedAt && !Number.isNaN(Date.parse(String(verifiedAt).slice(0, 10))) ? daysBetween(String(verifiedAt), today) : null;
  if (days === null) return { text: '还没有人确认过开放', stale: true, days: null };
  // a date after today (a phone whose clock is behind) reads as today
  const when = days <= 0 ? '今天' : days === 1 ? '昨天' : days < DAYS_PER_MONTH ? days + ' 天前'
    : Math.floor(days / DAYS_PER_MONTH) + ' 个月前';
  return { text: when + '有人确认开放', stale: days > STALE_AFTER_DAYS, days: Math.max(0, days) };
}

/**
 * The line a station's detail, popup and list row show: 「3 天前有人确认开放」, or 「长期未核实 · 7 个月前有人确认开放」 with
 * the words 长期未核实 as a badge. data-stale says which, for CSS and tests.
 */
export function verifiedNote(properties, today) {
  const w = verifiedWords(properties.verifiedAt, today);
  return h('p', { class: 'st-verified', 'data-stale': String(w.stale), 'data-days': w.days === null ? '' : String(w.days) },
    w.stale ? h('span', { class: 'st-stale' }, '长期未核实') : null,
    h('span', { class: 'st-verified-text' }, (w.stale ? ' · ' : '') + w.text));
}
