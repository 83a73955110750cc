// Draws the offline basemap's tiles off the page's main thread (started by basemap.js): reads a tile's JSON, fetched by
// the page and handed over as bytes (transferred, not copied), and draws it with basemap-draw.js straight into the
// tile's canvas, which the page handed over too (transferControlToOffscreen): the picture reaches the screen from here.
// Parsing and drawing a dense tile take tens of milliseconds on a phone; here the page stays free for the worker's taps
// while the map fills in.
import { drawTile } from './basemap-draw.js';

const text = new TextDecoder();

self.onmessage = ({ data: m }) => {
  try {
    const data = JSON.parse(text.decode(m.bytes));
    const ctx = m.canvas.getContext('2d');
    ctx.setTransform(m.dpr, 0, 0, m.dpr, 0, 0);
    const counts = drawTile(ctx, data, m.z, m.tilePx);
    self.postMessage({ id: m.id, counts });
  } catch (e) {
    self.postMessage({ id: m.id, error: '底图瓦片无法绘制 (' + (e.message || e) + ')' });
  }
};

// the page hands tiles over only to a worker that runs
self.postMessage({ running: true });
