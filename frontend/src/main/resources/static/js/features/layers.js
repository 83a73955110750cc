// The planner's layer switcher (#layers-panel): the travel profile and station kind the coverage is
// computed for, and one row per map layer — stations by kind, service-area bands (rings and tiles), gaps, districts —
// that the other feature modules register (planner.layers.register).
import { h } from '../dom.js';
import { kindName, kindStyle, sortKindCodes } from '../kinds.js';
import { PROFILES } from '../profiles.js';

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
    planner.on('settings', (s) => { profile.value = s.profile; kind.value = s.kind; });
    this.list = h('ul', { class: 'layer-list' });
    container.append(
      h('h2', {}, '图层'),
      h('div', { class: 'plan-settings' },
        h('label', { class: 'setting' }, h('span', {}, '出行方式'), profile),
        h('label', { class: 'setting' }, h('span', {}, '计入的站点'), kind)),
      this.list);
    this.stationsRow(kinds);
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
