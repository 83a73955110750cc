// 区域管理 (#regions-panel), collapsed at first: the instance's regions (GET /api/regions) with status, size and a
// link to open each, and a form to add or replace one from its files (POST /api/regions, multipart). A file that
// does not fit is named at once (400: the reason beside its input); otherwise the import runs as a job that is
// watched every 500 ms (GET /api/jobs/{id}: stage, percent, time left) and may be cancelled (DELETE).
import { getJson, chinese, csrfHeader } from '../api.js';
import { h, fmtInt } from '../dom.js';
import { JobWatcher } from '../jobs.js';

export const name = 'regions';

const CRS = [
  ['GCJ02', 'GCJ02 高德/腾讯（DataV 边界）'],
  ['WGS84', 'WGS84'],
  ['CGCS2000', 'CGCS2000'],
  ['BD09', 'BD09 百度'],
];

const STATUS = { READY: '可用', IMPORTING: '导入中', FAILED: '导入失败' };

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="regions"]');
  if (!container) return null;
  const r = new Regions(ctx, container);
  ctx.regions = r;
  container.dataset.mounted = 'ready';
  void planner;
  return r;
}

/** The address that opens the planner for one region. */
export function regionLink(code) {
  return '/plan?region=' + encodeURIComponent(code);
}

/** A region's status as a person reads it: 可用, 导入中, 导入失败：reason. */
export function statusText(region) {
  const s = STATUS[region.status] || String(region.status || '');
  if (region.status === 'FAILED') return s + '：' + (chinese(region.statusReason) || '原因不明');
  return s;
}

