// Service-area bands (服务圈) as raster tiles: the same bands as bands.js, drawn by the server as
// 256 px PNG tiles (GET /api/coverage/tiles/{z}/{x}/{y}.png, zoom 11–20) for regions whose band
// polygons are too large to send whole. Coloured like the GeoJSON bands (colors.js bandColors), in
// a pane just below them; the tile URL carries the coverage report's data version (&v=…) so that
// the map fetches new tiles when the stations change. Only the stored stations are drawn as tiles:
// while a what-if is open the layer steps back (the what-if's bands come as GeoJSON, in bands.js). With a moment
// chosen (按时段, planner.at) the tiles count only the stations open then (at=).
import { withRegion } from '../api.js';
import L from '../leaflet.js';
import { h } from '../dom.js';
import { bandColors } from './colors.js';

export const name = 'bandtiles';

/** The server draws band tiles from this zoom on (it answers 400 below). */
export const MIN_ZOOM = 11;
export const MAX_ZOOM = 20;
export const OPACITY = 0.55;
const ID = 'bandtiles';

export function mount(ctx, planner) {
  const t = new BandTiles(ctx, planner);
  ctx.bandTiles = t;
  return t;
}

/** The colours of the bands as the tile endpoint takes them: RRGGBB without '#', in band order. */
export function tileColors(bands) {
  return [...bandColors(bands).values()].map((c) => c.replace(/^#/, '').toLowerCase());
}

class BandTiles {
  constructor(ctx, planner) {
    this.ctx = ctx;
    this.planner = planner;
    this.map = ctx.map;
    // below the GeoJSON bands (380), above the district choropleth (360)
    this.map.createPane('bandTiles').style.zIndex = 370;
    this.visible = false;
    /** The data version of the last coverage report: kept through a failed reload. */
    this.version = null;
    this.failed = 0;
    this.layer = L.tileLayer(this.url(), {
      pane: 'bandTiles',
      className: 'band-tile-layer',
      minZoom: MIN_ZOOM,
      // the server draws up to zoom 20; beyond, Leaflet scales zoom-20 tiles (TileLayer's own default max is 18)
      maxNativeZoom: MAX_ZOOM,
      maxZoom: Math.max(MAX_ZOOM, this.map.getMaxZoom() || 0),
      tileSize: 256,
      opacity: OPACITY,
      updateWhenZooming: false,
    });
    this.layer.on('loading', () => { this.failed = 0; this.state(); });
    this.layer.on('load', () => this.state());
    this.layer.on('tileerror', () => { this.failed += 1; this.state(); });

    const swatch = h('span', { class: 'layer-swatch layer-swatch-bands layer-swatch-band-tiles' });
    for (const c of bandColors(planner.bands).values()) {
      const s = h('span', {});
      s.style.background = c;
      swatch.append(s);
    }
    planner.layers.register({
      id: ID, title: '服务圈（瓦片）', defaultOn: !!(ctx.config && ctx.config.bandTiles), swatch,
      setVisible: (on) => { this.visible = on; this.sync(); },
    });
    planner.on('settings', () => this.refresh());
    planner.on('coverage', (r) => {
      if (r && r.dataVersion !== undefined && r.dataVersion !== null) this.version = r.dataVersion;
      this.refresh();
    });
    planner.on('moment', () => this.refresh());
    planner.on('services', () => this.refresh());
    planner.on('whatif', () => this.sync());
    ctx.view.onTransform(() => this.sync());
    this.map.on('zoomend', () => this.state());
  }

  /** The tile URL template for the current profile, bands, kind and data version. */
  url() {
    const extra = { colors: tileColors(this.planner.bands), ...this.planner.momentParams() };
    if (this.version !== null) extra.v = this.version;
    return withRegion(this.planner.layerUrl('/api/coverage/tiles/{z}/{x}/{y}.png', extra));
  }

  /** New settings or a new data version: the layer asks for the tiles again (Leaflet skips an unchanged URL). */
  refresh() {
    const url = this.url();
    // (setUrl(url, false) would redraw even an unchanged URL)
    if (url !== this.layer._url) this.layer.setUrl(url, !this.shown());
    this.sync();
  }

  /**
   * Tiles are drawn in WGS84 Web Mercator: on a GCJ-02 basemap they would sit some hundred metres
   * off, so the layer only shows on a WGS84 one.
   */
  wgs84() {
    const t = this.ctx.view.transform;
    return !t || t.crs !== 'GCJ02';
  }

  shown() {
    return this.visible && !this.planner.whatif && this.wgs84();
  }

  /** Adds or removes the tile layer as visibility, the what-if and the basemap's datum say. */
  sync() {
    const on = this.shown();
    if (on && !this.map.hasLayer(this.layer)) {
      this.layer.setUrl(this.url(), true); // drawn afresh when added
      this.layer.addTo(this.map);
    } else if (!on && this.map.hasLayer(this.layer)) {
      this.map.removeLayer(this.layer);
    }
    this.state();
  }

  /** The short note next to the layer's row. */
  state() {
    const layers = this.planner.layers;
    if (!this.visible) return layers.state(ID, '');
    if (this.planner.whatif) return layers.state(ID, '方案模拟中不显示瓦片（服务圈图层显示方案的服务圈）');
    if (!this.wgs84()) return layers.state(ID, '在线底图（GCJ-02）下不显示，请切换到离线底图');
    if (this.map.getZoom() < MIN_ZOOM) return layers.state(ID, '放大到第 ' + MIN_ZOOM + ' 级以上才显示');
    if (this.failed) return layers.state(ID, '部分瓦片无法加载（' + this.failed + ' 块）', 'error');
    if (this.layer.isLoading && this.layer.isLoading()) return layers.state(ID, '正在加载…');
    const at = this.planner.momentText();
    return layers.state(ID, at ? '仅计 ' + at + ' 开放的站点' : '');
  }
}
