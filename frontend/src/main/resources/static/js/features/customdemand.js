// 自定义需求 under 服务对象 (#layers-panel): the region's uploaded demand surfaces (GET /api/demands) as choices of
// the 服务对象 select — each counted by every coverage figure as demand=<id> — and a form to upload one (POST
// /api/demands, multipart: points with an optional weight column, CSV, XLSX or GeoJSON, and the coordinate system they
// are in). The answer says how many points fell in the region's cells and which rows did not, then the new surface is
// chosen. A file that does not fit is named beside its input (the problem's field and reason).
import { getJson, chinese, csrfHeader, withRegion } from '../api.js';
import { h, fmtInt } from '../dom.js';

export const name = 'customdemand';

/** The coordinate systems an upload may declare; '' leaves it to the file (a GeoJSON's crs, a Shapefile's .prj). */
const CRS = [
  ['', '按文件声明（GeoJSON/Shapefile）'],
  ['WGS84', 'WGS84（GPS）'],
  ['GCJ02', 'GCJ02（高德/腾讯）'],
  ['BD09', 'BD09（百度）'],
  ['CGCS2000', 'CGCS2000'],
];

/** The rows outside as a planner reads them: "第 3、17、40 行" (the first ones, with … when there are more). */
export function rowsText(rows, total) {
  if (!rows || !rows.length) return '';
  return '第 ' + rows.slice(0, 10).join('、') + (total > 10 ? ' 等' : '') + ' 行';
}

export function mount(ctx, planner) {
  const select = document.getElementById('plan-demand');
  if (!select) return null;
  const c = new CustomDemand(ctx, planner, select);
  ctx.customDemand = c;
  return c;
}

class CustomDemand {
  constructor(ctx, planner, select) {
    this.ctx = ctx;
    this.planner = planner;
    this.select = select;
    this.group = h('optgroup', { label: '自定义需求（上传）', id: 'plan-demand-uploads', hidden: true });
    select.append(this.group);
    this.build();
    select.closest('.plan-settings').after(this.details);
    planner.on('demand', (d) => { this.select.value = d; });
    this.load();
  }

  build() {
    this.inputs = {
      name: h('input', { type: 'text', id: 'demand-upload-name', maxlength: '200', required: true,
        placeholder: '如：外卖平台订单热力 2026-11', 'aria-label': '需求分布名称' }),
      file: h('input', { type: 'file', id: 'demand-upload-file', required: true, accept: '.csv,.txt,.xlsx,.geojson,.json,.zip',
        'aria-label': '需求点文件' }),
      crs: h('select', { id: 'demand-upload-crs', 'aria-label': '坐标系' }, ...CRS.map(([v, t]) => h('option', { value: v }, t))),
    };
    this.errors = {};
    const field = (key, label, hint) => {
      this.errors[key] = h('span', { class: 'field-error', id: 'demand-upload-' + key + '-error', role: 'alert', hidden: true });
      return h('label', { class: 'setting' }, h('span', {}, label), this.inputs[key], hint ? h('span', { class: 'panel-hint' }, hint) : null,
        this.errors[key]);
    };
    this.submit = h('button', { type: 'submit', class: 'btn btn-primary btn-small', id: 'demand-upload-submit' }, '上传');
    this.outcome = h('div', { class: 'panel-note demand-upload-outcome', id: 'demand-upload-outcome', role: 'status', 'aria-live': 'polite',
      hidden: true });
    this.form = h('form', { class: 'demand-upload-form', id: 'demand-upload-form', novalidate: true,
      onsubmit: (e) => { e.preventDefault(); this.upload(); } },
    h('p', { class: 'panel-hint' }, '上传需求点（如平台订单、会员住址）：每行一个点，经度、纬度两列，可加“权重”列（没有则每点计 1）；'
      + '支持 CSV、XLSX、GeoJSON。上传后可在“服务对象”中选用，覆盖率、缺口、达标和选址都按它计算。'),
    field('name', '名称'),
    field('file', '文件', '列名示例：经度,纬度,权重'),
    field('crs', '坐标系', 'CSV、XLSX 须选明坐标系；高德、腾讯导出的是 GCJ02'),
    this.submit, this.outcome);
    this.details = h('details', { class: 'demand-upload', id: 'demand-upload' },
      h('summary', {}, '上传自定义需求分布…'), this.form);
  }