class Regions {
  constructor(ctx, container) {
    this.ctx = ctx;
    this.container = container;
    this.job = null;
    this.watcher = new JobWatcher({
      onUpdate: (j) => this.showJob(j),
      onRetry: (e) => { this.stage.textContent = '正在重新获取进度…（' + e.message + '）'; },
      onLost: (e) => { this.finish(); this.showOutcome('error', '无法获取导入进度：' + e.message); },
    });
    this.toggle = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'regions-toggle',
      'aria-expanded': 'false', 'aria-controls': 'regions-body', onclick: () => this.setOpen(this.body.hidden) }, '展开');
    this.note = h('p', { class: 'panel-note', id: 'regions-note', role: 'status' }, '');
    this.list = h('ul', { class: 'region-list', id: 'region-list' });
    this.body = h('div', { class: 'regions-body', id: 'regions-body', hidden: true },
      this.note, this.list, this.buildForm());
    container.append(h('div', { class: 'panel-title-row' }, h('h2', {}, '区域管理'), this.toggle), this.body);
    container.dataset.state = 'closed';
  }

  setOpen(open) {
    this.body.hidden = !open;
    this.toggle.textContent = open ? '收起' : '展开';
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open && !this.loaded) this.load();
  }

  // --- the list ------------------------------------------------------------------------

  async load() {
    this.container.dataset.state = 'loading';
    this.note.textContent = '正在加载区域…';
    this.note.dataset.kind = '';
    try {
      const r = await getJson('/api/regions');
      this.loaded = true;
      this.render(r.regions || []);
      this.container.dataset.state = 'ready';
    } catch (e) {
      this.note.textContent = '无法加载区域列表：' + e.message;
      this.note.dataset.kind = 'error';
      this.container.dataset.state = 'error';
    }
  }

  render(regions) {
    this.note.textContent = regions.length ? '共 ' + regions.length + ' 个区域。' : '尚未加载任何区域。';
    this.note.dataset.kind = regions.length ? '' : 'empty';
    this.list.replaceChildren(...regions.map((r) => this.item(r)));
  }

  item(entry) {
    const r = entry.region || {};
    return h('li', { class: 'region-item', 'data-code': r.code, 'data-status': r.status },
      h('div', { class: 'region-head' },
        h('span', { class: 'region-name' }, r.nameZh || r.code),
        h('span', { class: 'region-code' }, r.code),
        h('span', { class: 'region-status region-status-' + String(r.status).toLowerCase() }, statusText(r))),
      h('p', { class: 'region-size' }, fmtInt(entry.districts) + ' 个区县 · ' + fmtInt(entry.stations) + ' 个站点'),
      h('a', { class: 'link region-open', href: regionLink(r.code) }, '打开'));
  }

  // --- the form ------------------------------------------------------------------------

  buildForm() {
    this.inputs = {};
    this.errors = {};
    const field = (key, label, input) => {
      input.id = 'region-' + key;
      input.name = key;
      const error = h('p', { class: 'form-error field-error', id: 'region-' + key + '-error', 'data-field': key, hidden: true });
      input.setAttribute('aria-describedby', error.id);
      this.inputs[key] = input;
      this.errors[key] = error;
      return h('div', { class: 'region-field' }, h('label', { for: input.id }, label), input, error);
    };
    const crs = h('select', {}, ...CRS.map(([v, text]) => h('option', { value: v, selected: v === 'GCJ02' }, text)));
    this.submitButton = h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: 'region-submit' }, '上传并导入');
    this.formError = h('p', { class: 'form-error', id: 'region-form-error', role: 'alert', hidden: true });
    this.form = h('form', { class: 'region-form', id: 'region-form', novalidate: true, 'aria-labelledby': 'region-form-title',
      onsubmit: (e) => { e.preventDefault(); this.submit(); } },
      h('h3', { id: 'region-form-title' }, '添加或更新区域'),
      field('code', '区域代码（6 位行政区划代码）', h('input', { type: 'text', inputmode: 'numeric', maxlength: '6',
        autocomplete: 'off', placeholder: '如 440300', required: true })),
      field('name', '名称', h('input', { type: 'text', maxlength: '100', autocomplete: 'off', placeholder: '如 深圳市', required: true })),
      field('crs', '区县边界坐标系', crs),
      field('osm', 'OSM 路网（.osm / .osm.pbf）', h('input', { type: 'file', accept: '.osm,.pbf', required: true })),
      field('districts', '区县边界（GeoJSON）', h('input', { type: 'file', accept: '.json,.geojson,application/geo+json,application/json', required: true })),
      field('census', '人口普查（CSV）', h('input', { type: 'file', accept: '.csv,text/csv', required: true })),
      h('div', { class: 'region-actions' }, this.submitButton),
      this.formError);
    this.progress = this.buildProgress();
    return h('div', {}, this.form, this.progress);
  }

  buildProgress() {
    this.bar = h('progress', { class: 'job-progress', id: 'region-job-progress', max: '100', value: '0', 'aria-label': '导入进度' });
    this.stage = h('p', { class: 'job-stage', id: 'region-job-stage' });
    this.cancelButton = h('button', { type: 'button', class: 'btn btn-danger btn-small', id: 'region-job-cancel',
      onclick: () => this.cancel() }, '取消');
    this.outcome = h('div', { class: 'job-outcome', id: 'region-job-outcome', role: 'status', hidden: true });
    this.running = h('div', { class: 'job-running', hidden: true }, this.bar, this.stage, this.cancelButton);
    return h('div', { class: 'region-job', id: 'region-job', 'aria-live': 'polite' }, this.running, this.outcome);
  }

  clearErrors() {
    for (const [key, e] of Object.entries(this.errors)) {
      e.hidden = true;
      e.textContent = '';
      this.inputs[key].removeAttribute('aria-invalid');
    }
    this.formError.hidden = true;
    this.formError.textContent = '';
  }

  showFieldErrors(errors) {
    let first = null;
    const other = [];
    for (const err of errors) {
      const reason = chinese(err.reason) || '内容有误';
      const e = err.field && this.errors[err.field];
      if (!e) {
        other.push(reason);
        continue;
      }
      e.textContent = e.textContent ? e.textContent + '；' + reason : reason;
      e.hidden = false;
      this.inputs[err.field].setAttribute('aria-invalid', 'true');
      first = first || this.inputs[err.field];
    }
    if (other.length) this.showFormError(other.join('；'));
    if (first) first.focus();
  }

  showFormError(text) {
    this.formError.textContent = text;
    this.formError.hidden = false;
  }

  /** Checks what the browser can check before sending anything. */
  validate() {
    const missing = [];
    const code = this.inputs.code.value.trim();
    if (!/^[0-9]{6}$/.test(code)) missing.push({ field: 'code', reason: '请填写 6 位行政区划代码，如 440300' });
    if (!this.inputs.name.value.trim()) missing.push({ field: 'name', reason: '请填写区域名称' });
    const files = { osm: 'OSM 路网文件', districts: '区县边界文件', census: '人口普查文件' };
    for (const [key, label] of Object.entries(files)) {
      if (!this.inputs[key].files || !this.inputs[key].files.length) missing.push({ field: key, reason: '请选择' + label });
    }
    return missing;
  }

  async submit() {
    if (this.job) return;
    this.clearErrors();
    const missing = this.validate();
    if (missing.length) {
      this.showFieldErrors(missing);
      return;
    }
    const code = this.inputs.code.value.trim();
    const data = new FormData();
    data.append('code', code);
    data.append('name', this.inputs.name.value.trim());
    data.append('crs', this.inputs.crs.value);
    for (const key of ['osm', 'districts', 'census']) data.append(key, this.inputs[key].files[0]);
    this.submitButton.disabled = true;
    this.outcome.hidden = true;
    this.container.dataset.upload = 'sending';
    let response;
    try {
      // multipart: the browser writes the Content-Type with its boundary
      response = await fetch('/api/regions', { method: 'POST', body: data,
        headers: { Accept: 'application/json, application/problem+json', ...csrfHeader('POST') } });
    } catch (e) {
      this.showFormError('无法连接服务器，请检查网络后重试。');
      this.submitButton.disabled = false;
      this.container.dataset.upload = 'error';
      return;
    }
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = null;
    }
    if (response.status !== 202 || !json || !json.id) {
      this.submitButton.disabled = false;
      this.container.dataset.upload = 'rejected';
      const errors = json && Array.isArray(json.errors) ? json.errors : [];
      if (errors.length) {
        this.showFieldErrors(errors);
      } else if (json && json.field) {
        this.showFieldErrors([{ field: json.field, reason: json.reason || json.detail }]);
      } else {
        const detail = json ? chinese(json.detail || json.title || '') : '';
        this.showFormError('上传失败' + (response.status >= 500 ? '（服务器暂时不可用，' + response.status + '）' : '（' + response.status + '）')
          + (detail ? '：' + detail : ''));
      }
      return;
    }
    this.container.dataset.upload = 'accepted';
    this.watch(json, code);
    this.load();
  }

  // --- the job -------------------------------------------------------------------------

  watch(job, code) {
    this.job = { code };
    this.running.hidden = false;
    this.cancelButton.disabled = false;
    this.watcher.watch(job);
  }

  showJob(j) {
    this.container.dataset.job = String(j.status).toLowerCase();
    const percent = Math.max(0, Math.min(100, Number(j.percent) || 0));
    this.bar.value = percent;
    this.bar.textContent = percent + '%';
    if (j.status === 'QUEUED' || j.status === 'RUNNING') {
      const parts = [];
      if (j.status === 'QUEUED') parts.push('排队等待中');
      else if (j.stageName) parts.push('第 ' + (j.stage + 1) + '/' + j.stageCount + ' 步：' + chinese(j.stageName));
      parts.push(percent + '%');
      if (j.secondsLeft !== null && j.secondsLeft !== undefined) parts.push('约 ' + Math.max(1, Math.ceil(j.secondsLeft)) + ' 秒');
      this.stage.textContent = parts.join(' · ');
      return;
    }
    const code = this.job ? this.job.code : j.subject;
    this.finish();
    if (j.status === 'SUCCEEDED') {
      this.showOutcome('ok', '导入完成' + (j.result ? '：' + j.result : ''),
        h('a', { class: 'btn btn-secondary btn-small region-open-new', id: 'region-open-new', href: regionLink(code || j.subject) }, '打开该区域'));
      this.form.reset();
    } else {
      const reasons = (j.errors || []).map((e) => chinese(e.reason)).filter(Boolean);
      const head = j.status === 'CANCELLED' ? '导入已取消' : '导入失败';
      this.showOutcome('error', head + (reasons.length ? '：' : '。'), reasons.length
        ? h('ul', { class: 'job-errors' }, ...reasons.map((r) => h('li', {}, r))) : null);
    }
    this.load();
  }

  finish() {
    this.watcher.stop();
    this.job = null;
    this.running.hidden = true;
    this.submitButton.disabled = false;
  }

  showOutcome(kind, text, extra) {
    this.outcome.dataset.kind = kind;
    this.outcome.replaceChildren(h('p', { class: 'job-outcome-text' }, text), extra);
    this.outcome.hidden = false;
  }

  async cancel() {
    if (!this.job) return;
    this.cancelButton.disabled = true;
    this.stage.textContent = '正在取消…';
    try {
      await this.watcher.cancel();
    } catch (e) {
      this.cancelButton.disabled = false;
      this.stage.textContent = '取消失败：' + e.message;
    }
    // the next poll reports CANCELLED (or the outcome if the job ended first)
  }
}
