// Districts as a choropleth of coverage share: GET /api/districts (boundaries, census people) joined
// by adcode with the coverage report's districts (the what-if's while one is open). A district the
// road network does not reach is grey, "无路网数据". The share is of the people in the covered part
// of the district only, as the report says.
import L from '../leaflet.js';
import { getJson } from '../api.js';
import { h, fmtInt, fmtPct } from '../dom.js';
import { choroplethColor } from './colors.js';
import { geoJsonLayer } from './geo.js';

export const name = 'districts';

export function mount(ctx, planner) {
  const d = new Districts(ctx, planner);
  ctx.districts = d;
  return d;
}

class Districts {
  constructor(ctx, planner) {
    this.ctx = ctx;
    this.planner = planner;
    this.map = ctx.map;
    this.map.createPane('districts').style.zIndex = 360;
    this.group = L.layerGroup();
    this.visible = false;
    this.shapes = null;
    this.minutes = planner.bands[planner.bands.length - 1];
    this.bandSelect = h('select', { id: 'district-minutes', 'aria-label': '各区覆盖率：服务圈', onchange: () => {
      this.minutes = Number(this.bandSelect.value);
      this.draw();
    } }, ...planner.bands.map((m) => h('option', { value: m, selected: m === this.minutes }, m + ' 分钟覆盖率')));
    planner.layers.register({
      id: 'districts', title: '各区覆盖率（人口）', defaultOn: false, swatch: h('span', { class: 'layer-swatch layer-swatch-districts' }),
      setVisible: (on) => this.setVisible(on),
      extra: h('div', { class: 'layer-extra' }, this.bandSelect),
    });
    planner.on('coverage', () => this.draw());
    planner.on('whatif', () => this.draw());
    planner.on('coverage-error', () => this.draw());
    ctx.view.onTransform(() => this.draw());
    // labels sit where the stations are when zoomed in on the network, in the district's middle when zoomed out
    this.map.on('zoomend', () => {
      const near = this.map.getZoom() >= 13;
      if (this.visible && near !== this.labelsNear) this.draw();
    });
  }

  async setVisible(on) {
    this.visible = on;
    if (!on) {
      this.map.removeLayer(this.group);
      return;
    }
    this.group.addTo(this.map);
    if (!this.shapes) {
      this.planner.layers.state('districts', '正在加载…');
      try {
        this.shapes = await this.ctx.busy.run('正在加载行政区…', () => getJson('/api/districts'));
        this.planner.layers.state('districts', '');
      } catch (e) {
        this.planner.layers.state('districts', '无法显示：' + e.message, 'error');
        return;
      }
    }
    this.draw();
  }

  draw() {
    this.group.clearLayers();
    if (!this.visible || !this.shapes) return;
    const report = this.planner.current();
    const byCode = new Map((report ? report.districts : []).map((d) => [d.adcode, d]));
    const minutes = this.minutes;
    const layer = geoJsonLayer(this.ctx.view, this.shapes, {
      pane: 'districts',
      style: (f) => {
        const d = byCode.get(f.properties.adcode);
        const band = d && d.bands.find((b) => b.minutes === minutes);
        const share = band ? band.peopleShare : null;
        return { color: '#555', weight: 1.5, opacity: 0.8, fillColor: choroplethColor(share),
          fillOpacity: share === null ? 0.35 : 0.45, dashArray: share === null ? '5 4' : null,
          className: 'district ' + (share === null ? 'district-no-network' : 'district-covered') };
      },
      onEachFeature: (f, l) => {
        const d = byCode.get(f.properties.adcode);
        const band = d && d.bands.find((b) => b.minutes === minutes);
        const label = d && band ? f.properties.name + ' ' + fmtPct(band.peopleShare) : f.properties.name + '：无路网数据';
        // as a DOM node: Leaflet reads a string as HTML, and district names come from imports
        l.bindTooltip(h('span', { class: 'district-label-text' }, label), { className: 'district-label', direction: 'center' });
        l.bindPopup(() => districtPopup(f, d, minutes, this.planner.profileName()));
        l.on('add', () => {
          const e = l.getElement && l.getElement();
          if (e) {
            e.dataset.adcode = f.properties.adcode;
            e.dataset.share = band ? band.peopleShare : '';
          }
        });
      },
    });
    layer.addTo(this.group);
    // labels: zoomed in, where the district's stations are (inside the network, for a district it
    // only partly covers); zoomed out, the middle of the district
    const at = new Map();
    for (const f of this.ctx.stationData.features || []) {
      const a = f.properties.adcode;
      if (!byCode.has(a)) continue;
      const s = at.get(a) || { lon: 0, lat: 0, n: 0 };
      s.lon += f.geometry.coordinates[0];
      s.lat += f.geometry.coordinates[1];
      s.n += 1;
      at.set(a, s);
    }
    this.labelsNear = this.map.getZoom() >= 13;
    layer.eachLayer((l) => {
      const p = l.feature.properties;
      const d = byCode.get(p.adcode);
      const band = d && d.bands.find((b) => b.minutes === minutes);
      const s = at.get(p.adcode);
      const pos = s && this.labelsNear ? this.ctx.view.toDisplay(s.lon / s.n, s.lat / s.n) : l.getBounds().getCenter();
      const text = band ? p.name + ' ' + fmtPct(band.peopleShare) : p.name + ' 无路网数据';
      const icon = L.divIcon({ className: 'district-name' + (band ? '' : ' no-network'), html: '', iconSize: [0, 0] });
      const m = L.marker(pos, { icon, interactive: false, keyboard: false, pane: 'districts' });
      m.on('add', () => { const e = m.getElement(); if (e) { const t = document.createElement('span'); t.textContent = text; e.replaceChildren(t); } });
      m.addTo(this.group);
    });
    this.map.fire('districtsdrawn');
  }
}

function districtPopup(f, d, minutes, profileName) {
  const p = f.properties;
  if (!d) {
    return h('div', { class: 'district-popup' }, h('strong', {}, p.name), h('p', {}, '无路网数据：本区域的路网没有覆盖该区，无法计算覆盖率。'),
      p.population ? h('p', {}, '普查人口 ' + fmtInt(p.population) + ' 人') : null);
  }
  const rows = d.bands.map((b) => h('li', {}, profileName + ' ' + b.minutes + ' 分钟：' + fmtPct(b.peopleShare) + '（' + fmtInt(b.peopleCovered) + ' 人）'));
  return h('div', { class: 'district-popup' }, h('strong', {}, p.name), h('p', { class: 'district-part' }, d.coveredPart),
    h('p', {}, '覆盖部分估算人口 ' + fmtInt(d.people) + ' 人'), h('ul', {}, rows),
    h('p', { class: 'panel-hint' }, '只统计路网覆盖的部分；着色为 ' + minutes + ' 分钟覆盖率。'));
}
