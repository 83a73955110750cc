// 编辑站点 (a station's registry record): from a station's popup on the planner page, for those who may edit it (ctx.me,
// ../me.js mayEditStation — the server stays the authority), a form over the page with every field of the record, read
// from GET /api/stations/{id} and saved with PUT and If-Match: "<version>". A refused field (400 problem details, errors[])
// is named beside its input and the first one gets the focus; a stale version (412/409) says so, with a button that
// reads the current one; 403 in words. Once saved the map's station is patched in place (its popup shows the new record)
// and coverage reloads.
import { ApiError, chinese, getJson, putJson } from '../api.js';
import { h } from '../dom.js';
import { mayEditStation } from '../me.js';

/** 进入方式 as the API takes them (EntryMethod.java), in its words. */
const ENTRIES = [
  ['OPEN', '直接进入'],
  ['MEMBER_CODE', '需出示工会会员卡或扫码'],
  ['CODE_LOCK', '密码锁（电话获取密码）'],
  ['FACE_OR_ID', '刷脸或身份证进入'],
];

/** 状态 as the API takes them (StationStatus.java). */
const STATUSES = [['OPEN', '开放'], ['TEMPORARILY_CLOSED', '暂停开放'], ['CLOSED', '已关闭']];

/** The fields in the order of the form (and of the focus on the first error), with their labels. */
const LABELS = {
  name: '名称', kind: '类型', status: '状态', statusReason: '状态说明', openingHours: '开放时间', services: '服务项目',
  entry: '进入方式', staffed: '有人值守', stepFree: '无障碍进入', areaM2: '面积（㎡）', capacity: '座位数', address: '地址',
  phone: '电话', hostOrg: '依托单位', operatingUnion: '运营工会', verifiedAt: '核实日期', source: '数据来源', lon: '经度', lat: '纬度',
};

let dialog = null;

/**
 * 编辑站点 for the popup of a stored station: a button shown once ctx.me says the signed-in user may edit stations of its
 * district (nothing for an added what-if station or for someone who may not).
 */
export function editButton(ctx, planner, feature) {
  const box = h('div', { class: 'station-edit-open-row', hidden: true });
  if (typeof feature.id !== 'number') return box;
  const button = h('button', { type: 'button', class: 'btn btn-secondary btn-small station-edit-open', 'data-station-id': feature.id,
    onclick: () => editor(ctx, planner).open(feature.id, button) }, '编辑站点');
  box.append(button);
  const decide = (me) => { box.hidden = !(me && me.signedIn && mayEditStation(me.user, feature.properties.adcode, regionCode(ctx))); };
  if (ctx.me) decide(ctx.me);
  else if (ctx.meLoad) ctx.meLoad.then(decide);
  return box;
}

function regionCode(ctx) {
  return (ctx.config && ctx.config.region && ctx.config.region.code) || null;
}

function editor(ctx, planner) {
  if (!dialog) dialog = new StationEditor(ctx, planner);
  return dialog;
}

let seq = 0;

class StationEditor {
  constructor(ctx, planner) {
    this.ctx = ctx;
    this.planner = planner;
    this.id = null;
    this.version = null;
    this.opener = null;
    this.inputs = {};
    this.errors = {};
    this.build();
  }

  // --- the form ---------------------------------------------------------------------------

  field(key, input, hint) {
    const id = 'station-edit-' + key;
    input.id = id;
    input.name = key;
    const error = h('p', { class: 'form-error field-error', id: id + '-error', 'data-error-for': key, role: 'alert', hidden: true });
    const hintNode = hint ? h('p', { class: 'panel-note edit-hint', id: id + '-hint' }, hint) : null;
    input.setAttribute('aria-describedby', [id + '-error', hintNode ? id + '-hint' : null].filter(Boolean).join(' '));
    this.inputs[key] = input;
    this.errors[key] = error;
    return h('div', { class: 'edit-field edit-field-' + key, 'data-field': key }, h('label', { for: id }, LABELS[key]), input, hintNode, error);
  }

