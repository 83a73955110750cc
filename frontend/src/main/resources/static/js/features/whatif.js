// What-if (方案模拟, #whatif-panel): drag a station to move it, click the map in "添加驿站" mode to add
// one, close one from its popup. Every change re-asks POST /api/whatif (nothing is stored) and the
// bands, the district table and the numbers here update with the difference — 新增覆盖 / 失去覆盖
// people per band. Pending changes are listed with 撤销; "保存为方案" stores them (POST
// /api/scenarios), "放弃" drops them; saved scenarios can be reopened or deleted.
import { historyButton } from './history.js';
import { editButton } from './stationedit.js';
import { photoSection } from '../photos.js';
import { chinese, deleteJson, getJson, postJson } from '../api.js';
import { h, fmtInt, fmtPct, fmtTime } from '../dom.js';
import { kindName } from '../kinds.js';
import { stationDetails } from '../popup.js';
import { profileLabel } from '../profiles.js';
import { mayUse } from '../me.js';

export const name = 'whatif';

const NEW_KIND = 'OUTDOOR_STATION';
let instance = null;

/** 标识牌: the station's printable A5 sign with its code and QR code (GET /api/stations/{id}/sign.svg). */
function signLink(feature) {
  const code = feature.properties.code;
  if (!code || typeof feature.id !== 'number') return null;
  return h('p', { class: 'st-sign' }, h('span', { class: 'st-code' }, '站点编码 ' + code), ' ',
    h('a', { href: '/api/stations/' + feature.id + '/sign.svg', target: '_blank', rel: 'noopener', class: 'st-sign-link',
      download: 'sign-' + code + '.svg' }, '标识牌（A5，含二维码）'));
}

/** The page once mounted ({ctx, planner}): a station's popup then carries the tools of every signed-in role. */
let page = null;

/** What a station's popup offers every signed-in user (each shown as their role allows): 编辑站点, 修改记录, 照片, 标识牌. */
function stationTools(feature) {
  return [editButton(page.ctx, page.planner, feature), historyButton(page.ctx, page.planner, feature.id),
    photoSection(feature.id, { upload: 'editor' }), signLink(feature)];
}

/**
 * The popup of a station marker on the planner page: details and the station's tools, and for a planner the what-if
 * actions too.
 */
export function stationPopup(feature) {
  if (instance) return instance.popup(feature);
  const root = stationDetails(feature);
  if (page) root.append(...stationTools(feature).filter(Boolean));
  return root;
}

/**
 * Simulation is a planner's (POST /api/whatif and the saved scenarios are refused to a district editor): for another
 * role the panel stays hidden and the markers stay where they are, but the popups keep the station's tools.
 */
export function mount(ctx, planner) {
  page = { ctx, planner };
  const container = document.querySelector('[data-feature="whatif"]');
  if (!container) return null;
  if (!mayUse(ctx.me, 'PLANNER')) {
    container.hidden = true;
    ctx.stations.setDraggable(false);
    return null;
  }
  instance = new WhatIf(ctx, planner, container);
  ctx.whatif = instance;
  container.dataset.mounted = 'ready';
  return instance;
}

