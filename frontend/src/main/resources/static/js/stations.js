// Service points on the map: one marker per station, styled by kind (colour + character) with a
// ring for open now, clustered on a screen grid when dense, with a popup of its details.
import L from './leaflet.js';
import { gridCluster } from './cluster.js';
import { kindStyle } from './kinds.js';
import { stationDetails, openNowText } from './popup.js';

/** Cell side for clustering: two markers closer than this on screen would overlap a finger. */
const CELL_PX = 56;
/** From this zoom on every station gets its own marker. */
const NO_CLUSTER_ZOOM = 18;

function stationIcon(p) {
  const k = kindStyle(p.kind);
  const state = p.status && p.status !== 'OPEN' ? 'closed' : p.openNow === true ? 'open' : p.openNow === false ? 'closed' : 'unknown';
  const html = `<span class="sm-pin sm-${state}" style="--kind:${k.color}"><span class="sm-glyph">${k.glyph}</span></span>`;
  return L.divIcon({ className: 'station-marker', html, iconSize: [44, 44], iconAnchor: [22, 22], popupAnchor: [0, -18] });
}

function clusterIcon(n) {
  const size = n < 10 ? 44 : n < 50 ? 50 : 58;
  return L.divIcon({ className: 'station-cluster', html: `<span class="sc-count">${n}</span>`, iconSize: [size, size],
    iconAnchor: [size / 2, size / 2] });
}

/**
 * A layer of station markers. setStations(featureCollection) replaces the data; setTransform(t)
 * moves every marker when the basemap's datum changes (see coords.js displayTransform).
 */
export class StationLayer {
  constructor(map, transform) {
    this.map = map;
    this.transform = transform;
    this.group = L.layerGroup().addTo(map);
    this.items = [];
    this.byId = new Map();
    map.on('zoomend', () => this.render());
  }

  setStations(fc) {
    this.features = fc.features || [];
    this.reposition();
  }

  setTransform(transform) {
    this.transform = transform;
    this.reposition();
  }

  reposition() {
    this.items = (this.features || []).map((f) => {
      const [lat, lng] = this.transform.toDisplay(f.geometry.coordinates[0], f.geometry.coordinates[1]);
      return { feature: f, latlng: L.latLng(lat, lng) };
    });
    this.render();
  }

  /** Display bounds of all stations, or null. */
  bounds() {
    return this.items.length ? L.latLngBounds(this.items.map((i) => i.latlng)) : null;
  }

  render() {
    this.group.clearLayers();
    this.byId.clear();
    const z = this.map.getZoom();
    const clusters = z >= NO_CLUSTER_ZOOM
      ? this.items.map((i) => ({ items: [i], latlng: i.latlng }))
      : gridCluster(this.items, (ll) => this.map.project(ll, z), CELL_PX);
    for (const c of clusters) {
      if (c.items.length === 1) {
        const { feature, latlng } = c.items[0];
        const p = feature.properties;
        const marker = L.marker(latlng, { icon: stationIcon(p), title: p.name + '（' + openNowText(p) + '）', keyboard: true,
          riseOnHover: true, alt: p.name });
        marker.bindPopup(() => stationDetails(feature), { maxWidth: 300, minWidth: 220, autoPanPadding: [16, 64] });
        marker.on('add', () => { const e = marker.getElement(); if (e) e.dataset.stationId = feature.id; });
        marker.addTo(this.group);
        this.byId.set(feature.id, marker);
      } else {
        const marker = L.marker(c.latlng, { icon: clusterIcon(c.items.length), title: c.items.length + ' 个站点，点按放大',
          keyboard: true });
        marker.on('click', () => {
          const b = L.latLngBounds(c.items.map((i) => i.latlng));
          this.map.fitBounds(b.pad(0.3), { maxZoom: Math.max(z + 2, NO_CLUSTER_ZOOM) });
        });
        marker.addTo(this.group);
      }
    }
    this.map.fire('stationsrendered', { clusters: clusters.length });
  }

  /** Opens a station's popup, zooming in far enough for it to have its own marker. */
  open(id) {
    const item = this.items.find((i) => i.feature.id === id);
    if (!item) return false;
    if (!this.byId.has(id)) this.map.setView(item.latlng, NO_CLUSTER_ZOOM, { animate: false });
    const m = this.byId.get(id);
    if (m) m.openPopup();
    return !!m;
  }
}
