// 修改记录 (a station's history): who changed what when (GET /api/stations/{id}/history), each version's fields, and
// 恢复此版本 (POST …/restore?version=N), which writes the earlier version back as a new, audited one.
import { getJson, postJson } from '../api.js';
import { h, fmtTime } from '../dom.js';

const ACTIONS = { CREATE: '新建', UPDATE: '修改', CLOSE: '关闭', IMPORT: '导入', RESTORE: '恢复' };
const FIELDS = { name: '名称', kind: '类型', lon: '经度', lat: '纬度', address: '地址', phone: '电话', openingHours: '开放时间',
  services: '服务', hostOrg: '依托单位', operatingUnion: '运营工会', capacity: '容量', status: '状态', statusReason: '状态说明',
  verifiedAt: '核实日期', source: '来源' };

/** What changed from before to after, as "名称：甲 → 乙" lines. */
function changes(before, after) {
  if (!after) return ['（此版本内容未记录）'];
  if (!before) return [];
  return Object.keys(after).filter((k) => (before[k] || '') !== (after[k] || ''))
    .map((k) => (FIELDS[k] || k) + '：' + (before[k] || '—') + ' → ' + (after[k] || '—'));
}

/** A button that opens the station's history inside the popup. */
export function historyButton(ctx, planner, stationId) {
  const box = h('div', { class: 'station-history', 'data-station-id': stationId });
  const button = h('button', { type: 'button', class: 'btn btn-secondary btn-small history-open',
    onclick: () => show(ctx, planner, stationId, box) }, '修改记录');
  return h('div', {}, button, box);
}

async function show(ctx, planner, stationId, box) {
  box.replaceChildren(h('p', { class: 'panel-note' }, '正在读取修改记录…'));
  let r;
  try {
    r = await getJson('/api/stations/' + encodeURIComponent(stationId) + '/history');
  } catch (e) {
    box.replaceChildren(h('p', { class: 'panel-note', 'data-kind': 'error' }, '无法读取修改记录：' + e.message));
    return;
  }
  const msg = h('p', { class: 'panel-note history-msg', role: 'status' });
  box.replaceChildren(h('ol', { class: 'history-list' }, ...r.versions.slice().reverse().map((v) => h('li', { 'data-version': v.version },
    h('div', {}, h('strong', {}, '第 ' + v.version + ' 版 · ' + (ACTIONS[v.action] || v.action)),
      ' ', fmtTime(v.at), v.actor ? ' · ' + v.actor : '', v.version === r.currentVersion ? '（当前）' : ''),
    v.detail ? h('div', { class: 'history-detail' }, v.detail) : null,
    ...changes(v.before, v.after).map((t) => h('div', { class: 'history-change' }, t)),
    v.restorable ? h('button', { type: 'button', class: 'btn btn-secondary btn-small history-restore',
      onclick: () => restore(ctx, planner, stationId, v.version, box, msg) }, '恢复此版本') : null))), msg);
}

async function restore(ctx, planner, stationId, version, box, msg) {
  try {
    const f = await postJson('/api/stations/' + encodeURIComponent(stationId) + '/restore?version=' + version, {});
    // the history and the message in the popup that is open; the markers are drawn again from the registry once it
    // closes (drawing them now would close it, and with it what the person is reading)
    await show(ctx, planner, stationId, box);
    box.querySelector('.history-msg').textContent = '已恢复为第 ' + version + ' 版（现为第 ' + f.properties.version + ' 版）。';
    ctx.map.once('popupclose', async () => ctx.stations.setStations(await getJson('/api/stations')));
    planner.loadCoverage();
  } catch (e) {
    msg.dataset.kind = 'error';
    msg.textContent = '恢复失败：' + e.message;
  }
}
