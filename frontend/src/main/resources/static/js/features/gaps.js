// Gaps (服务缺口): the areas outside every service area of a band, shaded by the people in them
// (GET /api/coverage/gaps), each with its suggested site as a marker ("建议选址：<street>，可新增覆盖
// N 人"), and ranked in the panel (#gaps-panel) with a button to try the site in the what-if. With a moment chosen
// (按时段, planner.at) only the stations open then count (at=): the gaps of that hour.
import L from '../leaflet.js';
import { getJson } from '../api.js';
import { h, fmtInt } from '../dom.js';
import { GAP_COLOR } from './colors.js';
import { geoJsonLayer } from './geo.js';

export const name = 'gaps';

const LIMIT = 10;

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="gaps"]');
  const g = new Gaps(ctx, planner, container);
  ctx.gaps = g;
  if (container) container.dataset.mounted = 'ready';
  return g;
}

/** The suggested-site sentence, as on the marker's popup. */
export function suggestionText(site) {
  return '建议选址：' + (site.street || '未命名道路') + '，可新增覆盖 ' + fmtInt(site.peopleNewlyCovered) + ' 人';
}

class Gaps {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.map = ctx.map;
    this.container = container;
    this.map.createPane('gaps').style.zIndex = 420;
    this.group = L.layerGroup();
    this.minutes = planner.bands[planner.bands.length - 1];
    this.visible = false;
    this.data = null;
    this.loads = 0;
    /** The address of the last request, for the tests and the console. */
    this.lastUrl = null;
    this.minutesSelect = h('select', { id: 'gap-minutes', 'aria-label': '缺口：几分钟服务圈之外', onchange: () => {
      this.minutes = Number(this.minutesSelect.value);
      this.load();
    } }, ...planner.bands.map((m) => h('option', { value: m, selected: m === this.minutes }, m + ' 分钟服务圈外')));
    const swatch = h('span', { class: 'layer-swatch layer-swatch-gaps' });
    planner.layers.register({
      id: 'gaps', title: '服务缺口（按人口着色）', defaultOn: true, swatch,
      setVisible: (on) => this.setVisible(on),
      extra: h('div', { class: 'layer-extra' }, this.minutesSelect),
    });
    this.list = h('ol', { class: 'gap-list', id: 'gap-list' });
    this.message = h('p', { class: 'panel-note' });
    this.moment = h('p', { class: 'panel-note gap-moment', id: 'gap-moment', hidden: true });
    if (container) {
      container.append(h('h2', {}, '服务缺口'), h('p', { class: 'panel-hint' }, '路网覆盖范围内、服务圈之外的区域，按其中人口排序。'),
        this.moment, this.message, this.list);
    }
    planner.on('settings', () => this.load());
    planner.on('moment', () => this.load());
    planner.on('demand', () => this.load());
    planner.on('services', () => this.load());
    // gaps are the stored stations' gaps: while a what-if is open they step back and say so
    planner.on('whatif', (w) => {
      this.draw();
      planner.layers.state('gaps', w ? '显示的是现状的缺口（方案模拟中）' : '');
    });
    ctx.view.onTransform(() => this.draw());
    this.load();
  }

  setVisible(on) {
    this.visible = on;
    if (on) this.group.addTo(this.map);
    else this.map.removeLayer(this.group);
  }

  async load() {
    const n = ++this.loads;
    const layers = this.planner.layers;
    layers.state('gaps', '正在计算…');
    const at = this.planner.momentText();
    const url = this.planner.url('/api/coverage/gaps', { minutes: this.minutes, limit: LIMIT, ...this.planner.momentParams() });
    this.lastUrl = url;
    try {
      const fc = await this.ctx.busy.run('正在查找服务缺口…', () => getJson(url, { timeoutMs: 60000 }));
      if (n !== this.loads) return; // a newer moment or setting asked meanwhile
      this.data = fc;
      layers.state('gaps', at ? '仅计 ' + at + ' 开放的站点' : '');
      this.moment.hidden = !at;
      this.moment.textContent = at ? '按时段：仅计 ' + at + ' 开放的站点。' : '';
      this.draw();
      this.renderList();
    } catch (e) {
      if (n !== this.loads) return;
      this.data = null;
      this.draw();
      this.list.replaceChildren();
      layers.state('gaps', '无法显示：' + e.message, 'error');
      this.message.textContent = '无法列出服务缺口：' + e.message;
      this.message.dataset.kind = 'error';
    }
  }

  draw() {
    this.group.clearLayers();
    if (!this.data) return;
    const features = this.data.features;
    const max = Math.max(1, ...features.map((f) => f.properties.people || 0));
    geoJsonLayer(this.ctx.view, this.data, {
      pane: 'gaps',
      style: (f) => ({
        color: '#a50f15', weight: 1.5, dashArray: '4 3', fillColor: GAP_COLOR,
        fillOpacity: (this.planner.whatif ? 0.3 : 1) * (0.2 + 0.55 * Math.sqrt((f.properties.people || 0) / max)),
        className: 'gap gap-rank-' + f.properties.rank,
      }),
      onEachFeature: (f, layer) => {
        const p = f.properties;
        // as a DOM node: Leaflet reads a string as HTML, and the district name comes from an import
        layer.bindTooltip(h('span', { class: 'gap-tooltip' },
          '服务缺口 ' + p.rank + '：约 ' + fmtInt(p.people) + ' ' + this.planner.peopleUnit() + '，' + p.areaKm2 + ' km²（' + (p.districtName || '') + '）'),
        { sticky: true });
      },
    }).addTo(this.group);
    for (const f of features) {
      const site = f.properties.suggestedSite;
      if (!site) continue;
      const m = L.marker(this.ctx.view.toDisplay(site.lon, site.lat), {
        icon: L.divIcon({ className: 'site-marker', html: '<span class="site-star">★</span>', iconSize: [32, 32], iconAnchor: [16, 16] }),
        title: suggestionText(site), zIndexOffset: -500,
      });
      m.bindPopup(() => this.sitePopup(f), { maxWidth: 280 });
      m.on('add', () => { const e = m.getElement(); if (e) e.dataset.rank = f.properties.rank; });
      m.addTo(this.group);
    }
  }

  sitePopup(f) {
    const p = f.properties;
    const site = p.suggestedSite;
    return h('div', { class: 'site-popup', 'data-rank': p.rank },
      h('strong', {}, '服务缺口 ' + p.rank + '（' + (p.districtName || '') + '）'),
      h('p', { class: 'site-gap' }, '缺口内约 ' + fmtInt(p.people) + ' ' + this.planner.peopleUnit() + '，' + p.areaKm2 + ' km²，在 ' + p.minutes + ' 分钟服务圈外'),
      h('p', { class: 'site-text' }, suggestionText(site)),
      // only a planner simulates (方案模拟 is not there for a district editor)
      this.ctx.whatif ? h('button', { type: 'button', class: 'btn btn-primary btn-small', onclick: () => this.tryHere(site) }, '模拟在此新增驿站') : null);
  }

  tryHere(site) {
    this.map.closePopup();
    if (this.ctx.whatif) this.ctx.whatif.add(site.lon, site.lat, site.street);
  }

  renderList() {
    const features = this.data.features;
    this.list.replaceChildren();
    if (!features.length) {
      this.message.textContent = this.planner.profileName() + ' ' + this.minutes + ' 分钟服务圈已覆盖路网范围内的全部人口，没有缺口。';
      this.message.dataset.kind = 'empty';
      return;
    }
    this.message.textContent = '';
    for (const f of features) {
      const p = f.properties;
      const site = p.suggestedSite;
      this.list.append(h('li', { class: 'gap-item', 'data-rank': p.rank, 'data-people': p.people },
        h('button', { type: 'button', class: 'gap-go', onclick: () => this.zoomTo(f) },
          h('strong', {}, (p.districtName || '') + ' · 约 ' + fmtInt(p.people) + ' ' + this.planner.peopleUnit()),
          h('span', { class: 'gap-area' }, p.areaKm2 + ' km²')),
        site ? h('div', { class: 'gap-site' }, h('span', {}, suggestionText(site)),
          h('button', { type: 'button', class: 'btn btn-secondary btn-small gap-try', onclick: () => this.tryHere(site) }, '模拟新增'))
          : null));
    }
  }

  zoomTo(f) {
    const layer = geoJsonLayer(this.ctx.view, f);
    this.map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 17 });
  }
}
