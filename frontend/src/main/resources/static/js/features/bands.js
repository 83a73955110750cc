// Service-area bands (服务圈) of all counted stations as rings — e.g. 0–5, 5–10, 10–15 minutes, the
// bands GET /api/map-config names — coloured
// by band (GET /api/coverage/bands?form=rings), or the what-if's bands while a what-if is open. With a moment chosen
// (按时段, planner.at) only the stations open then count (at=).
import L from '../leaflet.js';
import { getJson } from '../api.js';
import { h } from '../dom.js';
import { bandColor, bandColors } from './colors.js';
import { geoJsonLayer } from './geo.js';

export const name = 'bands';

export function mount(ctx, planner) {
  const b = new Bands(ctx, planner);
  ctx.bands = b;
  return b;
}

class Bands {
  constructor(ctx, planner) {
    this.ctx = ctx;
    this.planner = planner;
    this.map = ctx.map;
    this.map.createPane('bands').style.zIndex = 380;
    this.group = L.layerGroup();
    this.visible = false;
    this.base = null;
    this.stale = true;
    this.loads = 0;
    /** The address of the last request, for the tests and the console. */
    this.lastUrl = null;
    const swatch = h('span', { class: 'layer-swatch layer-swatch-bands' });
    for (const m of planner.bands) {
      const s = h('span', {});
      s.style.background = bandColor(m, planner.bands);
      swatch.append(s);
    }
    planner.layers.register({
      id: 'bands', title: '服务圈（' + planner.bands.join('/') + ' 分钟）',
      // a city-scale region draws its bands as tiles instead (GET /api/map-config bandTiles)
      defaultOn: !(ctx.config && ctx.config.bandTiles), swatch,
      setVisible: (on) => this.setVisible(on),
    });
    planner.on('settings', () => { this.stale = true; this.base = null; if (this.visible) this.load(); });
    planner.on('moment', () => { this.stale = true; if (this.visible) this.load(); });
    // the rings are the stations' reach: the services filter changes them, whom they count does not
    planner.on('services', () => { this.stale = true; this.base = null; if (this.visible) this.load(); });
    planner.on('whatif', () => { this.draw(); this.note(); });
    ctx.view.onTransform(() => this.draw());
  }

  setVisible(on) {
    this.visible = on;
    if (on) {
      this.group.addTo(this.map);
      if (this.stale) this.load();
      else this.draw();
    } else {
      this.map.removeLayer(this.group);
    }
  }

  async load() {
    this.stale = false;
    const n = ++this.loads;
    const layers = this.planner.layers;
    layers.state('bands', '正在计算…');
    const url = this.planner.layerUrl('/api/coverage/bands', { form: 'rings', ...this.planner.momentParams() });
    this.lastUrl = url;
    try {
      const fc = await this.ctx.busy.run('正在计算服务圈…', () => getJson(url, { timeoutMs: 60000 }));
      if (n !== this.loads) return; // a newer moment or setting asked meanwhile
      this.base = fc;
      this.baseUrl = url;
      this.note();
      this.draw();
    } catch (e) {
      if (n !== this.loads) return;
      this.stale = true;
      layers.state('bands', '无法显示：' + e.message, 'error');
    }
  }

  /** The row's note: which stations the rings count. */
  note() {
    const at = this.planner.momentText();
    if (!at) return this.planner.layers.state('bands', '');
    this.planner.layers.state('bands', this.planner.whatif && this.planner.whatif.bands
      ? '方案模拟中显示方案的服务圈（不分时段）' : '仅计 ' + at + ' 开放的站点');
  }

  /** The rings to draw: the what-if's when it brought bands, else the baseline. */
  current() {
    const w = this.planner.whatif;
    return w && w.bands ? w.bands : this.base;
  }

  draw() {
    this.group.clearLayers();
    const fc = this.current();
    if (!fc || !this.visible) return;
    // far bands first, so the near ones sit on top
    const features = [...fc.features].sort((a, b) => b.properties.minutes - a.properties.minutes);
    const colors = bandColors(this.planner.bands);
    const layer = geoJsonLayer(this.ctx.view, { type: 'FeatureCollection', features }, {
      pane: 'bands',
      interactive: false,
      style: (f) => {
        const c = colors.get(f.properties.minutes) || bandColor(f.properties.minutes, this.planner.bands);
        return { color: c, weight: 1, opacity: 0.9, fillColor: c, fillOpacity: 0.35,
          className: 'band band-' + f.properties.minutes };
      },
    });
    layer.addTo(this.group);
    this.map.fire('bandsdrawn', { count: features.length, at: this.planner.at });
  }
}