  text(key, { maxlength = '200', hint = null, required = false, type = 'text', inputmode = null } = {}) {
    return this.field(key, h('input', { type, maxlength, required, inputmode, autocomplete: 'off' }), hint);
  }

  number(key, { step, min, max, hint = null }) {
    return this.field(key, h('input', { type: 'number', step, min, max, inputmode: step === '1' ? 'numeric' : 'decimal' }), hint);
  }

  select(key, options) {
    return this.field(key, h('select', {}, ...options.map(([value, text]) => h('option', { value }, text))));
  }

  /** 是 / 否 / 未登记 for a yes-or-no that may be unknown. */
  yesNo(key) {
    return this.select(key, [['', '未登记'], ['true', '是'], ['false', '否']]);
  }

  build() {
    const kinds = (this.ctx.catalog && this.ctx.catalog.kinds) || [];
    const services = (this.ctx.catalog && this.ctx.catalog.services) || [];
    this.serviceBoxes = services.map((s) => h('input', { type: 'checkbox', value: s.code, 'data-service': s.code,
      id: 'station-edit-service-' + s.code }));
    const servicesError = h('p', { class: 'form-error field-error', id: 'station-edit-services-error', 'data-error-for': 'services',
      role: 'alert', hidden: true });
    this.errors.services = servicesError;
    const servicesSet = h('fieldset', { class: 'edit-services', 'data-field': 'services', 'aria-describedby': 'station-edit-services-error' },
      h('legend', {}, LABELS.services),
      h('div', { class: 'edit-service-list' }, ...services.map((s, i) => h('label', { class: 'edit-service', for: this.serviceBoxes[i].id },
        this.serviceBoxes[i], h('span', {}, s.nameZh)))),
      services.length ? null : h('p', { class: 'panel-note' }, '服务目录不可用，服务项目保持原样。'),
      servicesError);
    this.hoursText = h('span', { class: 'edit-hours-text' });
    this.title = h('h2', { id: 'station-edit-title' }, '编辑站点');
    this.meta = h('p', { class: 'panel-note', id: 'station-edit-meta' });
    this.message = h('div', { class: 'edit-message', id: 'station-edit-message', role: 'status', 'aria-live': 'polite' });
    this.saveButton = h('button', { type: 'submit', class: 'btn btn-primary', id: 'station-edit-save' }, '保存');
    this.cancelButton = h('button', { type: 'button', class: 'btn btn-secondary', id: 'station-edit-cancel', onclick: () => this.close() }, '关闭');
    this.form = h('form', { class: 'station-edit-form', id: 'station-edit-form', novalidate: true,
      onsubmit: (e) => { e.preventDefault(); this.save(); } },
    h('fieldset', {}, h('legend', {}, '基本信息'),
      this.text('name', { required: true }),
      this.select('kind', kinds.map((k) => [k.code, k.nameZh])),
      this.select('status', STATUSES),
      this.text('statusReason', { maxlength: '500', hint: '暂停或关闭时写明原因，如“装修至 12 月底”' })),
    h('fieldset', {}, h('legend', {}, '开放时间与服务'),
      this.field('openingHours', h('input', { type: 'text', maxlength: '500', autocomplete: 'off' }),
        h('span', {}, '如 Mo-Fr 08:00-18:00; PH off，或“周一至周五 8:00-18:00”“24小时”；留空为未登记。', this.hoursText)),
      servicesSet),
    h('fieldset', {}, h('legend', {}, '进入方式与空间'),
      this.select('entry', [['', '未登记']].concat(ENTRIES)),
      this.yesNo('staffed'),
      this.yesNo('stepFree'),
      this.number('areaM2', { step: '0.1', min: '0' }),
      this.number('capacity', { step: '1', min: '0' })),
    h('fieldset', {}, h('legend', {}, '地址与归属'),
      this.text('address', { maxlength: '500' }),
      this.text('phone', { type: 'tel', maxlength: '50', inputmode: 'tel' }),
      this.text('hostOrg'),
      this.text('operatingUnion')),
    h('fieldset', {}, h('legend', {}, '核实与位置'),
      this.field('verifiedAt', h('input', { type: 'date' })),
      this.text('source'),
      this.number('lon', { step: 'any', min: '-180', max: '180', hint: '经纬度为 WGS84；在地图上迁移请用“方案模拟”拖动' }),
      this.number('lat', { step: 'any', min: '-90', max: '90' })),
    // the outcome stays in view beside the buttons, however far the form is scrolled
    h('div', { class: 'edit-footer' }, this.message, h('div', { class: 'edit-buttons' }, this.saveButton, this.cancelButton)));
    this.dialog = h('dialog', { class: 'station-edit', id: 'station-edit', 'aria-labelledby': 'station-edit-title' },
      h('div', { class: 'station-edit-head' }, this.title,
        h('button', { type: 'button', class: 'station-edit-x', 'aria-label': '关闭', onclick: () => this.close() }, '×')),
      this.meta, this.form);
    this.dialog.addEventListener('close', () => this.closed());
    document.body.append(this.dialog);
  }