class WhatIf {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.container = container;
    this.map = ctx.map;
    this.changes = [];
    this.seq = 0;
    this.result = null;
    this.adding = false;
    this.scenario = null;
    this.pending = null;
    this.byId = new Map((ctx.stationData.features || []).map((f) => [f.id, f]));
    this.build();
    ctx.view.onClick((lon, lat) => { if (this.adding) this.add(lon, lat); });
    // a new baseline (profile, kind, moment, 服务对象, 驿站服务 or the stations changed): the changes again on it
    planner.on('coverage', () => { if (this.changes.length) this.recompute(); else this.renderResults(); });
    planner.on('coverage-error', (e) => this.say('error', '方案模拟暂不可用：' + e.message));
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && this.adding) this.setAdding(false); });
    this.loadScenarios();
  }

  build() {
    this.addButton = h('button', { type: 'button', id: 'whatif-add', class: 'btn btn-secondary', 'aria-pressed': 'false',
      onclick: () => this.setAdding(!this.adding) }, '＋ 添加驿站');
    this.status = h('p', { id: 'whatif-status', class: 'whatif-status', role: 'status', 'aria-live': 'polite' });
    this.results = h('div', { id: 'whatif-results', class: 'whatif-results' });
    this.list = h('ol', { id: 'whatif-changes', class: 'whatif-changes', 'aria-label': '待定的变更' });
    this.nameInput = h('input', { type: 'text', id: 'scenario-name', maxlength: '100', placeholder: '方案名称', 'aria-label': '方案名称' });
    this.saveButton = h('button', { type: 'button', id: 'scenario-save', class: 'btn btn-primary', onclick: () => this.save() }, '保存为方案');
    this.discardButton = h('button', { type: 'button', id: 'whatif-discard', class: 'btn btn-secondary', onclick: () => this.discard() }, '放弃');
    this.saveRow = h('div', { class: 'whatif-save', hidden: true }, this.nameInput, h('div', { class: 'whatif-save-buttons' }, this.saveButton, this.discardButton));
    this.saved = h('p', { id: 'whatif-saved', class: 'whatif-saved', role: 'status', hidden: true });
    this.scenarioList = h('ul', { id: 'scenario-list', class: 'scenario-list' });
    this.scenarioNote = h('p', { class: 'panel-note' });
    this.container.append(
      h('h2', {}, '方案模拟'),
      h('p', { class: 'panel-hint' }, '拖动站点可迁移，在站点弹窗中可关闭，点“添加驿站”后在地图上点按可新增。结果只是模拟，不会改动站点库。'),
      h('div', { class: 'whatif-tools' }, this.addButton),
      this.status, this.results, this.list, this.saveRow, this.saved,
      h('h3', {}, '已存方案'), this.scenarioNote, this.scenarioList);
    this.hint = document.getElementById('add-hint');
    const cancel = document.getElementById('add-cancel');
    if (cancel) cancel.addEventListener('click', () => this.setAdding(false));
    this.say('idle', '尚未修改：显示的是现状。');
  }

  say(kind, text) {
    this.status.dataset.kind = kind;
    this.status.textContent = text;
  }

  setAdding(on) {
    this.adding = on;
    this.addButton.setAttribute('aria-pressed', String(on));
    this.addButton.classList.toggle('btn-primary', on);
    this.addButton.classList.toggle('btn-secondary', !on);
    this.map.getContainer().classList.toggle('adding', on);
    document.body.classList.toggle('whatif-adding', on);
    if (this.hint) this.hint.hidden = !on;
    if (on) this.map.closePopup();
  }

  // --- changes ---------------------------------------------------------------------------

  add(lon, lat) {
    this.addAll([{ lon, lat }]);
  }

  /** Several new stations at once (e.g. the sites of a siting answer), computed together. */
  addAll(points) {
    for (const p of points) {
      this.seq += 1;
      const n = this.changes.filter((c) => c.op === 'add').length + 1;
      this.changes.push({ op: 'add', key: 'new-' + this.seq, lon: p.lon, lat: p.lat, name: '新增驿站 ' + n, kind: NEW_KIND });
    }
    this.setAdding(false);
    this.changed();
  }

  /** A marker was dragged: an added station moves, a stored one gets (or updates) a move. */
  dragged(feature, lon, lat) {
    const p = feature.properties;
    if (p._whatif === 'added') {
      const c = this.changes.find((x) => x.key === p._key);
      if (c) { c.lon = lon; c.lat = lat; }
    } else {
      const c = this.changes.find((x) => x.op === 'move' && x.stationId === feature.id);
      if (c) { c.lon = lon; c.lat = lat; } else this.changes.push({ op: 'move', stationId: feature.id, lon, lat });
    }
    this.changed();
  }

  close(id) {
    this.map.closePopup();
    this.changes = this.changes.filter((c) => !(c.stationId === id && c.op === 'move'));
    if (!this.changes.some((c) => c.op === 'close' && c.stationId === id)) this.changes.push({ op: 'close', stationId: id });
    this.changed();
  }

  remove(change) {
    this.map.closePopup();
    this.changes = this.changes.filter((c) => c !== change);
    this.changed();
  }

  undoLast() {
    if (this.changes.length) this.remove(this.changes[this.changes.length - 1]);
  }

  discard() {
    this.changes = [];
    this.scenario = null;
    this.saved.hidden = true;
    this.changed();
  }

  changed() {
    if (this.scenario) this.scenario.dirty = true;
    if (this.changes.length === 1 && !this.shown) {
      this.shown = true; // the first change: bring the numbers into view once
      this.container.scrollIntoView({ block: 'start' });
    }
    this.saved.hidden = true;
    this.drawStations();
    this.renderChanges();
    if (!this.changes.length) {
      if (this.pending) this.pending.abort();
      this.result = null;
      this.planner.setWhatif(null);
      this.renderResults();
      this.say('idle', '尚未修改：显示的是现状。');
      return;
    }
    this.recompute();
  }

  /** The changes as the API takes them. */
  apiChanges() {
    return this.changes.map((c) => {
      if (c.op === 'add') return { op: 'add', lon: round7(c.lon), lat: round7(c.lat), name: c.name, kind: c.kind };
      if (c.op === 'move') return { op: 'move', stationId: c.stationId, lon: round7(c.lon), lat: round7(c.lat) };
      return { op: 'close', stationId: c.stationId };
    });
  }

  requestBody(extra = {}) {
    const kinds = this.planner.kind ? [this.planner.kind] : undefined;
    return { profile: this.planner.profile, bands: this.planner.bands, kinds, changes: this.apiChanges(), ...extra };
  }

  /**
   * The planner's moment, 服务对象 and 驿站服务 as the what-if body takes them (at, demand, services), so the difference is
   * on the figures the report shows; a saved scenario keeps only its changes.
   */
  basis() {
    const p = this.planner.basisParams();
    const b = {};
    if (p.at) b.at = p.at;
    if (p.demand) b.demand = p.demand;
    if (p.service) b.services = p.service;
    return b;
  }

  async recompute() {
    if (this.pending) this.pending.abort();
    const ctrl = new AbortController();
    this.pending = ctrl;
    this.say('busy', '正在计算…');
    this.container.dataset.state = 'loading';
    const started = performance.now();
    try {
      const r = await this.ctx.busy.run('正在计算方案…',
        () => postJson('/api/whatif', this.requestBody({ includeBands: true, ...this.basis() }), { signal: ctrl.signal, timeoutMs: 30000 }));
      if (this.pending !== ctrl) return;
      this.result = r;
      this.roundTripMs = performance.now() - started;
      this.planner.setWhatif(r);
      this.container.dataset.state = 'ready';
      this.say('ok', '模拟结果（与现状相比）：');
      this.renderResults();
      this.renderChanges();
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.container.dataset.state = 'error';
      this.say('error', '计算失败：' + (e.message || e));
    } finally {
      if (this.pending === ctrl) this.pending = null;
    }
  }

  // --- the map ---------------------------------------------------------------------------

  /** The stations as they would be: moved ones at their new place, closed ones marked, added ones new. */
  drawStations() {
    const features = [];
    const moves = new Map(this.changes.filter((c) => c.op === 'move').map((c) => [c.stationId, c]));
    const closed = new Set(this.changes.filter((c) => c.op === 'close').map((c) => c.stationId));
    for (const f of this.ctx.stationData.features || []) {
      if (moves.has(f.id)) {
        const c = moves.get(f.id);
        features.push({ ...f, geometry: { type: 'Point', coordinates: [c.lon, c.lat] }, properties: { ...f.properties, _whatif: 'moved' } });
      } else if (closed.has(f.id)) {
        features.push({ ...f, properties: { ...f.properties, _whatif: 'closed', _whatifFixed: true } });
      } else {
        features.push(f);
      }
    }
    for (const c of this.changes.filter((x) => x.op === 'add')) {
      features.push({ type: 'Feature', id: c.key, geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: { name: c.name, kind: c.kind, kindName: kindName(c.kind), services: [], _whatif: 'added', _key: c.key } });
    }
    this.ctx.stations.setStations({ type: 'FeatureCollection', features });
  }

  popup(feature) {
    const p = feature.properties;
    if (p._whatif === 'added') {
      const c = this.changes.find((x) => x.key === p._key);
      const placed = this.placedFor(c);
      return h('div', { class: 'station-details whatif-popup', 'data-station-id': feature.id },
        h('h3', { class: 'st-name' }, p.name + '（模拟）'),
        h('p', {}, placed && placed.street ? '位于 ' + placed.street : '拖动可调整位置'),
        h('button', { type: 'button', class: 'btn btn-danger btn-small', onclick: () => this.remove(c) }, '删除此新增驿站'));
    }
    const root = stationDetails(feature);
    const actions = h('div', { class: 'whatif-actions' });
    if (p._whatif === 'closed') {
      const c = this.changes.find((x) => x.op === 'close' && x.stationId === feature.id);
      actions.append(h('button', { type: 'button', class: 'btn btn-secondary btn-small whatif-reopen', onclick: () => this.remove(c) }, '撤销关闭'));
    } else {
      if (p._whatif === 'moved') {
        const c = this.changes.find((x) => x.op === 'move' && x.stationId === feature.id);
        actions.append(h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => this.remove(c) }, '撤销迁移'));
      }
      actions.append(h('button', { type: 'button', class: 'btn btn-danger btn-small whatif-close', onclick: () => this.close(feature.id) },
        '关闭此站（模拟）'));
    }
    root.append(h('p', { class: 'panel-hint' }, '方案模拟：拖动标记可迁移此站。'), actions, ...stationTools(feature).filter(Boolean));
    return root;
  }

  /** Where the API placed an add or move on the street network (result.placed, in the order of the changes). */
  placedFor(change) {
    if (!this.result || !change || change.op === 'close') return null;
    let i = 0;
    for (const c of this.changes) {
      if (c === change) return (this.result.placed || [])[i] || null;
      if (c.op !== 'close') i += 1;
    }
    return null;
  }

  // --- the panel -------------------------------------------------------------------------

  describe(c) {
    const placed = this.placedFor(c);
    const street = placed && placed.street ? placed.street : null;
    const stationName = (id) => (this.byId.get(id) ? this.byId.get(id).properties.name : '站点 ' + id);
    if (c.op === 'add') return c.name + (street ? '：' + street : '');
    if (c.op === 'move') return '迁移 ' + stationName(c.stationId) + (street ? ' → ' + street : '');
    return '关闭 ' + stationName(c.stationId);
  }

  renderChanges() {
    this.list.replaceChildren();
    this.changes.forEach((c, i) => {
      this.list.append(h('li', { class: 'whatif-change whatif-change-' + c.op, 'data-op': c.op, 'data-index': i },
        h('span', { class: 'change-text' }, this.describe(c)),
        h('button', { type: 'button', class: 'btn btn-secondary btn-small change-undo', onclick: () => this.remove(c) }, '撤销')));
    });
    this.saveRow.hidden = this.changes.length === 0;
    if (this.changes.length && !this.nameInput.value) {
      this.nameInput.value = this.scenario && !this.scenario.dirty ? this.scenario.name : '方案 ' + fmtTime(new Date().toISOString());
    }
  }

  renderResults() {
    const r = this.result;
    const base = this.planner.base;
    this.results.replaceChildren();
    if (!r || !base) return;
    const before = new Map(base.total.bands.map((b) => [b.minutes, b]));
    const after = new Map(r.report.total.bands.map((b) => [b.minutes, b]));
    const body = h('tbody', {});
    for (const d of r.delta.total.bands) {
      const b0 = before.get(d.minutes);
      const b1 = after.get(d.minutes);
      body.append(h('tr', { 'data-minutes': d.minutes },
        h('th', { scope: 'row' }, d.minutes + ' 分钟'),
        h('td', { class: 'after', 'data-value': b1 ? b1.peopleCovered : '' },
          h('strong', {}, b1 ? fmtInt(b1.peopleCovered) : '—'),
          h('span', { class: 'before', 'data-value': b0 ? b0.peopleCovered : '' }, b0 ? '原 ' + fmtInt(b0.peopleCovered) : ''),
          h('span', { class: 'share' }, b1 ? fmtPct(b1.peopleShare) : '')),
        h('td', { class: 'gained', 'data-value': d.peopleGained }, d.peopleGained ? '+' + fmtInt(d.peopleGained) : '0'),
        h('td', { class: 'lost', 'data-value': d.peopleLost }, d.peopleLost ? '−' + fmtInt(d.peopleLost) : '0'),
        h('td', { class: 'net ' + (d.netChange > 0 ? 'up' : d.netChange < 0 ? 'down' : ''), 'data-value': d.netChange },
          fmtInt(d.netChange, { sign: true }))));
    }
    this.results.append(
      h('table', { class: 'whatif-delta', id: 'whatif-delta' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, profileLabel(r.profile)), h('th', { scope: 'col' }, '覆盖人口'),
          h('th', { scope: 'col' }, '新增覆盖'), h('th', { scope: 'col' }, '失去覆盖'), h('th', { scope: 'col' }, '净变化'))),
        body),
      h('p', { class: 'whatif-timing', id: 'whatif-timing' }, '服务器计算 ' + r.computedInMillis + ' 毫秒'
        + (this.roundTripMs ? '，往返 ' + Math.round(this.roundTripMs) + ' 毫秒' : '')));
  }

  // --- scenarios -------------------------------------------------------------------------

  async save() {
    if (!this.changes.length) return;
    const nameText = this.nameInput.value.trim() || '未命名方案';
    this.saveButton.disabled = true;
    try {
      const body = this.requestBody({ name: nameText });
      const s = await postJson('/api/scenarios', body);
      this.scenario = { id: s.id, name: s.name, dirty: false };
      this.saved.textContent = '已保存为方案“' + s.name + '”（编号 ' + s.id + '）。';
      this.saved.dataset.kind = 'ok';
      this.saved.hidden = false;
      await this.loadScenarios();
    } catch (e) {
      this.saved.textContent = '保存失败：' + e.message;
      this.saved.dataset.kind = 'error';
      this.saved.hidden = false;
    } finally {
      this.saveButton.disabled = false;
    }
  }

  async loadScenarios() {
    try {
      const r = await getJson('/api/scenarios');
      this.renderScenarios(r.scenarios || []);
      this.planner.emit('scenarios', r.scenarios || []);
    } catch (e) {
      this.scenarioNote.textContent = '无法加载已存方案：' + e.message;
      this.scenarioNote.dataset.kind = 'error';
    }
  }

  renderScenarios(list) {
    this.scenarioList.replaceChildren();
    this.scenarioNote.textContent = list.length ? '' : '还没有保存的方案。';
    this.scenarioNote.dataset.kind = 'empty';
    for (const s of list) {
      const del = h('button', { type: 'button', class: 'btn btn-danger btn-small scenario-delete' }, '删除');
      del.addEventListener('click', () => {
        if (del.dataset.confirm !== 'yes') {
          del.dataset.confirm = 'yes';
          del.textContent = '确认删除';
          setTimeout(() => { del.dataset.confirm = ''; del.textContent = '删除'; }, 4000);
          return;
        }
        this.deleteScenario(s.id);
      });
      const n = (s.changes || []).length;
      this.scenarioList.append(h('li', { class: 'scenario', 'data-scenario-id': s.id },
        h('div', { class: 'scenario-main' },
          h('strong', { class: 'scenario-name' }, s.name),
          h('span', { class: 'scenario-meta' }, profileLabel(s.profile) + ' · ' + n + ' 项变更 · ' + fmtTime(s.createdAt)
            + (s.appliedAt ? ' · 已应用' : ''))),
        h('div', { class: 'scenario-buttons' },
          h('button', { type: 'button', class: 'btn btn-secondary btn-small scenario-open', onclick: () => this.openScenario(s.id) }, '打开'),
          s.appliedAt ? null : h('button', { type: 'button', class: 'btn btn-secondary btn-small scenario-compare',
            onclick: () => this.ctx.compare && this.ctx.compare.compare('current', s.id) }, '对比'),
          del)));
    }
  }

  async openScenario(id) {
    this.setAdding(false);
    let r;
    try {
      r = await this.ctx.busy.run('正在打开方案…', () => getJson('/api/scenarios/' + id));
    } catch (e) {
      this.say('error', '无法打开方案：' + e.message);
      return;
    }
    const s = r.scenario || r;
    if (r.note) {
      this.say('info', '方案“' + s.name + '”：' + chinese(r.note));
      return;
    }
    if (r.whatifErrors && r.whatifErrors.length) {
      this.say('error', '方案“' + s.name + '”与当前站点不符：' + r.whatifErrors.map((e) => chinese(e.reason)).join('；'));
      return;
    }
    this.changes = (s.changes || []).map((c) => {
      this.seq += 1;
      if (c.op === 'add') return { op: 'add', key: 'new-' + this.seq, lon: c.lon, lat: c.lat, name: c.name || '新增驿站', kind: c.kind || NEW_KIND };
      return { op: c.op, stationId: c.stationId, lon: c.lon, lat: c.lat };
    });
    this.scenario = { id: s.id, name: s.name, dirty: false };
    this.nameInput.value = s.name;
    if (s.profile && (s.profile !== this.planner.profile || (s.kinds && s.kinds[0] || '') !== this.planner.kind)) {
      this.planner.setSettings({ profile: s.profile, kind: (s.kinds && s.kinds[0]) || '' });
    }
    this.drawStations();
    if (r.whatif) {
      this.result = r.whatif;
      this.planner.setWhatif(r.whatif);
      this.renderResults();
    }
    this.renderChanges();
    this.recompute(); // again with the bands for the map
    this.saved.textContent = '已打开方案“' + s.name + '”' + (s.baseDataVersion && r.whatif && r.whatif.dataVersion !== s.baseDataVersion
      ? '（保存后站点数据有变化，已按当前数据重新计算）' : '') + '。';
    this.saved.dataset.kind = 'ok';
    this.saved.hidden = false;
    this.container.scrollIntoView({ block: 'start' });
  }

  async deleteScenario(id) {
    try {
      await deleteJson('/api/scenarios/' + id);
      if (this.scenario && this.scenario.id === id) this.scenario = null;
      await this.loadScenarios();
    } catch (e) {
      this.scenarioNote.textContent = '删除失败：' + e.message;
      this.scenarioNote.dataset.kind = 'error';
    }
  }
}

function round7(x) {
  return Math.round(x * 1e7) / 1e7;
}
