// The coverage report (#report-panel): one row per district — 区, 路网覆盖, 人口(估算), the share of
// people within each band, 平均/90% 用时, 驿站数, 每万人驿站 — sortable by any column, with the
// total, the report's note (only the covered part of each district is counted), export as CSV or
// XLSX, and, while a what-if is open, its numbers with 新增/失去覆盖 per district and band. Also the
// stations the computation flags (孤立路网 …) in #flagged-panel. The 交叉覆盖 column (people within the largest band of
// two or more stations, GET /api/coverage/cross) shows the stored stations' figure, also while a what-if is open.
import { chinese, getJson } from '../api.js';
import { h, fmtInt, fmtPct } from '../dom.js';

export const name = 'report';

const PROBLEMS = {
  ISOLATED_NETWORK_PIECE: '孤立路网',
  TOO_FAR_FROM_ROAD: '离道路太远',
};

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="report"]');
  if (!container) return null;
  const r = new Report(ctx, planner, container);
  ctx.report = r;
  container.dataset.mounted = 'ready';
  return r;
}

function band(d, minutes) {
  return (d.bands || []).find((b) => b.minutes === minutes) || null;
}

class Report {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.container = container;
    this.sort = { key: null, dir: 'ascending' };
    this.title = h('h2', { class: 'report-title', id: 'report-title' }, '覆盖报告');
    this.csv = h('a', { class: 'btn btn-secondary btn-small', id: 'export-csv', download: '' }, '导出 CSV');
    this.xlsx = h('a', { class: 'btn btn-secondary btn-small', id: 'export-xlsx', download: '' }, '导出 XLSX');
    this.toggle = h('button', { type: 'button', class: 'btn btn-secondary btn-small report-toggle', 'aria-expanded': 'true',
      onclick: () => this.setOpen(this.container.classList.contains('collapsed')) }, '收起');
    this.note = h('p', { class: 'report-note', id: 'report-note' });
    this.whatifNote = h('p', { class: 'report-whatif', hidden: true });
    this.error = h('div', { class: 'report-error', role: 'alert', hidden: true });
    this.table = h('table', { id: 'report-table', class: 'report-table' });
    // 服务对象 other than residents: whom the people columns count and how (the report's demand.method)
    this.demandNote = h('p', { class: 'report-note report-demand', id: 'report-demand-note', hidden: true });
    this.body = h('div', { class: 'report-body' }, this.note, this.whatifNote, this.error,
      h('div', { class: 'table-wrap' }, this.table), this.demandNote);
    container.append(h('div', { class: 'report-head' }, this.title,
      h('div', { class: 'report-actions' }, this.csv, this.xlsx, this.toggle)), this.body);
    container.dataset.state = 'loading';
    this.note.textContent = '正在计算覆盖…';
    this.updateLinks();
    this.flagged = document.querySelector('[data-feature="flagged"]');
    this.cross = null;
    planner.on('coverage', () => { this.render(); this.loadCross(); });
    planner.on('whatif', () => this.render());
    planner.on('settings', () => { this.updateLinks(); this.container.dataset.state = 'loading'; });
    const filters = () => { this.updateLinks(); this.cross = null; this.container.dataset.state = 'loading'; };
    planner.on('demand', filters);
    planner.on('services', filters);
    planner.on('moment', filters);
    planner.on('coverage-error', (e) => this.showError(e));
    if (window.matchMedia && window.matchMedia('(max-width: 899px)').matches) this.setOpen(false);
  }

  async loadCross() {
    const n = (this.crossLoads = (this.crossLoads || 0) + 1);
    try {
      const c = await getJson(this.planner.url('/api/coverage/cross', this.planner.momentParams()), { timeoutMs: 60000 });
      if (n !== this.crossLoads) return;
      this.cross = { total: c.total, byAdcode: new Map(c.districts.map((d) => [d.adcode, d])) };
    } catch (e) {
      if (n !== this.crossLoads) return;
      this.cross = { error: e.message };
    }
    this.render();
  }

  /** The 交叉覆盖 band (the largest) of a report row, or null while it is loading or failed. */
  crossBand(d) {
    if (!this.cross || this.cross.error) return null;
    const row = d.adcode ? this.cross.byAdcode.get(d.adcode) : this.cross.total;
    const m = this.planner.bands[this.planner.bands.length - 1];
    return row ? band(row, m) : null;
  }

  setOpen(open) {
    this.container.classList.toggle('collapsed', !open);
    this.toggle.textContent = open ? '收起' : '展开';
    this.toggle.setAttribute('aria-expanded', String(open));
  }

  updateLinks() {
    // the export is the baseline on screen: the same moment, 服务对象 and 驿站服务
    this.csv.href = this.planner.url('/api/coverage/export', { format: 'csv', ...this.planner.momentParams() });
    this.xlsx.href = this.planner.url('/api/coverage/export', { format: 'xlsx', ...this.planner.momentParams() });
  }

  showError(e) {
    this.container.dataset.state = 'error';
    this.table.replaceChildren();
    this.note.textContent = '';
    this.error.replaceChildren(h('strong', {}, '覆盖计算暂不可用'), h('p', { class: 'report-error-text' }, e.message),
      h('button', { type: 'button', class: 'btn btn-primary btn-small', onclick: () => this.planner.loadCoverage() }, '重试'));
    this.error.hidden = false;
    this.csv.setAttribute('aria-disabled', 'true');
    this.xlsx.setAttribute('aria-disabled', 'true');
    if (this.flagged) this.flagged.hidden = true;
  }

  columns() {
    const cols = [
      { key: 'name', label: '区', text: true, get: (d) => d.name },
      { key: 'covered', label: '路网覆盖', get: (d) => d.coveredAreaKm2 },
      { key: 'people', label: this.unit === '人' ? '人口(估算)' : this.demandName + '（' + this.unit + '）', get: (d) => d.people },
    ];
    for (const m of this.planner.bands) {
      cols.push({ key: 'band' + m, label: m + ' 分钟覆盖率', minutes: m, get: (d) => (band(d, m) || {}).peopleShare });
    }
    const last = this.planner.bands[this.planner.bands.length - 1];
    cols.push({ key: 'cross', label: '交叉覆盖(' + last + ' 分钟)', get: (d) => (this.crossBand(d) || {}).share });
    cols.push({ key: 'mean', label: '平均/90% 用时', get: (d) => d.meanMinutes },
      { key: 'stations', label: '驿站数', get: (d) => d.stations },
      { key: 'per10k', label: '每万人驿站', get: (d) => d.stationsPer10kPeople });
    return cols;
  }

  render() {
    const report = this.planner.current();
    if (!report) return;
    this.container.dataset.state = 'ready';
    this.error.hidden = true;
    this.csv.removeAttribute('aria-disabled');
    this.xlsx.removeAttribute('aria-disabled');
    const w = this.planner.whatif;
    const demand = this.planner.demandInfo(report);
    this.unit = this.planner.peopleUnit(report);
    this.demandName = (demand && demand.name) || this.planner.demandLabel();
    const others = demand && demand.code && demand.code.toLowerCase() !== 'residents';
    this.demandNote.hidden = !others;
    this.demandNote.textContent = others ? '服务对象：' + this.demandName
      + (demand.relative ? '。人数列为相对权重（' + this.unit + '），不是人数；请比较覆盖率。' : '。')
      + (demand.method ? '计算方法：' + chinese(demand.method) : '') : '';
    this.demandNote.dataset.relative = String(!!(demand && demand.relative));
    const at = report.openAt ? String(report.openAt).slice(0, 16) : this.planner.at;
    const moment = this.planner.momentText(at);
    this.title.textContent = '覆盖报告 · ' + (report.profileName || this.planner.profileName()) + (moment ? ' · ' + moment + ' 营业的驿站' : '')
      + (w ? '（方案模拟）' : '');
    this.title.dataset.at = at || '';
    this.note.textContent = chinese(report.note || '') + (report.calendarNote ? ' ' + chinese(report.calendarNote) : '');
    this.whatifNote.hidden = !w;
    this.whatifNote.textContent = w ? '表中为模拟后的数字；绿色为新增覆盖、红色为失去覆盖的人数。导出的是现状。' : '';
    const cols = this.columns();
    const deltas = new Map(w ? w.delta.districts.map((d) => [d.adcode, d]) : []);
    const head = h('tr', {});
    for (const c of cols) {
      const state = this.sort.key === c.key ? this.sort.dir : 'none';
      head.append(h('th', { scope: 'col', 'aria-sort': state, 'data-key': c.key, class: c.text ? 'col-text' : 'col-num' },
        h('button', { type: 'button', class: 'sort', onclick: () => this.sortBy(c.key) }, c.label,
          h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕'))));
    }
    let rows = [...report.districts];
    if (this.sort.key) {
      const col = cols.find((c) => c.key === this.sort.key);
      const sign = this.sort.dir === 'ascending' ? 1 : -1;
      rows.sort((a, b) => {
        const x = col.get(a);
        const y = col.get(b);
        if (x === y) return 0;
        if (x === null || x === undefined) return 1;
        if (y === null || y === undefined) return -1;
        return sign * (col.text ? String(x).localeCompare(String(y), 'zh-CN') : x - y);
      });
    }
    const body = h('tbody', {});
    for (const d of rows) body.append(this.row(d, cols, deltas.get(d.adcode)));
    const foot = h('tfoot', {}, this.row(report.total, cols, w ? w.delta.total : null, true));
    this.table.replaceChildren(h('thead', {}, head), body, foot);
    this.renderFlagged(report);
  }

  row(d, cols, delta, total = false) {
    const tr = h('tr', { 'data-adcode': d.adcode || '', class: total ? 'total-row' : '' });
    for (const c of cols) {
      const value = c.get(d);
      const td = h(c.key === 'name' ? 'th' : 'td', { 'data-key': c.key, 'data-value': value === null || value === undefined ? '' : value,
        scope: c.key === 'name' ? 'row' : null, class: c.text ? 'col-text' : 'col-num' });
      if (c.key === 'name') td.append(d.name || '全区域');
      else if (c.key === 'covered') td.append(String(d.coveredPart || '').replace(/^路网覆盖\s*/, ''));
      else if (c.key === 'people') td.append(fmtInt(d.people));
      else if (c.minutes) {
        const b = band(d, c.minutes);
        td.append(h('span', { class: 'share' }, b ? fmtPct(b.peopleShare) : '—'));
        if (b) td.append(h('span', { class: 'covered-people' }, fmtInt(b.peopleCovered) + ' ' + this.unit));
        const db = delta && band(delta, c.minutes);
        if (db) {
          const ch = h('span', { class: 'delta', 'data-gained': db.peopleGained, 'data-lost': db.peopleLost, 'data-net': db.netChange });
          if (db.peopleGained) ch.append(h('span', { class: 'gained', title: '新增覆盖' }, '+' + fmtInt(db.peopleGained)));
          if (db.peopleLost) ch.append(h('span', { class: 'lost', title: '失去覆盖' }, '−' + fmtInt(db.peopleLost)));
          td.append(ch);
        }
      } else if (c.key === 'cross') {
        const b = this.crossBand(d);
        if (b) {
          td.append(h('span', { class: 'share' }, b.share === null ? '—' : fmtPct(b.share)),
            h('span', { class: 'covered-people' }, fmtInt(b.peopleWithTwo) + ' ' + this.unit));
          td.title = '可在 ' + b.minutes + ' 分钟内到达两个或更多驿站的' + (this.unit === '人' ? '人口' : this.demandName) + (this.planner.whatif ? '（现状）' : '');
        } else td.append(this.cross && this.cross.error ? '—' : '…');
      } else if (c.key === 'mean') td.append(fmtMin(d.meanMinutes) + ' / ' + fmtMin(d.p90Minutes) + ' 分钟');
      else if (c.key === 'stations') td.append(fmtInt(d.stations));
      else if (c.key === 'per10k') td.append(d.stationsPer10kPeople === null || d.stationsPer10kPeople === undefined ? '—' : d.stationsPer10kPeople.toFixed(2));
      tr.append(td);
    }
    return tr;
  }

  sortBy(key) {
    if (this.sort.key === key) this.sort.dir = this.sort.dir === 'ascending' ? 'descending' : 'ascending';
    else this.sort = { key, dir: 'ascending' };
    this.render();
    const th = this.table.querySelector('th[data-key="' + key + '"] button');
    if (th) th.focus();
  }

  renderFlagged(report) {
    const panel = this.flagged;
    if (!panel) return;
    const flagged = (report.stations && report.stations.flagged) || [];
    panel.hidden = false;
    panel.dataset.mounted = 'ready';
    const list = h('ul', { class: 'flagged-list', id: 'flagged-list' });
    for (const f of flagged) {
      list.append(h('li', { class: 'flagged-item', 'data-station-id': f.stationId, 'data-problem': f.problem },
        h('button', { type: 'button', class: 'link', onclick: () => this.ctx.stations.open(f.stationId) }, f.name),
        h('span', { class: 'flag flag-' + (f.used ? 'used' : 'unused') }, (PROBLEMS[f.problem] || f.problem) + (f.used ? '' : '，未计入')),
        h('p', { class: 'flag-reason' }, chinese(f.reason))));
    }
    panel.replaceChildren(h('h2', {}, '需注意的站点（' + flagged.length + '）'),
      flagged.length ? h('p', { class: 'panel-hint' }, '这些站点在路网上的位置有问题，覆盖数字可能偏低：请核实位置。') : h('p', { class: 'panel-note' }, '没有需注意的站点。'),
      list);
  }
}

function fmtMin(m) {
  return m === null || m === undefined ? '—' : Number(m).toFixed(1);
}
