// 方案对比 (scenario comparison): the current stations (现状) or a saved scenario against another scenario, on the
// compliance basis (GET /api/scenarios/compare): stations added, moved, closed; people and road-km covered; 交叉覆盖;
// targets met; the change per district; the targets whose light changes. Each side's stations are drawn on the map
// (A blue, B green; closed ones crossed). Downloads as XLSX and opens as a printable page.
import L from '../leaflet.js';
import { getJson, withRegion } from '../api.js';
import { h, fmtInt } from '../dom.js';
import { LIGHT_NAMES, reportQuery } from './compliance.js';

export const name = 'compare';
/** The least role that may use the panel (its API refuses a district editor). */
export const role = 'PLANNER';

const OPS = { add: '新增', move: '迁移', close: '关闭', reopen: '重新开放' };

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="compare"]');
  if (!container) return null;
  const c = new Compare(ctx, planner, container);
  ctx.compare = c;
  container.dataset.mounted = 'ready';
  c.loadScenarios();
  return c;
}

/** The rows of a comparison's summary: label, A, B, change. */
export function summaryRows(c) {
  const a = c.a;
  const b = c.b;
  const km = (v) => (Math.round(v * 100) / 100).toLocaleString('en-US');
  const signed = (v, f = fmtInt) => (v > 0 ? '+' : v < 0 ? '−' : '±') + f(Math.abs(v));
  return [
    ['新增 / 迁移 / 关闭站点', a.changes.added + ' / ' + a.changes.moved + ' / ' + a.changes.closed,
      b.changes.added + ' / ' + b.changes.moved + ' / ' + b.changes.closed, ''],
    [c.walkMinutes + ' 分钟覆盖人口', fmtInt(a.peopleCovered), fmtInt(b.peopleCovered), signed(c.total.peopleCoveredChange)],
    [c.walkMinutes + ' 分钟覆盖道路（km）', km(a.roadKmCovered), km(b.roadKmCovered), signed(c.total.roadKmCoveredChange, km)],
    ['交叉覆盖人口', fmtInt(a.peopleWithTwo), fmtInt(b.peopleWithTwo), signed(c.total.peopleWithTwoChange)],
    ['交叉覆盖道路（km）', km(a.roadKmWithTwo), km(b.roadKmWithTwo), signed(b.roadKmWithTwo - a.roadKmWithTwo, km)],
    ['达标项', String(a.targetsMet), String(b.targetsMet), signed(b.targetsMet - a.targetsMet)],
  ];
}

/** The comparison's tables as DOM: summary, per district, changed lights. */
export function comparisonTables(c) {
  const summary = h('table', { class: 'compare-table', id: 'compare-summary' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '项目'), h('th', { scope: 'col' }, 'A：' + c.a.label),
      h('th', { scope: 'col' }, 'B：' + c.b.label), h('th', { scope: 'col' }, '变化'))),
    h('tbody', {}, ...summaryRows(c).map((r) => h('tr', {}, h('th', { scope: 'row' }, r[0]), h('td', {}, r[1]), h('td', {}, r[2]),
      h('td', { class: 'compare-change' }, r[3])))));
  const districts = h('table', { class: 'compare-table', id: 'compare-districts' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '区'), h('th', { scope: 'col' }, '覆盖人口变化'),
      h('th', { scope: 'col' }, '交叉覆盖变化'), h('th', { scope: 'col' }, '达标项 A → B'))),
    h('tbody', {}, ...c.districts.map((d) => h('tr', { 'data-adcode': d.adcode },
      h('th', { scope: 'row' }, d.name), h('td', { 'data-value': d.peopleCoveredChange }, fmtInt(d.peopleCoveredChange, { sign: true })),
      h('td', {}, fmtInt(d.peopleWithTwoChange, { sign: true })), h('td', {}, d.targetsMetA + ' → ' + d.targetsMetB)))));
  const lights = c.lightChanges.length
    ? h('ul', { class: 'compare-lights', id: 'compare-lights' }, ...c.lightChanges.map((l) => h('li', { 'data-measure': l.measure },
      (l.adcode ? l.name : '全区域') + ' · ' + l.measureName + '：',
      h('span', { class: 'light-chip light-' + l.a.toLowerCase() }, LIGHT_NAMES[l.a]), ' → ',
      h('span', { class: 'light-chip light-' + l.b.toLowerCase() }, LIGHT_NAMES[l.b]))))
    : h('p', { class: 'panel-note', id: 'compare-lights' }, '两者达标情况相同。');
  return [summary, h('h3', {}, '各区变化'), districts, h('h3', {}, '达标变化'), lights];
}

