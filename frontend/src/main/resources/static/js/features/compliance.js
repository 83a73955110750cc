// 达标情况 (compliance): every district against the policy targets — the share of people and road within the walk
// time of an outdoor-worker station, 交叉覆盖, a workers' cultural palace, 会·站·家 points, stations per 10,000 — as
// a table of traffic lights (GET /api/planning/compliance) with the shortfall in numbers. 目标设定 lets the region set
// its own values (PUT /api/planning/targets/{code}, with who set them) or go back to the default (DELETE). The table
// downloads as XLSX and opens as a printable page. The planner's moment, 服务对象 and 驿站服务 narrow the service circle
// (at=, demand=, service=), as they narrow the coverage report.
import { getJson, putJson, deleteJson, withRegion, pageRegion, query } from '../api.js';
import { h, fmtTime } from '../dom.js';

export const name = 'compliance';
/** The least role that may use the panel (its API refuses a district editor). */
export const role = 'PLANNER';

/** Short column heads for the narrow panel; the full names are in the title and in the XLSX. */
const SHORT = {
  WALK_PEOPLE_SHARE: '人口覆盖',
  WALK_ROAD_SHARE: '道路覆盖',
  CROSS_PEOPLE_SHARE: '交叉覆盖（人口）',
  CROSS_ROAD_SHARE: '交叉覆盖（道路）',
  CULTURAL_PALACES: '文化宫',
  INTEGRATED_POINTS: '会·站·家',
  STATIONS_PER_10K: '每万人驿站',
};

export const LIGHT_NAMES = { GREEN: '达标', AMBER: '接近', RED: '未达标', GREY: '未设目标' };

/** A cell's value as the table shows it: 82.3%, 2, 0.75. */
export function cellValue(cell, column) {
  if (cell.value === null || cell.value === undefined) return '—';
  return column.unit === '%' ? cell.value.toFixed(1) + '%' : String(cell.value);
}

/** The compliance table as DOM: one row per district and the region, a light per cell. */
export function complianceTable(c, { id } = {}) {
  const head = h('tr', {}, h('th', { scope: 'col' }, '区'),
    ...c.columns.map((col) => h('th', { scope: 'col', title: col.nameZh }, SHORT[col.measure] || col.nameZh)));
  const row = (r, total) => h('tr', { 'data-adcode': r.adcode || 'total', class: total ? 'compliance-total' : null },
    h('th', { scope: 'row' }, r.name),
    ...r.cells.map((cell, i) => h('td', { class: 'light light-' + cell.light.toLowerCase(), 'data-measure': cell.measure,
      'data-light': cell.light, title: c.columns[i].nameZh + '：' + cell.text },
    h('span', { class: 'light-value' }, cellValue(cell, c.columns[i])),
    cell.light === 'AMBER' || cell.light === 'RED'
      ? h('span', { class: 'light-shortfall' }, '差 ' + Math.round(cell.shortfall * 100) / 100 + (cell.shortfallUnit === 'km' ? ' km' : ' ' + cell.shortfallUnit))
      : null,
    h('span', { class: 'sr-only' }, LIGHT_NAMES[cell.light]))));
  return h('table', { class: 'compliance-table', id },
    h('thead', {}, head), h('tbody', {}, ...c.districts.map((r) => row(r, false))), h('tfoot', {}, row(c.total, true)));
}

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="compliance"]');
  if (!container) return null;
  const c = new ComplianceView(ctx, planner, container);
  ctx.compliance = c;
  container.dataset.mounted = 'ready';
  c.load();
  return c;
}

