// The offline basemap: a Leaflet GridLayer of our own JSON tiles (GET /api/basemap/{z}/{x}/{y}.json, cut from the
// region's OSM data by the backend), drawn on canvas by basemap-draw.js. No tile server and no internet: it works on an
// intranet. Parsing and drawing run in a worker (basemap-worker.js), straight into the tiles' canvases, where the
// browser has module workers and canvases it can hand to one (Chrome 80, Safari 16.4, Firefox 114), so that a phone's
// main thread only fetches the bytes; elsewhere, or when the worker cannot start, the page draws them itself.
import { withRegion } from './api.js';
import L from './leaflet.js';
import { STYLE, drawTile } from './basemap-draw.js';

export { STYLE, drawTile };

/**
 * Tiles are fetched once this resolves: a page lets them go when its own content is on screen (app.js, after the
 * features are mounted), so that drawing a dozen tile pictures does not hold back the page's first frames.
 */
let tilesAllowed = Promise.resolve();

/** Holds every basemap tile's request until `until` settles. */
export function holdTilesUntil(until) {
  tilesAllowed = until.then(() => {}, () => {});
}

/**
 * A tile's JSON response: fetched by the page in both cases, so that the page's resource timing lists every tile (the
 * browser tests read it). Each request starts in a task of its own: a view change creates a dozen tiles at once, and
 * starting every request inside Leaflet's update made one long task on a slow phone. Rejects with a Chinese message
 * for an error status; an AbortError when cancelled.
 */
function fetchTile(url, signal) {
  return tilesAllowed.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => fetch(url, { signal })).then((r) => {
    if (!r.ok) throw new Error('底图瓦片加载失败 (' + r.status + ')');
    return r;
  });
}

/** Reports a failure to onDone, unless the tile was cancelled (scrolled away). */
const failTo = (onDone) => (e) => {
  if (e.name !== 'AbortError') onDone({ error: e.message || String(e) });
};

/**
 * Fetches and draws tiles on the page's main thread, into the tile's own canvas. paint(request, onDone) → cancel();
 * onDone gets {counts} or {error}.
 */
const pagePainter = {
  paint({ url, z, tilePx, dpr, canvas }, onDone) {
    const ctrl = new AbortController();
    fetchTile(url, ctrl.signal)
      .then((r) => r.json())
      .then((data) => {
        const ctx = canvas.getContext('2d');
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        onDone({ counts: drawTile(ctx, data, z, tilePx) });
      })
      .catch(failTo(onDone));
    return () => ctrl.abort();
  },
};

/**
 * The same with the parsing and drawing in basemap-worker.js: the page fetches the bytes and hands the worker the tile's
 * canvas itself (transferControlToOffscreen), so that the picture goes from the worker to the screen without the page's
 * main thread. Handing over each finished picture instead (an ImageBitmap shown by a bitmaprenderer canvas) made the
 * page's main thread pass every tile's pixels to the compositor: on a phone without GPU compositing that was most of
 * the page's blocking time at start. Tiles are handed over only once the worker has said it runs (a canvas given to a
 * worker that failed to load would stay blank); a worker that fails hands its tiles back to the page painter.
 */
class WorkerPainter {
  constructor() {
    this.worker = new Worker(new URL('./basemap-worker.js', import.meta.url), { type: 'module' });
    this.jobs = new Map(); // id → {request, onDone, cancel, bytes}
    this.nextId = 1;
    this.running = false;
    this.worker.addEventListener('message', ({ data }) => {
      if (data.running) {
        this.running = true;
        for (const [id, job] of this.jobs) if (job.bytes) this.post(id, job);
        return;
      }
      const job = this.jobs.get(data.id);
      if (!job) return; // cancelled while it was drawn
      this.jobs.delete(data.id);
      job.onDone(data);
    });
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      console.warn('basemap worker failed; drawing tiles on the page', e.message);
      painter = pagePainter;
      this.worker.terminate();
      const jobs = [...this.jobs.values()];
      this.jobs.clear();
      for (const job of jobs) {
        if (job.posted) job.onDone({ error: '底图瓦片无法绘制 (worker)' });
        else job.cancel = pagePainter.paint(job.request, job.onDone);
      }
    });
  }

  post(id, job) {
    const { z, tilePx, dpr, canvas } = job.request;
    const offscreen = canvas.transferControlToOffscreen();
    job.posted = true;
    this.worker.postMessage({ id, bytes: job.bytes, z, tilePx, dpr, canvas: offscreen }, [job.bytes, offscreen]);
    job.bytes = null;
  }

  paint(request, onDone) {
    const id = this.nextId++;
    const ctrl = new AbortController();
    const job = { request, onDone, cancel: () => ctrl.abort(), bytes: null, posted: false };
    this.jobs.set(id, job);
    fetchTile(request.url, ctrl.signal)
      .then((r) => r.arrayBuffer())
      .then((bytes) => {
        if (this.jobs.get(id) !== job) return;
        job.bytes = bytes;
        if (this.running) this.post(id, job);
      })
      .catch((e) => {
        if (this.jobs.get(id) !== job) return;
        this.jobs.delete(id);
        failTo(onDone)(e);
      });
    return () => {
      this.jobs.delete(id);
      job.cancel();
    };
  }
}

