// Draws the offline basemap's tiles off the page's main thread (started by basemap.js): reads a tile's JSON, fetched by
// the page and handed over as bytes (transferred, not copied), draws it on an OffscreenCanvas with basemap-draw.js and
// hands the picture back as an ImageBitmap (transferred too). Parsing and drawing a dense tile take tens of
// milliseconds on a phone; here the page stays free for the worker's taps while the map fills in.
import { drawTile } from './basemap-draw.js';

const text = new TextDecoder();

self.onmessage = ({ data: m }) => {
  try {
    const data = JSON.parse(text.decode(m.bytes));
    const canvas = new OffscreenCanvas(Math.round(m.tilePx * m.dpr), Math.round(m.tilePx * m.dpr));
    const ctx = canvas.getContext('2d');
    ctx.setTransform(m.dpr, 0, 0, m.dpr, 0, 0);
    const counts = drawTile(ctx, data, m.z, m.tilePx);
    const image = canvas.transferToImageBitmap();
    self.postMessage({ id: m.id, image, counts }, [image]);
  } catch (e) {
    self.postMessage({ id: m.id, error: '底图瓦片无法绘制 (' + (e.message || e) + ')' });
  }
};