class Compare {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.container = container;
    this.map = ctx.map;
    this.group = L.layerGroup().addTo(this.map);
    this.result = null;
    this.a = h('select', { id: 'compare-a', 'aria-label': '方案 A' });
    this.b = h('select', { id: 'compare-b', 'aria-label': '方案 B' });
    this.go = h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: 'compare-go' }, '对比');
    this.state = h('p', { class: 'panel-note', id: 'compare-state', role: 'status', 'aria-live': 'polite' });
    this.body = h('div', { id: 'compare-body' });
    this.actions = h('div', { class: 'compliance-actions', hidden: true });
    this.clearButton = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'compare-clear', onclick: () => this.clear() }, '清除');
    container.append(h('h2', {}, '方案对比'),
      h('p', { class: 'panel-hint' }, '把现状或一个方案与另一个方案并排比较（按达标口径：户外劳动者服务站点，步行服务圈）。'),
      h('form', { class: 'siting-form', onsubmit: (e) => { e.preventDefault(); this.compare(this.a.value, this.b.value); } },
        h('label', { class: 'siting-field' }, 'A ', this.a), h('label', { class: 'siting-field' }, 'B ', this.b), this.go),
      this.state, this.body, this.actions);
    planner.on('scenarios', (list) => this.fill(list));
  }

  async loadScenarios() {
    try {
      this.fill((await getJson('/api/scenarios')).scenarios || []);
    } catch (e) {
      this.say('error', '无法加载已存方案：' + e.message);
    }
  }

  fill(list) {
    const open = list.filter((s) => !s.appliedAt);
    const keepA = this.a.value;
    const keepB = this.b.value;
    this.a.replaceChildren(h('option', { value: 'current' }, '现状'), ...open.map((s) => h('option', { value: String(s.id) }, s.name)));
    this.b.replaceChildren(...open.map((s) => h('option', { value: String(s.id) }, s.name)), h('option', { value: 'current' }, '现状'));
    if (keepA) this.a.value = keepA;
    if (keepB) this.b.value = keepB;
    this.go.disabled = open.length === 0;
    if (!open.length) this.say('', '先在“方案模拟”或“选址建议”中保存一个方案。');
    else if (this.state.dataset.kind !== 'error') this.say('', '');
  }

  /** Compares side a with side b ('current' or a scenario id). */
  async compare(a, b) {
    this.a.value = String(a);
    this.b.value = String(b);
    this.say('', '正在对比…');
    try {
      const c = await this.ctx.busy.run('正在对比方案…', () => getJson('/api/scenarios/compare?a=' + encodeURIComponent(a)
        + '&b=' + encodeURIComponent(b), { timeoutMs: 120000 }));
      this.show(c, a, b);
    } catch (e) {
      this.say('error', '无法对比：' + e.message);
    }
  }

  show(c, a, b) {
    this.result = c;
    this.say('', c.basis.replace(/\s*\(.*\)$/, ''));
    this.body.replaceChildren(...comparisonTables(c));
    this.actions.replaceChildren(
      h('a', { class: 'btn btn-secondary btn-small', id: 'compare-export', download: '',
        href: withRegion('/api/scenarios/compare/export?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b)) }, '下载 XLSX'),
      h('a', { class: 'btn btn-secondary btn-small', id: 'compare-print', target: '_blank', rel: 'noopener',
        href: '/report.html' + reportQuery({ type: 'compare', a, b }) }, '打印报告'),
      this.clearButton);
    this.actions.hidden = false;
    this.container.dataset.state = 'ready';
    this.draw();
  }

  draw() {
    this.group.clearLayers();
    if (!this.result) return;
    const points = [];
    for (const [side, key] of [[this.result.a, 'a'], [this.result.b, 'b']]) {
      for (const s of side.stations) {
        const at = this.ctx.view.toDisplay(s.lon, s.lat);
        points.push(at);
        L.marker(at, {
          icon: L.divIcon({ className: 'compare-marker compare-' + key + ' compare-' + s.op,
            html: '<span>' + key.toUpperCase() + '</span>', iconSize: [24, 24], iconAnchor: [12, 12] }),
          title: side.label + '：' + OPS[s.op] + (s.name ? ' ' + s.name : ''),
        }).addTo(this.group);
      }
    }
    if (points.length) this.map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 15 });
  }

  clear() {
    this.result = null;
    this.group.clearLayers();
    this.body.replaceChildren();
    this.actions.hidden = true;
    this.say('', '');
  }

  say(kind, text) {
    this.state.textContent = text;
    this.state.dataset.kind = kind;
  }
}
