// The map itself: the offline basemap (always there), an optional online tile layer, a metric
// scale, the attribution, and the datum the overlays must be drawn in. Feature modules ask this
// view to convert: toDisplay(lon, lat) for anything they draw, and onClick((lon, lat) WGS84) for
// clicks, so that a GCJ-02 online basemap never leaks shifted coordinates into the API.
import L from './leaflet.js';
import { OfflineBasemap } from './basemap.js';
import { displayTransform } from './coords.js';

const OSM_CREDIT = '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap contributors</a>';

export class MapView {
  /**
   * @param {HTMLElement} element the map container
   * @param {object} config GET /api/map-config
   */
  constructor(element, config) {
    this.config = config;
    this.listeners = { transform: [], click: [] };
    const offlineCfg = config.basemaps.offline;
    this.map = L.map(element, {
      zoomControl: true,
      attributionControl: false,
      minZoom: offlineCfg.minZoom,
      maxZoom: offlineCfg.maxZoom,
      zoomSnap: 1,
      // tiles and popups appear at once: a fade repaints the map every frame while tiles arrive, work a slow phone
      // does on its main thread when it should be answering the worker's first tap
      fadeAnimation: false,
    });
    this.map.zoomControl.setPosition('topleft');
    this.attribution = L.control.attribution({ prefix: false, position: 'bottomright' }).addTo(this.map);
    L.control.scale({ metric: true, imperial: false, position: 'bottomleft', maxWidth: 120 }).addTo(this.map);

    this.offline = new OfflineBasemap({
      url: offlineCfg.url,
      attribution: offlineCfg.synthetic ? offlineCfg.attribution : OSM_CREDIT,
      maxZoom: offlineCfg.maxZoom,
    });
    this.offline.crs = 'WGS84';
    this.base = this.offline;
    this.offline.addTo(this.map);

    const online = config.basemaps.online;
    if (online) {
      this.online = L.tileLayer(online.url, {
        subdomains: online.subdomains || 'abc',
        maxZoom: offlineCfg.maxZoom,
        maxNativeZoom: online.maxZoom,
        attribution: online.attribution,
        className: 'online-basemap',
      });
      this.online.crs = online.crs;
      const layers = {};
      layers[offlineCfg.name] = this.offline;
      layers[online.name + (online.crs === 'GCJ02' ? '（GCJ-02）' : '')] = this.online;
      L.control.layers(layers, null, { position: 'topright', collapsed: true }).addTo(this.map);
      this.map.on('baselayerchange', (e) => this.useBase(e.layer));
    }
    this.transform = displayTransform('WGS84');
    this.map.on('click', (e) => {
      const p = this.transform.fromDisplay(e.latlng);
      for (const cb of this.listeners.click) cb(p.lon, p.lat, e);
    });
  }

  /** Switches the datum overlays are drawn in to that of the new basemap, keeping the same place in view. */
  useBase(layer) {
    const centre = this.transform.fromDisplay(this.map.getCenter());
    this.base = layer;
    this.transform = displayTransform(layer.crs || 'WGS84');
    this.map.setView(this.transform.toDisplay(centre.lon, centre.lat), this.map.getZoom(), { animate: false });
    for (const cb of this.listeners.transform) cb(this.transform);
  }

  /** Chooses the online basemap at start (e.g. ?basemap=online). */
  preferOnline() {
    if (!this.online) return;
    this.map.removeLayer(this.offline);
    this.online.addTo(this.map);
    this.useBase(this.online);
  }

  toDisplay(lon, lat) {
    return this.transform.toDisplay(lon, lat);
  }

  /** cb(transform) whenever the datum changes; feature layers redraw themselves in it. */
  onTransform(cb) {
    this.listeners.transform.push(cb);
  }

  /** cb(lon, lat, event) with WGS84 coordinates for every click on the map. */
  onClick(cb) {
    this.listeners.click.push(cb);
  }

  /** Adds credits to the attribution (the region's, beside OpenStreetMap's). */
  addAttribution(html) {
    this.attribution.addAttribution(html);
  }
}