  async load() {
    try {
      const r = await getJson('/api/demands');
      this.fill(r.uploads || []);
    } catch (e) {
      // the built-in groups still work; say why the uploads are missing
      this.group.hidden = false;
      this.group.replaceChildren(h('option', { disabled: true }, '自定义需求暂不可用：' + e.message));
    }
  }

  fill(uploads) {
    this.names = new Map(uploads.map((u) => [String(u.id), u.name]));
    this.planner.demandNames = this.names;
    this.group.hidden = uploads.length === 0;
    this.group.replaceChildren(...uploads.map((u) => h('option', { value: String(u.id), 'data-upload': u.id,
      title: u.fileName + '，' + fmtInt(u.points) + ' 个点，' + (u.uploadedBy || '') }, u.name + '（' + fmtInt(u.points) + ' 点）')));
    this.select.value = this.planner.demand;
  }

  clearErrors() {
    for (const e of Object.values(this.errors)) { e.hidden = true; e.textContent = ''; }
    for (const i of Object.values(this.inputs)) i.removeAttribute('aria-invalid');
  }

  showError(fieldName, reason) {
    const key = this.errors[fieldName] ? fieldName : 'file';
    this.errors[key].textContent = chinese(reason || '');
    this.errors[key].hidden = false;
    this.inputs[key].setAttribute('aria-invalid', 'true');
  }

  say(kind, text) {
    this.outcome.hidden = false;
    this.outcome.dataset.kind = kind;
    this.outcome.textContent = text;
  }

  async upload() {
    this.clearErrors();
    this.outcome.hidden = true;
    const label = this.inputs.name.value.trim();
    const file = this.inputs.file.files[0];
    if (!label) this.showError('name', '请给需求分布起一个名称');
    if (!file) this.showError('file', '请选择文件');
    if (!label || !file) return;
    const data = new FormData();
    data.append('name', label);
    data.append('file', file);
    if (this.inputs.crs.value) data.append('crs', this.inputs.crs.value);
    this.submit.disabled = true;
    this.form.dataset.state = 'sending';
    this.say('', '正在上传并落到统计网格…');
    let response;
    let json = null;
    try {
      // multipart: the browser writes the Content-Type with its boundary
      response = await fetch(withRegion('/api/demands'), { method: 'POST', body: data,
        headers: { Accept: 'application/json, application/problem+json', ...csrfHeader('POST') } });
      try { json = await response.json(); } catch (e) { json = null; }
    } catch (e) {
      this.submit.disabled = false;
      this.form.dataset.state = 'error';
      this.say('error', '无法连接服务器，请检查网络后重试。');
      return;
    }
    this.submit.disabled = false;
    if (response.status !== 201 || !json || json.id === undefined) {
      this.form.dataset.state = 'rejected';
      const errors = json && Array.isArray(json.errors) ? json.errors : json && json.field ? [{ field: json.field, reason: json.reason }] : [];
      for (const e of errors) this.showError(e.field, e.reason || json.detail);
      this.say('error', '上传失败' + (errors.length ? '：见上方说明。' : '（' + response.status + '）'
        + (json && (json.detail || json.title) ? '：' + chinese(json.detail || json.title) : '')));
      return;
    }
    this.form.dataset.state = 'done';
    this.say('ok', '已上传“' + json.name + '”：' + fmtInt(json.points) + ' 个点，' + fmtInt(json.pointsInside) + ' 个落在本区域（权重合计 '
      + fmtInt(Math.round(json.weightInside)) + '）'
      + (json.pointsOutside ? '；' + fmtInt(json.pointsOutside) + ' 个在区域外未计入（' + rowsText(json.rowsOutside, json.pointsOutside) + '）' : '')
      + '。已设为服务对象。');
    this.outcome.dataset.upload = json.id;
    this.form.reset();
    await this.load();
    this.planner.setDemand(String(json.id));
  }
}
