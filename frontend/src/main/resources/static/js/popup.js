// A station's details as DOM (never innerHTML of data: names and addresses come from imports).
import { kindName, kindStyle } from './kinds.js';
import { h } from './dom.js';
import { serviceIcons } from './icons.js';
import { standingRows } from './standing.js';
import { verifiedNote } from './verified.js';

function row(label, value, cls) {
  return h('div', { class: 'st-row' + (cls ? ' ' + cls : '') }, h('span', { class: 'st-label' }, label), h('span', { class: 'st-value' }, value));
}

/** Open now as a person reads it: 营业中 / 已打烊 / 时间未知 (or why it is not open at all). */
export function openNowText(p) {
  if (p.status && p.status !== 'OPEN') return p.statusName || '暂停服务';
  if (p.openNow === true) return '营业中';
  if (p.openNow === false) return '已打烊';
  return '时间未知';
}

/** open | closed | unknown, for CSS. */
export function openNowState(p) {
  if (p.status && p.status !== 'OPEN') return 'closed';
  return p.openNow === true ? 'open' : p.openNow === false ? 'closed' : 'unknown';
}

/** The open-now badge. */
export function openBadge(p) {
  return h('span', { class: 'st-open st-open-' + openNowState(p) }, openNowText(p));
}

/** 某时营业 as a person reads it: 「23:00 营业」 / 「明天 04:30 不营业」 (label: the chosen time, with 明天 when tomorrow). */
export function openAtBadge(label, open) {
  return h('span', { class: 'st-open st-open-at st-open-' + (open ? 'open' : 'closed') }, label + (open ? ' 营业' : ' 不营业'));
}

/** Entry methods as their short chips say them (the API's access.entryText is the full sentence). */
const ENTRY_SHORT = { OPEN: '直接进入', MEMBER_CODE: '需扫码或工会卡', CODE_LOCK: '密码锁', FACE_OR_ID: '刷脸或身份证' };

/**
 * 进入方式 as the detail shows it first: the entry in words (marked when a card, app or call is needed) and then staffed,
 * step-free, area and seats; null when nothing is recorded and the view is not the full one.
 */
export function accessBlock(a, full = false) {
  if (!a) return null;
  const known = a.entry || a.staffed !== null || a.stepFree !== null || a.areaM2 !== null || a.seats !== null;
  if (!known && !full) return null;
  const entry = a.entry ? a.entryText : '进入方式未登记，请先电话询问';
  const rest = [];
  if (a.staffed === true) rest.push('有人值守');
  if (a.staffed === false) rest.push('自助（无人值守）');
  if (a.stepFree === true) rest.push('无障碍，轮椅可进');
  if (a.stepFree === false) rest.push('有台阶');
  if (a.areaM2 !== null && a.areaM2 !== undefined) rest.push(a.areaM2 + ' ㎡');
  if (a.seats !== null && a.seats !== undefined) rest.push(a.seats + ' 个座位');
  return h('div', { class: 'st-access st-access-' + (a.entry ? (a.withoutApp ? 'open' : 'restricted') : 'unknown'), 'data-entry': a.entry || '' },
    h('span', { class: 'st-access-entry' }, h('span', { class: 'st-label' }, '进入方式'), h('strong', {}, entry)),
    rest.length ? h('span', { class: 'st-access-more' }, rest.join(' · ')) : null);
}

/** The entry method's short name, for a list row. */
export function entryShort(a) {
  return a && a.entry ? ENTRY_SHORT[a.entry] || a.entryText : null;
}

/** A tel: link for a phone number as written in the data. */
export function phoneLink(phone) {
  return h('a', { href: 'tel:' + String(phone).replace(/[^0-9+]/g, ''), class: 'st-phone' }, phone);
}

/**
 * The details of one station feature (GeoJSON properties as GET /api/stations gives them).
 * @param {object} feature
 * @param {{full?: boolean, at?: {label: string, open: boolean}|null}} options full: also the rows that are empty
 *   ("未提供"), for the detail view; at: whether it is open at a chosen moment (某时营业), beside open now
 */
export function stationDetails(feature, { full = false, at = null } = {}) {
  const p = feature.properties;
  const kind = kindStyle(p.kind);
  const root = h('div', { class: 'station-details', 'data-station-id': feature.id });
  const glyph = h('span', { class: 'st-glyph' }, kind.glyph);
  glyph.style.background = kind.color;
  root.append(h('h3', { class: 'st-name' }, p.name), h('span', { class: 'st-kind' }, glyph, kindName(p.kind, p.kindName)));
  root.append(h('div', { class: 'st-badges' }, openBadge(p), at ? openAtBadge(at.label, at.open) : null));
  // how one gets in comes first: a locked door or an app is what workers most need to know before walking there
  const access = accessBlock(p.access, full);
  if (access) root.append(access);
  root.append(verifiedNote(p));
  root.append(row('开放时间', p.openingHours && p.openingHours.text ? p.openingHours.text : '未提供', 'st-hours'));
  if (p.services && p.services.length) {
    root.append(row('服务', serviceIcons(p.services, { withNames: true }), 'st-services-row'));
  } else if (full) {
    root.append(row('服务', '未提供'));
  }
  if (!p.access) {
    if (p.capacity !== null && p.capacity !== undefined) root.append(row('容纳', '约 ' + p.capacity + ' 人', 'st-capacity'));
    else if (full) root.append(row('容纳', '未提供', 'st-capacity'));
  }
  if (p.phone) root.append(row('电话', phoneLink(p.phone)));
  if (p.address) root.append(row('地址', p.address, 'st-address'));
  else if (full) root.append(row('地址', '未提供', 'st-address'));
  if (p.hostOrg) root.append(row('依托单位', p.hostOrg, 'st-host'));
  else if (full) root.append(row('依托单位', '未提供', 'st-host'));
  if (p.districtName) root.append(row('所在区', p.districtName));
  if (p.statusReason && p.status !== 'OPEN') root.append(row('说明', p.statusReason));
  root.append(...standingRows(p));
  if (p.synthetic) root.append(h('div', { class: 'st-note' }, '合成示例数据，不是真实站点'));
  else if (p.demo) root.append(h('div', { class: 'st-note' }, '示例站点，仅供演示'));
  return root;
}
