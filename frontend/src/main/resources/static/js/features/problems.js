// Workers' open problem reports (#problems-panel): GET /api/reports?status=OPEN, newest first, each
// with its station (a button that shows it on the map), what is wrong, the note and contact, and a
// resolve action that asks for the outcome (POST /api/reports/{id}/resolve).
import { getJson, postJson } from '../api.js';
import { h, fmtTime } from '../dom.js';
import { mountPendingPhotos } from '../photos.js';

export const name = 'problems';

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="problems"]');
  if (!container) return null;
  const p = new Problems(ctx, container);
  ctx.problems = p;
  mountPendingPhotos(container, ctx);
  container.dataset.mounted = 'ready';
  void planner;
  return p;
}

class Problems {
  constructor(ctx, container) {
    this.ctx = ctx;
    this.container = container;
    this.title = h('h2', {}, '职工反馈的问题');
    this.note = h('p', { class: 'panel-note', id: 'problems-note' }, '正在加载…');
    this.list = h('ul', { class: 'problem-list', id: 'problem-list' });
    this.refreshButton = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'problems-refresh',
      onclick: () => this.load() }, '刷新');
    container.append(h('div', { class: 'panel-title-row' }, this.title, this.refreshButton), this.note, this.list);
    this.load();
  }

  async load() {
    this.container.dataset.state = 'loading';
    try {
      const r = await getJson('/api/reports?status=OPEN');
      this.render(r.reports || []);
      this.container.dataset.state = 'ready';
    } catch (e) {
      this.note.textContent = '无法加载问题报告：' + e.message;
      this.note.dataset.kind = 'error';
      this.container.dataset.state = 'error';
    }
  }

  render(reports) {
    const sorted = [...reports].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    this.title.textContent = '职工反馈的问题（' + sorted.length + ' 条待处理）';
    this.note.textContent = sorted.length ? '' : '没有待处理的问题报告。';
    this.note.dataset.kind = 'empty';
    this.list.replaceChildren(...sorted.map((r) => this.item(r)));
  }

  item(r) {
    const resolution = h('input', { type: 'text', maxlength: '500', class: 'resolution', placeholder: '处理结果，如：已核实，已恢复供水',
      'aria-label': '处理结果' });
    const error = h('p', { class: 'form-error', hidden: true });
    const confirm = h('button', { type: 'button', class: 'btn btn-primary btn-small problem-confirm' }, '确认已处理');
    const form = h('div', { class: 'problem-resolve', hidden: true }, resolution, confirm, error);
    const open = h('button', { type: 'button', class: 'btn btn-secondary btn-small problem-resolve-open', onclick: () => {
      form.hidden = false;
      open.hidden = true;
      resolution.focus();
    } }, '处理');
    const li = h('li', { class: 'problem', 'data-report-id': r.id, 'data-station-id': r.stationId, 'data-type': r.type },
      h('div', { class: 'problem-head' },
        h('span', { class: 'problem-type problem-type-' + String(r.type).toLowerCase() }, r.typeName || r.type),
        h('button', { type: 'button', class: 'link problem-station', onclick: () => this.ctx.stations.open(r.stationId) }, r.stationName || ('站点 ' + r.stationId))),
      r.note ? h('p', { class: 'problem-note' }, r.note) : null,
      h('p', { class: 'problem-meta' }, fmtTime(r.createdAt) + (r.contact ? ' · 联系方式：' + r.contact : '')),
      open, form);
    const submit = async () => {
      const text = resolution.value.trim();
      if (!text) {
        error.textContent = '请填写处理结果。';
        error.hidden = false;
        return;
      }
      confirm.disabled = true;
      try {
        await postJson('/api/reports/' + r.id + '/resolve', { resolution: text });
        li.remove();
        const left = this.list.children.length;
        this.title.textContent = '职工反馈的问题（' + left + ' 条待处理）';
        this.note.textContent = '已处理：' + (r.stationName || '') + '（' + (r.typeName || '') + '）。' + (left ? '' : '没有待处理的问题报告。');
        this.note.dataset.kind = 'ok';
      } catch (e) {
        error.textContent = '提交失败：' + e.message;
        error.hidden = false;
      } finally {
        confirm.disabled = false;
      }
    };
    confirm.addEventListener('click', submit);
    resolution.addEventListener('keydown', (e) => { if (e.key === 'Enter') submit(); });
    return li;
  }
}
