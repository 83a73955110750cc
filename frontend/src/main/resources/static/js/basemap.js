// The offline basemap: a Leaflet GridLayer of our own JSON tiles (GET /api/basemap/{z}/{x}/{y}.json, cut from the
// region's OSM data by the backend), drawn on canvas by basemap-draw.js. No tile server and no internet: it works on an
// intranet. Parsing and drawing run in a worker (basemap-worker.js) where the browser has module workers and
// OffscreenCanvas (Chrome 80, Safari 16.4, Firefox 114), so that a phone's main thread only fetches the bytes and shows
// the finished pictures; elsewhere, or when the worker cannot start, the page draws them itself.
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
 * Fetches and draws tiles on the page's main thread. paint(request, onDone) → cancel(); onDone gets
 * {image (a canvas), counts} or {error}.
 */
const pagePainter = {
  paint({ url, z, tilePx, dpr }, onDone) {
    const ctrl = new AbortController();
    fetchTile(url, ctrl.signal)
      .then((r) => r.json())
      .then((data) => {
        const image = document.createElement('canvas');
        image.width = image.height = Math.round(tilePx * dpr);
        const ctx = image.getContext('2d');
        ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
        onDone({ image, counts: drawTile(ctx, data, z, tilePx) });
      })
      .catch(failTo(onDone));
    return () => ctrl.abort();
  },
};

/**
 * The same with the parsing and drawing in basemap-worker.js (the page only fetches the bytes and shows the finished
 * picture). A worker that fails to start hands its tiles back to the page painter.
 */
class WorkerPainter {
  constructor() {
    this.worker = new Worker(new URL('./basemap-worker.js', import.meta.url), { type: 'module' });
    this.jobs = new Map(); // id → {request, onDone, cancel}
    this.nextId = 1;
    this.worker.addEventListener('message', ({ data }) => {
      const job = this.jobs.get(data.id);
      if (!job) {
        if (data.image) data.image.close(); // cancelled while it was drawn
        return;
      }
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
      for (const job of jobs) job.cancel = pagePainter.paint(job.request, job.onDone);
    });
  }

  paint(request, onDone) {
    const id = this.nextId++;
    const ctrl = new AbortController();
    const job = { request, onDone, cancel: () => ctrl.abort() };
    this.jobs.set(id, job);
    fetchTile(request.url, ctrl.signal)
      .then((r) => r.arrayBuffer())
      .then((bytes) => {
        if (this.jobs.get(id) === job) this.worker.postMessage({ id, bytes, z: request.z, tilePx: request.tilePx, dpr: request.dpr }, [bytes]);
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
    if (typeof OffscreenCanvas === 'function' && 'transferToImageBitmap' in OffscreenCanvas.prototype && typeof Worker === 'function') {
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
    canvas._cancel = tilePainter().paint({ url, z: coords.z, tilePx: size.x, dpr }, (r) => {
      canvas._cancel = null;
      if (r.error) {
        const error = new Error(r.error);
        this.fire('tilefail', { coords, error });
        done(error, canvas);
        return;
      }
      // the worker's picture becomes the tile's without a copy (a 2D canvas's drawImage copied it, and the compositor
      // copied every such canvas again on the page's main thread); the page painter's canvas is drawn as before
      if (typeof ImageBitmap === 'function' && r.image instanceof ImageBitmap) canvas.getContext('bitmaprenderer').transferFromImageBitmap(r.image);
      else canvas.getContext('2d').drawImage(r.image, 0, 0);
      canvas.dataset.roads = r.counts.roads;
      canvas.dataset.labels = r.counts.labels;
      this.fire('tiledata', { coords, counts: r.counts });
      done(null, canvas);
    });
    return canvas;
  },

  _removeTile(key) {
    const tile = this._tiles[key];
    if (tile && tile.el && tile.el._cancel && !tile.loaded) tile.el._cancel();
    L.GridLayer.prototype._removeTile.call(this, key);
  },
});