/** The painter every basemap layer of the page shares: the worker when the browser can run it, else the page. */
let painter = null;
function tilePainter() {
  if (!painter) {
    painter = pagePainter;
    if (typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function' && typeof Worker === 'function') {
      try {
        painter = new WorkerPainter();
      } catch (e) {
        console.warn('basemap worker not available; drawing tiles on the page', e);
      }
    }
  }
  return painter;
}

// started with the page, so that the worker's scripts load while the map's configuration is being fetched
tilePainter();

/** The longest a drawn tile waits for the others of its view before it is shown anyway (ms). */
const PRESENT_WAIT_MS = 250;

/**
 * The offline basemap layer. Events: 'tiledata' {coords, counts} after a tile is drawn;
 * 'tilefail' {coords, error} when a tile could not be fetched.
 */
export const OfflineBasemap = L.GridLayer.extend({
  options: {
    url: '/api/basemap/{z}/{x}/{y}.json',
    maxZoom: 19,
    maxNativeZoom: 19,
    updateWhenIdle: false,
    keepBuffer: 3,
    className: 'offline-basemap',
  },

  createTile(coords, done) {
    const size = this.getTileSize();
    const dpr = Math.min(Math.max(window.devicePixelRatio || 1, 1), 3);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(size.x * dpr);
    canvas.height = Math.round(size.y * dpr);
    // until it is drawn the tile is clear: the map's background (the basemap's own colour, app.css) shows through
    const url = new URL(withRegion(L.Util.template(this.options.url, { z: coords.z, x: coords.x, y: coords.y })), document.baseURI).href;
    this._drawing = (this._drawing || 0) + 1;
    canvas._cancel = tilePainter().paint({ url, z: coords.z, tilePx: size.x, dpr, canvas }, (r) => {
      canvas._cancel = null;
      this._drawing--;
      this._present(() => {
        if (r.error) {
          const error = new Error(r.error);
          this.fire('tilefail', { coords, error });
          done(error, canvas);
          return;
        }
        canvas.dataset.roads = r.counts.roads;
        canvas.dataset.labels = r.counts.labels;
        this.fire('tiledata', { coords, counts: r.counts });
        done(null, canvas);
      });
    });
    return canvas;
  },

  /**
   * Shows finished tiles together, in one frame: when the last tile being drawn is done, or PRESENT_WAIT_MS after the
   * first one waiting, whichever is sooner. Each tile shown by itself was a frame of its own, and every frame costs a
   * phone the composition of the whole screen.
   */
  _present(show) {
    (this._finished = this._finished || []).push(show);
    if (this._drawing === 0) this._presentFinished();
    else if (!this._presentTimer) this._presentTimer = setTimeout(() => this._presentFinished(), PRESENT_WAIT_MS);
  },

  _presentFinished() {
    clearTimeout(this._presentTimer);
    this._presentTimer = null;
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = null;
      const finished = this._finished;
      this._finished = [];
      for (const show of finished) show();
    });
  },

  _removeTile(key) {
    const tile = this._tiles[key];
    if (tile && tile.el && tile.el._cancel && !tile.loaded) {
      tile.el._cancel();
      tile.el._cancel = null;
      this._drawing--;
      if (this._drawing === 0 && this._finished && this._finished.length) this._presentFinished();
    }
    L.GridLayer.prototype._removeTile.call(this, key);
  },
});