class ComplianceView {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.container = container;
    this.data = null;
    this.state = h('p', { class: 'panel-note', id: 'compliance-state', role: 'status', 'aria-live': 'polite' }, '正在计算达标情况…');
    this.summary = h('p', { class: 'compliance-summary', id: 'compliance-summary' });
    this.tableWrap = h('div', { class: 'compliance-wrap' });
    this.targets = h('div', { id: 'compliance-targets', class: 'compliance-targets' });
    this.exportLink = h('a', { class: 'btn btn-secondary btn-small', id: 'compliance-export', download: '' }, '下载 XLSX');
    this.print = h('a', { class: 'btn btn-secondary btn-small', id: 'compliance-print', target: '_blank', rel: 'noopener' }, '打印报告');
    this.basisNote = h('p', { class: 'panel-note', id: 'compliance-basis', hidden: true });
    container.append(h('h2', {}, '达标情况'),
      h('p', { class: 'panel-hint' }, '各区对照政策目标：绿色达标，黄色接近（达到目标的 90%），红色未达标，灰色未设目标；“差”为尚缺的人口、道路或站点。'),
      this.state, this.summary, this.basisNote, this.tableWrap, h('div', { class: 'compliance-actions' }, this.exportLink, this.print),
      h('details', { class: 'compliance-details' }, h('summary', {}, '目标设定'), this.targets));
    // the planner's moment, 服务对象 and 驿站服务 narrow the service circle as they narrow the report; a new report
    // (any of them changed, or the stations) is a new table
    planner.on('coverage', () => this.load());
    this.links();
  }

  /** The table's query: the planner's moment (at), 服务对象 (demand) and 驿站服务 (service). */
  basis() {
    return this.planner.basisParams();
  }

  links() {
    this.exportLink.href = withRegion('/api/planning/compliance/export' + query(this.basis()));
    this.print.href = '/report.html' + reportQuery({ type: 'compliance', ...this.basis() });
  }

  async load() {
    const n = (this.loads = (this.loads || 0) + 1);
    this.links();
    this.container.dataset.state = 'loading';
    try {
      const c = await getJson('/api/planning/compliance' + query(this.basis()), { timeoutMs: 60000 });
      if (n !== this.loads) return;
      this.show(c);
    } catch (e) {
      if (n !== this.loads) return;
      this.state.textContent = '达标情况暂不可用：' + e.message;
      this.state.dataset.kind = 'error';
      this.container.dataset.state = 'error';
    }
  }

  /** What narrows the table, as a planner reads it: "只计 12月2日（周三）03:00 营业的驿站；服务对象：环卫工人". */
  basisText() {
    const p = this.planner;
    const parts = [];
    if (p.at) parts.push('只计 ' + p.momentText() + ' 营业的驿站');
    if (p.services.length) parts.push('只计提供所选服务的驿站（站点数仍计全部开放站点）');
    if (p.demand !== 'residents') parts.push('服务对象：' + p.demandLabel());
    return parts.join('；');
  }

  show(c) {
    this.data = c;
    this.state.textContent = '';
    this.state.dataset.kind = '';
    const failing = c.districts.filter((r) => r.missed > 0).length;
    this.summary.textContent = '服务圈：' + c.stationKind + '，步行 ' + c.walkMinutes + ' 分钟。' + c.districts.length + ' 个区中 '
      + failing + ' 个有未达标项；全区域达标 ' + c.total.met + ' 项，未达标 ' + c.total.missed + ' 项。';
    const basis = this.basisText();
    this.basisNote.hidden = !basis;
    this.basisNote.textContent = basis ? '服务圈' + basis + '。' : '';
    this.tableWrap.replaceChildren(complianceTable(c, { id: 'compliance-table' }));
    this.renderTargets(c);
    this.container.dataset.state = 'ready';
  }

  renderTargets(c) {
    const settable = new Set(['SHUANG15_WALK_TIME', ...c.columns.map((col) => col.targetCode)]);
    const rows = c.targets.filter((t) => settable.has(t.code)).map((t) => this.targetRow(t));
    this.targets.replaceChildren(h('p', { class: 'panel-note' }, '本区域可按本地规划设定自己的目标值（须写明设定人）；“未核实”的默认值未见原始文件或为本系统的默认值。'),
      ...rows);
  }

  targetRow(t) {
    const value = h('input', { type: 'number', step: 'any', min: '0', value: t.value === null ? '' : t.value, 'aria-label': t.nameZh + ' 目标值',
      class: 'target-value' });
    const setBy = h('input', { type: 'text', maxlength: '200', placeholder: '设定人（如 市总工会 规划处）', value: t.setBy || '',
      'aria-label': '设定人', class: 'target-setby' });
    const note = h('input', { type: 'text', maxlength: '1000', placeholder: '依据或说明（可选）', value: t.note || '', 'aria-label': '说明',
      class: 'target-note' });
    const msg = h('span', { class: 'panel-note target-msg', role: 'status' });
    const save = h('button', { type: 'submit', class: 'btn btn-primary btn-small target-save' }, '设定');
    const reset = t.regionSet ? h('button', { type: 'button', class: 'btn btn-secondary btn-small target-reset',
      onclick: () => this.reset(t, msg) }, '恢复默认') : null;
    const origin = t.regionSet
      ? '本区域设定：' + t.setBy + '，' + fmtTime(t.setAt) + (t.defaultValue === null ? '' : '（默认 ' + t.defaultValue + '）')
      : '默认值' + (t.verified ? '' : '（未核实）');
    return h('form', { class: 'target-row', 'data-code': t.code, onsubmit: (e) => { e.preventDefault(); this.set(t, value, setBy, note, msg); } },
      h('div', { class: 'target-head' }, h('strong', {}, t.nameZh), h('span', { class: 'target-unit' }, ' ' + t.unit)),
      h('div', { class: 'target-origin', title: t.source }, origin),
      h('div', { class: 'target-inputs' }, value, setBy, note, save, reset, msg));
  }

  async set(t, value, setBy, note, msg) {
    msg.dataset.kind = '';
    msg.textContent = '正在保存…';
    try {
      await putJson('/api/planning/targets/' + encodeURIComponent(t.code),
        { value: value.value === '' ? null : Number(value.value), setBy: setBy.value, note: note.value });
      msg.textContent = '';
      await this.load();
    } catch (e) {
      msg.dataset.kind = 'error';
      msg.textContent = e.message;
    }
  }

  async reset(t, msg) {
    try {
      await deleteJson('/api/planning/targets/' + encodeURIComponent(t.code));
      await this.load();
    } catch (e) {
      msg.dataset.kind = 'error';
      msg.textContent = e.message;
    }
  }
}

/** The printable page's address for a report, with the page's region (lists joined with commas). */
export function reportQuery(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(k, Array.isArray(v) ? v.join(',') : v);
  if (pageRegion()) q.set('region', pageRegion());
  return '?' + q.toString();
}
