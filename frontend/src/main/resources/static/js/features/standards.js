// 站点标准与星级: the checklist the region builds its stations to (GET /api/planning/standard; 设定 → PUT with who chose
// it, 恢复默认 → DELETE), the stations below it per district with what each lacks (GET /api/planning/standards/compliance,
// XLSX download), and the star-grade reviews due — never reviewed, a year since the last review, or flagged for a
// downgrade by workers' reports — each with a small form to record a review (POST /api/stations/{id}/grades; a refused
// field is named beside its input).
import { getJson, putJson, postJson, deleteJson, withRegion } from '../api.js';
import { h, fmtTime } from '../dom.js';
import { starsText } from '../standing.js';

export const name = 'standards';
/** The least role that may use the panel (its API refuses a district editor). */
export const role = 'PLANNER';

/** How many reviews due the list shows before 显示全部. */
const FIRST_REVIEWS = 15;

const REASONS = { NEVER_REVIEWED: '未评定', REVIEW_DUE: '已满一年待复核', FLAGGED: '有降星提示' };

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="standards"]');
  if (!container) return null;
  const v = new StandardsView(ctx, container);
  ctx.standards = v;
  container.dataset.mounted = 'ready';
  v.load();
  void planner;
  return v;
}

class StandardsView {
  constructor(ctx, container) {
    this.ctx = ctx;
    this.container = container;
    this.showAll = false;
    this.select = h('select', { id: 'standard-select', 'aria-label': '本区域标准' });
    this.setBy = h('input', { type: 'text', id: 'standard-setby', maxlength: '200', placeholder: '选择人（如 市总工会 规划处）', 'aria-label': '选择人' });
    this.note = h('input', { type: 'text', id: 'standard-note', maxlength: '1000', placeholder: '依据（可选）', 'aria-label': '依据' });
    this.msg = h('span', { class: 'panel-note', id: 'standard-msg', role: 'status' });
    this.resetButton = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'standard-reset', hidden: true,
      onclick: () => this.reset() }, '恢复默认');
    this.origin = h('p', { class: 'panel-note', id: 'standard-origin' }, '正在加载…');
    this.items = h('ul', { class: 'standard-item-list', id: 'standard-items' });
    this.summary = h('p', { class: 'compliance-summary', id: 'standard-summary' });
    this.tableWrap = h('div', { class: 'compliance-wrap' });
    this.exportLink = h('a', { class: 'btn btn-secondary btn-small', id: 'standard-export', download: '' }, '下载 XLSX');
    this.dueSummary = h('p', { class: 'compliance-summary', id: 'grades-summary' }, '正在加载…');
    this.dueList = h('ul', { class: 'grades-due', id: 'grades-due' });
    this.more = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'grades-more', hidden: true,
      onclick: () => { this.showAll = true; this.renderDue(this.due); } }, '显示全部');
    this.rules = h('p', { class: 'panel-note', id: 'grades-rules' });
    const form = h('form', { class: 'standard-choice', id: 'standard-choice', onsubmit: (e) => { e.preventDefault(); this.choose(); } },
      h('div', { class: 'target-inputs' }, this.select, this.setBy, this.note,
        h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: 'standard-save' }, '设定'), this.resetButton),
      this.msg);
    container.append(h('h2', {}, '站点标准与星级'),
      h('p', { class: 'panel-hint' }, '按本区域选定的建设标准核对各站点登记的服务、面积与容纳人数：✓ 有，✗ 缺，? 登记信息无法判断，需现场核实。星级每年复核。'),
      form, this.origin, h('details', { class: 'compliance-details' }, h('summary', {}, '标准条目与出处'), this.items),
      h('h3', {}, '未达标站点'), this.summary, this.tableWrap, h('div', { class: 'compliance-actions' }, this.exportLink),
      h('h3', {}, '星级复核'), this.dueSummary, this.dueList, this.more, this.rules);
  }

  async load() {
    this.container.dataset.state = 'loading';
    this.exportLink.href = withRegion('/api/planning/standards/compliance/export');
    try {
      const [choice, table, due] = await Promise.all([getJson('/api/planning/standard'), getJson('/api/planning/standards/compliance'),
        getJson('/api/planning/grades/due')]);
      this.renderChoice(choice);
      this.renderTable(table);
      this.renderDue(due);
      this.container.dataset.state = 'ready';
    } catch (e) {
      this.origin.textContent = '站点标准暂不可用：' + e.message;
      this.origin.dataset.kind = 'error';
      this.container.dataset.state = 'error';
    }
  }

  renderChoice(c) {
    this.choice = c;
    this.select.replaceChildren(...c.standards.map((s) => h('option', { value: s.code, selected: s.code === c.standard.code }, s.name)));
    this.setBy.value = c.setBy || '';
    this.note.value = c.note || '';
    this.resetButton.hidden = !c.regionChosen;
    this.origin.dataset.kind = '';
    this.origin.textContent = c.regionChosen
      ? '本区域标准：' + c.standard.name + '，由 ' + c.setBy + ' 于 ' + fmtTime(c.setAt) + ' 设定' + (c.note ? '（' + c.note + '）' : '') + '。'
      : '本区域尚未选择标准，暂用默认：' + c.standard.name + '。';
    this.origin.append(' 星级标准：' + c.starScheme.name + '。');
    this.items.replaceChildren(...c.standard.items.map((i) => h('li', { 'data-item': i.code },
      h('strong', {}, i.name), ' — ', h('code', {}, i.condition), i.note ? h('span', { class: 'panel-note' }, ' ' + i.note) : null,
      h('div', { class: 'panel-note standard-source' }, '出处：' + i.source + (i.verified ? '' : '（未核实）')))));
  }

  renderTable(t) {
    this.table = t;
    this.summary.textContent = t.standard.name + '：计入 ' + t.measured + ' 个站点，' + t.below + ' 个未达标。';
    const rows = [];
    const empty = t.districts.filter((d) => d.measured === 0);
    for (const d of t.districts.filter((x) => x.measured > 0)) {
      rows.push(h('tr', { class: 'standard-district', 'data-adcode': d.adcode || 'none' },
        h('th', { scope: 'row' }, d.name), h('td', {}, d.measured), h('td', {}, d.met), h('td', { class: d.below ? 'light-red' : '' }, d.below),
        h('td', {}, d.toVerify)));
      for (const s of d.stations) {
        rows.push(h('tr', { class: 'standard-station', 'data-station-id': s.id },
          h('td', { colspan: '5' },
            h('button', { type: 'button', class: 'link standard-station-name', onclick: () => this.ctx.stations.open(s.id) }, s.name),
            h('span', { class: 'standard-missing' }, ' 缺：' + s.missing.join('、')),
            s.unknown.length ? h('span', { class: 'panel-note' }, '；需现场核实：' + s.unknown.join('、')) : null)));
      }
    }
    this.tableWrap.replaceChildren(h('table', { class: 'compliance-table standard-table', id: 'standard-table' },
      h('thead', {}, h('tr', {}, ...['区', '计入', '达标', '未达标', '需核实'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows)),
    empty.length ? h('p', { class: 'panel-note', id: 'standard-empty-districts' }, '另有 ' + empty.length + ' 个区没有计入的站点：'
      + empty.map((d) => d.name).join('、') + '。') : null);
  }

  renderDue(d) {
    this.due = d;
    this.dueSummary.textContent = '按' + d.schemeName + '：待评定 ' + d.neverReviewed + ' 个，满一年待复核 ' + d.overdue + ' 个，有降星提示 '
      + d.flagged + ' 个。';
    const shown = this.showAll ? d.stations : d.stations.slice(0, FIRST_REVIEWS);
    this.dueList.replaceChildren(...shown.map((r) => this.dueItem(r)));
    this.more.hidden = shown.length >= d.stations.length;
    this.more.textContent = '显示全部（' + d.stations.length + '）';
    this.rules.textContent = d.rules;
  }

  dueItem(r) {
    const form = this.reviewForm(r);
    const open = h('button', { type: 'button', class: 'btn btn-secondary btn-small grade-open', onclick: () => {
      form.hidden = false;
      open.hidden = true;
      form.querySelector('select').focus();
    } }, '记录评定');
    const c = r.criteria;
    return h('li', { class: 'grade-due', 'data-station-id': r.stationId, 'data-reasons': r.reasons.join(' ') },
      h('div', { class: 'problem-head' },
        h('button', { type: 'button', class: 'link grade-station', onclick: () => this.ctx.stations.open(r.stationId) }, r.name),
        h('span', { class: 'panel-note' }, ' ' + (r.districtName || '') + ' · ' + r.reasons.map((x) => REASONS[x] || x).join('、'))),
      r.stars ? h('p', { class: 'grade-last' }, h('span', { class: 'stars' }, starsText(r.stars)), ' 评定于 ' + r.reviewedAt
        + '，' + r.dueOn + ' 到期') : null,
      r.flags.length ? h('ul', { class: 'grade-flags' }, ...r.flags.map((f) => h('li', { 'data-flag': f.code }, f.text))) : null,
      c ? h('p', { class: 'panel-note grade-criteria' }, '登记信息最多支持 ' + c.supportedStars + '★'
        + (c.missingForNext.length ? '（再高一级缺：' + c.missingForNext.join('、') + '）' : '')
        + (c.toVerify.length ? '；需现场核实：' + c.toVerify.join('、') : '')) : null,
      open, form);
  }

  reviewForm(r) {
    const today = this.due.today;
    const field = (key, input) => h('label', { class: 'grade-field' }, input, h('span', { class: 'form-error', 'data-error-for': key, hidden: true }));
    const stars = h('select', { name: 'stars', 'aria-label': '星级' }, h('option', { value: '' }, '请选择星级'),
      ...[5, 4, 3, 2, 1].map((n) => h('option', { value: n }, starsText(n) + ' ' + n + ' 星')));
    const date = h('input', { type: 'date', name: 'reviewedAt', value: today, max: today, 'aria-label': '评定日期' });
    const reviewer = h('input', { type: 'text', name: 'reviewer', maxlength: '200', placeholder: '评定人（如 区总工会 评定小组）', 'aria-label': '评定人' });
    const evidence = h('input', { type: 'text', name: 'evidence', maxlength: '2000', placeholder: '评定依据（检查记录、照片编号）', 'aria-label': '评定依据' });
    const msg = h('p', { class: 'form-error grade-msg', hidden: true });
    const form = h('form', { class: 'grade-form', hidden: true, onsubmit: async (e) => {
      e.preventDefault();
      form.querySelectorAll('[data-error-for]').forEach((x) => { x.hidden = true; x.textContent = ''; });
      msg.hidden = true;
      form.dataset.state = 'saving';
      try {
        await postJson('/api/stations/' + r.stationId + '/grades', { stars: stars.value ? Number(stars.value) : null, reviewedAt: date.value || null,
          reviewer: reviewer.value, evidence: evidence.value });
        form.dataset.state = 'saved';
        await Promise.all([this.reloadDue(), getJson('/api/stations/' + r.stationId).then((f) => this.patchStations([f]))]);
      } catch (e2) {
        form.dataset.state = 'rejected';
        const errors = (e2.problem && e2.problem.errors) || [];
        let placed = false;
        for (const err of errors) {
          const slot = form.querySelector('[data-error-for="' + err.field + '"]');
          if (slot) {
            slot.textContent = err.reason.replace(/\s*\([A-Za-z][\s\S]*\)$/, '');
            slot.hidden = false;
            placed = true;
          }
        }
        if (!placed) {
          msg.textContent = '保存失败：' + e2.message;
          msg.hidden = false;
        }
      }
    } },
    h('div', { class: 'target-inputs' }, field('stars', stars), field('reviewedAt', date), field('reviewer', reviewer), field('evidence', evidence),
      h('button', { type: 'submit', class: 'btn btn-primary btn-small grade-save' }, '保存评定')), msg);
    return form;
  }

  /**
   * Gives the stations the map holds (and its popups read) their new 星级 and 达标 from fresh features: in place, so that
   * an open what-if and the layer's other state stay as they are.
   */
  patchStations(fresh) {
    const byId = new Map(fresh.map((f) => [f.id, f.properties]));
    for (const list of [this.ctx.stationData && this.ctx.stationData.features, this.ctx.stations && this.ctx.stations.features]) {
      for (const f of list || []) {
        const p = byId.get(f.id);
        if (p) Object.assign(f.properties, { standard: p.standard, starGrade: p.starGrade });
      }
    }
  }

  async reloadDue() {
    this.renderDue(await getJson('/api/planning/grades/due'));
  }

  async choose() {
    this.msg.dataset.kind = '';
    this.msg.textContent = '正在保存…';
    this.container.dataset.state = 'loading';
    try {
      this.renderChoice(await putJson('/api/planning/standard', { standard: this.select.value, setBy: this.setBy.value, note: this.note.value }));
      this.msg.textContent = '';
      this.renderTable(await getJson('/api/planning/standards/compliance'));
      await Promise.all([this.reloadDue(), getJson('/api/stations').then((fc) => this.patchStations(fc.features))]);
    } catch (e) {
      this.msg.dataset.kind = 'error';
      this.msg.textContent = e.message;
    }
    this.container.dataset.state = 'ready';
  }

  async reset() {
    try {
      await deleteJson('/api/planning/standard');
      await Promise.all([this.load(), getJson('/api/stations').then((fc) => this.patchStations(fc.features))]);
    } catch (e) {
      this.msg.dataset.kind = 'error';
      this.msg.textContent = e.message;
    }
  }
}
