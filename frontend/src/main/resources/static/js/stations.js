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

function stationIcon(p, extraClass) {
  const k = kindStyle(p.kind);
  const state = p.status && p.status !== 'OPEN' ? 'closed' : p.openNow === true ? 'open' : p.openNow === false ? 'closed' : 'unknown';
  // _whatif marks a planned change on the planner page: added | moved | closed
  const plan = p._whatif ? ' sm-whatif sm-whatif-' + p._whatif : '';
  const glyph = p._whatif === 'added' ? '新' : k.glyph;
  const html = `<span class="sm-pin sm-${state}${plan}" style="--kind:${k.color}"><span class="sm-glyph">${glyph}</span></span>`;
  return L.divIcon({ className: 'station-marker' + (extraClass ? ' ' + extraClass : ''), html, iconSize: [44, 44],
    iconAnchor: [22, 22], popupAnchor: [0, -18] });
}

function clusterIcon(n) {
  const size = n < 10 ? 44 : n < 50 ? 50 : 58;
  return L.divIcon({ className: 'station-cluster', html: `<span class="sc-count">${n}</span>`, iconSize: [size, size],
    iconAnchor: [size / 2, size / 2] });
}

/**
 * A layer of station markers. setStations(featureCollection) replaces the data; setTransform(t)
 * moves every marker when the basemap's datum changes (see coords.js displayTransform).
 *
 * Options: popup(feature) → the popup's DOM (default: stationDetails); noPopup(feature) → true for
 * markers that select rather than open a popup; draggable + onDragEnd(feature,
 * lon, lat) with WGS84 coordinates (the planner's what-if); onSelect(feature) when a marker is
 * clicked; filter(feature) → whether to show it.
 */
export class StationLayer {
  constructor(map, transform, options = {}) {
    this.map = map;
    this.transform = transform;
    this.options = options;
    this.group = L.layerGroup().addTo(map);
    this.items = [];
    this.byId = new Map();
    this.highlighted = new Set();
    this.filter = options.filter || null;
    map.on('zoomend', () => this.render());
  }

  setStations(fc) {
    this.features = fc.features || [];
    this.reposition();
  }

  /** Shows only the stations the predicate accepts (null: all). */
  setFilter(filter) {
    this.filter = filter;
    const shown = (this.features || []).filter((f) => !filter || filter(f));
    // the same stations as now (a page applying its filters at start): nothing to redraw
    if (shown.length === this.items.length && shown.every((f, i) => this.items[i].feature === f)) return;
    this.reposition();
  }

  /** Marks these station ids (e.g. the worker's nearest five, the selected one) with a CSS class. */
  highlight(ids, selectedId = null) {
    this.highlighted = new Set(ids || []);
    this.selectedId = selectedId;
    this.render();
  }

  /** Shows or hides the whole layer (the planner's layer switcher). */
  setVisible(visible) {
    if (visible && !this.map.hasLayer(this.group)) this.group.addTo(this.map);
    if (!visible && this.map.hasLayer(this.group)) this.map.removeLayer(this.group);
  }

  setDraggable(draggable) {
    this.options.draggable = draggable;
    this.render();
  }

  setTransform(transform) {
    this.transform = transform;
    this.reposition();
  }

  reposition() {
    this.items = (this.features || []).filter((f) => !this.filter || this.filter(f)).map((f) => {
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
    // highlighted stations (the worker's nearest, the selected one) always stand alone
    const alone = (i) => this.highlighted.has(i.feature.id) || this.selectedId === i.feature.id;
    const single = this.items.filter(alone).map((i) => ({ items: [i], latlng: i.latlng }));
    const rest = this.items.filter((i) => !alone(i));
    const clusters = single.concat(z >= NO_CLUSTER_ZOOM
      ? rest.map((i) => ({ items: [i], latlng: i.latlng }))
      : gridCluster(rest, (ll) => this.map.project(ll, z), CELL_PX));
    for (const c of clusters) {
      if (c.items.length === 1) {
        const { feature, latlng } = c.items[0];
        const p = feature.properties;
        const cls = (this.highlighted.has(feature.id) ? 'is-near' : '') + (this.selectedId === feature.id ? ' is-selected' : '');
        const draggable = !!this.options.draggable && !p._whatifFixed;
        const marker = L.marker(latlng, { icon: stationIcon(p, cls.trim()), title: p.name + '（' + openNowText(p) + '）', keyboard: true,
          riseOnHover: true, alt: p.name, draggable, zIndexOffset: this.selectedId === feature.id ? 1000 : this.highlighted.has(feature.id) ? 500 : 0 });
        const popup = this.options.popup || ((f) => stationDetails(f));
        if (!this.options.noPopup || !this.options.noPopup(feature)) {
          // never taller than the map (on a phone the map may be only a third of the screen): it scrolls
          marker.bindPopup(() => popup(feature), { maxWidth: 300, minWidth: 220, autoPanPadding: [16, 48],
            maxHeight: Math.max(140, this.map.getSize().y - 110) });
        }
        marker.on('add', () => { const e = marker.getElement(); if (e) e.dataset.stationId = feature.id; });
        if (this.options.onSelect) marker.on('click', () => this.options.onSelect(feature));
        if (draggable && this.options.onDragEnd) {
          marker.on('dragend', () => {
            const ll = this.transform.fromDisplay(marker.getLatLng());
            this.options.onDragEnd(feature, ll.lon, ll.lat);
          });
        }
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
    else if (!this.map.getBounds().contains(item.latlng)) this.map.panTo(item.latlng, { animate: false });
    const m = this.byId.get(id);
    if (m) m.openPopup();
    return !!m;
  }
}