  // --- open, fill, close ------------------------------------------------------------------

  async open(id, opener) {
    this.id = id;
    this.opener = opener;
    this.clearErrors();
    this.say('', '');
    this.form.hidden = true;
    this.title.textContent = '编辑站点';
    this.meta.textContent = '正在读取站点…';
    this.dialog.dataset.state = 'loading';
    if (!this.dialog.open) this.dialog.showModal();
    await this.load();
  }

  /** Reads the station as it is now and fills the form with it. */
  async load() {
    const id = this.id;
    const mine = ++seq;
    try {
      const f = await getJson('/api/stations/' + encodeURIComponent(id));
      if (mine !== seq || id !== this.id) return;
      this.fill(f);
      this.form.hidden = false;
      this.dialog.dataset.state = 'ready';
      this.inputs.name.focus();
    } catch (e) {
      if (mine !== seq) return;
      this.dialog.dataset.state = 'error';
      this.meta.textContent = '无法读取站点：' + e.message;
    }
  }

  fill(f) {
    const p = f.properties;
    const a = p.access || {};
    this.version = p.version;
    this.dialog.dataset.stationId = f.id;
    this.dialog.dataset.version = p.version;
    this.title.textContent = '编辑站点：' + p.name;
    this.meta.textContent = (p.code ? '站点编码 ' + p.code + ' · ' : '') + (p.districtName ? p.districtName + ' · ' : '') + '第 ' + p.version + ' 版';
    const v = this.inputs;
    v.name.value = p.name || '';
    this.ensureOption(v.kind, p.kind, p.kindName);
    v.kind.value = p.kind;
    v.status.value = p.status || 'OPEN';
    v.statusReason.value = p.statusReason || '';
    v.openingHours.value = p.openingHours ? p.openingHours.osm : '';
    this.hoursText.textContent = p.openingHours && p.openingHours.text ? ' 现为：' + p.openingHours.text + '。' : '';
    const offered = new Set((p.services || []).map((s) => (typeof s === 'string' ? s : s.code)));
    for (const b of this.serviceBoxes) b.checked = offered.has(b.value);
    this.unlisted = [...offered].filter((c) => !this.serviceBoxes.some((b) => b.value === c)); // kept as they are
    v.entry.value = a.entry || '';
    v.staffed.value = a.staffed === true ? 'true' : a.staffed === false ? 'false' : '';
    v.stepFree.value = a.stepFree === true ? 'true' : a.stepFree === false ? 'false' : '';
    v.areaM2.value = a.areaM2 === null || a.areaM2 === undefined ? '' : String(a.areaM2);
    v.capacity.value = p.capacity === null || p.capacity === undefined ? '' : String(p.capacity);
    v.address.value = p.address || '';
    v.phone.value = p.phone || '';
    v.hostOrg.value = p.hostOrg || '';
    v.operatingUnion.value = p.operatingUnion || '';
    v.verifiedAt.value = p.verifiedAt ? String(p.verifiedAt).slice(0, 10) : '';
    v.source.value = p.source || '';
    v.lon.value = String(f.geometry.coordinates[0]);
    v.lat.value = String(f.geometry.coordinates[1]);
  }

