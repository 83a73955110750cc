// The planner's layer switcher (#layers-panel): the travel profile and station kind the coverage is
// computed for, and one row per map layer — stations by kind, service-area bands (rings and tiles), gaps, districts —
// that the other feature modules register (planner.layers.register).
import { h } from '../dom.js';
import { kindName, kindStyle, sortKindCodes } from '../kinds.js';
import { PROFILES } from '../profiles.js';
import { DEMANDS } from '../demands.js';

export const name = 'layers';

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="layers"]');
  if (!container) return null;
  const c = new Layers(ctx, planner, container);
  planner.layers = c;
  container.dataset.mounted = 'ready';
  return c;
}

class Layers {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.container = container;
    this.defs = new Map();
    const profile = h('select', { id: 'plan-profile', 'aria-label': '出行方式',
      onchange: () => planner.setSettings({ profile: profile.value }) },
    ...PROFILES.map((p) => h('option', { value: p.code }, p.label)));
    const kinds = sortKindCodes(new Set((ctx.stationData.features || []).map((f) => f.properties.kind)));
    const kind = h('select', { id: 'plan-kind', 'aria-label': '计入覆盖的站点类型',
      onchange: () => planner.setSettings({ kind: kind.value }) },
    h('option', { value: '' }, '全部类型'), ...kinds.map((k) => h('option', { value: k }, kindName(k))));
    const demand = h('select', { id: 'plan-demand', 'aria-label': '服务对象（覆盖率按谁计算）',
      onchange: () => planner.setDemand(demand.value) },
    ...DEMANDS.map((d) => h('option', { value: d.code, selected: d.code === planner.demand }, d.label)));
    // 货车网约车司机 are counted by car: a hint, not a forced switch
    const carHint = h('p', { class: 'panel-hint demand-hint', id: 'demand-car-hint', hidden: true },
      '货车、网约车司机通常驾车出行，建议出行方式选「驾车」。',
      h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'demand-use-car',
        onclick: () => planner.setSettings({ profile: 'CAR' }) }, '改用驾车'));
    const showHint = () => { carHint.hidden = !(planner.demand === 'drivers' && planner.profile !== 'CAR'); };
    planner.on('settings', (s) => { profile.value = s.profile; kind.value = s.kind; showHint(); });
    planner.on('demand', (d) => { demand.value = d; showHint(); });
    this.list = h('ul', { class: 'layer-list' });
    container.append(
      h('h2', {}, '图层'),
      h('div', { class: 'plan-settings' },
        h('label', { class: 'setting' }, h('span', {}, '出行方式'), profile),
        h('label', { class: 'setting' }, h('span', {}, '计入的站点'), kind),
        h('label', { class: 'setting' }, h('span', {}, '服务对象'), demand),
        this.servicesFilter()),
      carHint,
      this.list);
    this.stationsRow(kinds);
  }

  /**
   * 驿站服务: a small dropdown of checkboxes, one per service of the catalog (those the stations offer first, with their
   * count); only stations offering every service ticked count (`service=`).
   */
  servicesFilter() {
    const planner = this.planner;
    const features = this.ctx.stationData.features || [];
    const counts = new Map();
    for (const f of features) for (const s of f.properties.services || []) {
      const code = typeof s === 'string' ? s : s.code;
      counts.set(code, (counts.get(code) || 0) + 1);
    }
    const all = (this.ctx.catalog && this.ctx.catalog.services) || [];
    const offered = all.filter((s) => counts.has(s.code));
    const list = offered.length ? offered : all;
    const summary = h('summary', { class: 'service-filter-summary', id: 'plan-services-summary' }, '全部驿站');
    const boxes = list.map((s) => h('input', { type: 'checkbox', value: s.code, 'data-service': s.code }));
    const apply = () => planner.setServices(boxes.filter((b) => b.checked).map((b) => b.value));
    for (const b of boxes) b.addEventListener('change', apply);
    const clear = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'plan-services-clear', onclick: () => {
      for (const b of boxes) b.checked = false;
      apply();
    } }, '不限');
    const label = () => {
      const chosen = list.filter((s) => planner.services.includes(s.code)).map((s) => s.nameZh);
      summary.textContent = chosen.length ? '提供' + chosen.join('、') : '全部驿站';
      summary.title = chosen.length ? '只计提供' + chosen.join('、') + '的驿站' : '';
    };
    planner.on('services', (codes) => {
      for (const b of boxes) b.checked = codes.includes(b.value);
      label();
    });
    const menu = h('div', { class: 'service-filter-menu', role: 'group', 'aria-label': '只计提供这些服务的驿站' },
      h('p', { class: 'panel-hint' }, '只计同时提供所选服务的驿站'),
      ...list.map((s, i) => h('label', { class: 'service-filter-option' }, boxes[i],
        h('span', {}, s.nameZh + (counts.has(s.code) ? '（' + counts.get(s.code) + '）' : '')))),
      clear);
    const details = h('details', { class: 'service-filter', id: 'plan-services' }, summary, menu);
    return h('div', { class: 'setting setting-services' }, h('span', {}, '驿站服务'), details);
  }

  /** Stations, with one checkbox per kind present. */
  stationsRow(kinds) {
    const visible = new Set(kinds);
    const stations = this.ctx.stations;
    const apply = () => stations.setFilter((f) => visible.has(f.properties.kind) || f.properties._whatif === 'added');
    const sub = h('ul', { class: 'layer-kinds' });
    for (const k of kinds) {
      const style = kindStyle(k);
      const cb = h('input', { type: 'checkbox', checked: true, 'data-kind': k, onchange: () => {
        if (cb.checked) visible.add(k); else visible.delete(k);
        apply();
      } });
      const glyph = h('span', { class: 'st-glyph' }, style.glyph);
      glyph.style.background = style.color;
      const n = (this.ctx.stationData.features || []).filter((f) => f.properties.kind === k).length;
      sub.append(h('li', {}, h('label', { class: 'layer-kind' }, cb, glyph, h('span', {}, kindName(k) + '（' + n + '）'))));
    }
    this.register({
      id: 'stations', title: '驿站（按类型，密集时聚合）', defaultOn: true,
      setVisible: (on) => { stations.setVisible(on); sub.hidden = !on; },
      extra: sub,
    });
  }

  /**
   * Adds a layer row.
   * @param {{id: string, title: string, defaultOn?: boolean, setVisible: (on: boolean) => void,
   *          extra?: Node, swatch?: Node}} def
   */
  register(def) {
    const cb = h('input', { type: 'checkbox', 'data-layer': def.id, checked: !!def.defaultOn,
      onchange: () => { def.visible = cb.checked; def.setVisible(cb.checked); } });
    const state = h('span', { class: 'layer-state', 'data-layer-state': def.id });
    def.stateEl = state;
    const row = h('li', { class: 'layer', 'data-layer-row': def.id },
      h('label', { class: 'layer-label' }, cb, def.swatch || null, h('span', { class: 'layer-title' }, def.title)),
      state, def.extra || null);
    this.list.append(row);
    this.defs.set(def.id, def);
    def.visible = !!def.defaultOn;
    if (def.defaultOn) def.setVisible(true);
    return def;
  }

  /** A short state next to a layer ("正在加载…", an error) — empty when all is well. */
  state(id, text, kind = 'info') {
    const def = this.defs.get(id);
    if (!def) return;
    def.stateEl.textContent = text || '';
    def.stateEl.dataset.kind = kind;
  }

  isVisible(id) {
    const d = this.defs.get(id);
    return !!(d && d.visible);
  }
}