  ensureOption(select, value, text) {
    if (value && ![...select.options].some((o) => o.value === value)) select.append(h('option', { value }, text || value));
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }

  closed() {
    seq += 1; // a read still under way fills nothing
    const opener = this.opener && this.opener.isConnected ? this.opener
      : document.querySelector('.leaflet-popup .station-edit-open[data-station-id="' + this.id + '"]');
    if (opener) opener.focus();
  }

  // --- save -------------------------------------------------------------------------------

  /** The form as StationRequest, or null after marking the inputs the browser could not read as numbers. */
  body() {
    const v = this.inputs;
    const local = [];
    const num = (key, integer) => {
      const input = v[key];
      if (input.validity.badInput) {
        local.push({ field: key, reason: '请输入数字' });
        return null;
      }
      if (input.value.trim() === '') return null;
      const n = Number(input.value);
      if (integer && !Number.isInteger(n)) local.push({ field: key, reason: '请输入整数' });
      return n;
    };
    const text = (key) => (v[key].value.trim() === '' ? null : v[key].value.trim());
    const yesNo = (key) => (v[key].value === '' ? null : v[key].value === 'true');
    const body = {
      name: v.name.value.trim(), kind: v.kind.value, lon: num('lon'), lat: num('lat'), crs: 'WGS84', address: text('address'),
      phone: text('phone'), openingHours: text('openingHours'),
      services: this.serviceBoxes.length ? this.serviceBoxes.filter((b) => b.checked).map((b) => b.value).concat(this.unlisted || []) : undefined,
      hostOrg: text('hostOrg'), operatingUnion: text('operatingUnion'), capacity: num('capacity', true), status: v.status.value,
      statusReason: text('statusReason'), verifiedAt: text('verifiedAt'), source: text('source'), entry: v.entry.value || null,
      staffed: yesNo('staffed'), stepFree: yesNo('stepFree'), areaM2: num('areaM2'),
    };
    if (body.services === undefined) delete body.services;
    if (local.length) {
      this.showErrors(local);
      this.say('error', '有 ' + local.length + ' 项需要修改，见各项下方的说明。没有保存任何内容。');
      return null;
    }
    return body;
  }

  async save() {
    this.clearErrors();
    this.say('', '');
    const body = this.body();
    if (!body) return;
    const id = this.id;
    this.saveButton.disabled = true;
    this.dialog.dataset.state = 'saving';
    this.say('busy', '正在保存…');
    try {
      const f = await putJson('/api/stations/' + encodeURIComponent(id), body, { headers: { 'If-Match': '"' + this.version + '"' } });
      this.fill(f);
      this.dialog.dataset.state = 'saved';
      this.say('ok', '已保存（第 ' + f.properties.version + ' 版）。');
      this.patch(f);
    } catch (e) {
      this.dialog.dataset.state = 'rejected';
      this.refused(e);
    } finally {
      this.saveButton.disabled = false;
    }
  }

  refused(e) {
    const status = e instanceof ApiError ? e.status : 0;
    if (status === 412 || status === 409) {
      this.dialog.dataset.state = 'conflict';
      this.say('error', '该站点已被他人修改，请刷新后再改。您这次的修改没有保存。',
        h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'station-edit-reload', onclick: () => this.reload() },
          '读取最新版本'));
      this.message.querySelector('button').focus();
      return;
    }
    if (status === 403) {
      this.say('error', '您无权修改此站点：' + (e.reason || e.message) + '。请联系该区县的编辑或区域管理员。');
      return;
    }
    if (status === 401) {
      this.say('error', '登录已过期，请重新登录后再保存。');
      return;
    }
    const errors = (e.problem && Array.isArray(e.problem.errors) ? e.problem.errors : [])
      .map((x) => ({ field: x.field, reason: chinese(x.reason) }));
    if (!errors.length && e.field) errors.push({ field: e.field, reason: e.reason || e.message });
    const placed = this.showErrors(errors);
    const rest = errors.filter((x) => !placed.includes(x));
    if (rest.length || !placed.length) {
      this.say('error', '保存失败：' + (rest.length ? rest.map((x) => (LABELS[x.field] ? LABELS[x.field] + '：' : '') + x.reason).join('；') : e.message));
    } else {
      this.say('error', '有 ' + placed.length + ' 项需要修改，见各项下方的说明。没有保存任何内容。');
    }
  }

  async reload() {
    this.clearErrors();
    this.say('busy', '正在读取最新版本…');
    await this.load();
    if (this.dialog.dataset.state === 'ready') this.say('ok', '已读取最新版本（第 ' + this.version + ' 版），请重新修改。');
  }

  /** Marks each error's input; focuses the first in the form's order. Returns the errors placed beside an input. */
  showErrors(errors) {
    const placed = [];
    for (const err of errors) {
      const slot = err.field && this.errors[err.field];
      if (!slot) continue;
      slot.textContent = (slot.textContent ? slot.textContent + '；' : '') + err.reason;
      slot.hidden = false;
      const input = this.inputs[err.field];
      if (input) input.setAttribute('aria-invalid', 'true');
      slot.closest('[data-field]').classList.add('has-error');
      placed.push(err);
    }
    const first = this.form.querySelector('.has-error input, .has-error select');
    if (first) first.focus();
    return placed;
  }

  clearErrors() {
    for (const slot of Object.values(this.errors)) {
      slot.textContent = '';
      slot.hidden = true;
    }
    for (const input of Object.values(this.inputs)) input.removeAttribute('aria-invalid');
    this.form.querySelectorAll('.has-error').forEach((e) => e.classList.remove('has-error'));
  }

  say(kind, text, ...extra) {
    this.message.dataset.kind = kind;
    this.message.replaceChildren(...(text ? [h('p', {}, text)] : []), ...extra);
  }

  // --- the map ----------------------------------------------------------------------------

  /**
   * The saved station on the page: the map's feature (and the what-if's, the same object) takes the new properties and
   * place in place, its open popup is drawn again from it, the markers once that popup closes (drawing them now would close
   * it), and coverage reloads (hours, status and services count).
   */
  patch(f) {
    const ctx = this.ctx;
    for (const list of [ctx.stationData && ctx.stationData.features, ctx.stations && ctx.stations.features]) {
      for (const g of list || []) {
        if (g.id !== f.id) continue;
        const whatif = g.properties._whatif ? { _whatif: g.properties._whatif, _whatifFixed: g.properties._whatifFixed } : {};
        for (const k of Object.keys(g.properties)) if (!k.startsWith('_')) delete g.properties[k];
        Object.assign(g.properties, f.properties, whatif);
        if (whatif._whatif !== 'moved') g.geometry = f.geometry; // a what-if move keeps its planned place
      }
    }
    const marker = ctx.stations && ctx.stations.byId.get(f.id);
    const redraw = () => (ctx.whatif ? ctx.whatif.drawStations() : ctx.stations.setStations(ctx.stationData));
    if (marker && marker.isPopupOpen()) {
      marker.getPopup().update();
      ctx.map.once('popupclose', () => setTimeout(redraw, 0));
    } else {
      redraw();
    }
    if (this.planner) this.planner.loadCoverage();
  }
}
