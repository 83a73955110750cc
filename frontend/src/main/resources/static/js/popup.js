// A station's details as DOM (never innerHTML of data: names and addresses come from imports).
import { kindStyle } from './kinds.js';

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

function row(label, value) {
  return el('div', { class: 'st-row' }, el('span', { class: 'st-label' }, label), el('span', { class: 'st-value' }, value));
}

/** Open now as a person reads it: 营业中 / 已关闭 / 开放时间未知. */
export function openNowText(p) {
  if (p.status && p.status !== 'OPEN') return p.statusName || '暂停服务';
  if (p.openNow === true) return '营业中';
  if (p.openNow === false) return '已关闭';
  return '开放时间未知';
}

/** The details of one station feature (GeoJSON properties as GET /api/stations gives them). */
export function stationDetails(feature) {
  const p = feature.properties;
  const kind = kindStyle(p.kind);
  const root = el('div', { class: 'station-details', 'data-station-id': feature.id });
  const chip = el('span', { class: 'st-kind' }, el('span', { class: 'st-glyph' }, kind.glyph), p.kindName || kind.name);
  chip.querySelector('.st-glyph').style.background = kind.color;
  root.append(el('h3', { class: 'st-name' }, p.name), chip);
  const open = openNowText(p);
  const state = p.openNow === true && (!p.status || p.status === 'OPEN') ? 'open' : p.openNow === false || (p.status && p.status !== 'OPEN') ? 'closed' : 'unknown';
  root.append(el('div', { class: 'st-open st-open-' + state }, open));
  root.append(row('开放时间', p.openingHours && p.openingHours.text ? p.openingHours.text : '未提供'));
  if (p.services && p.services.length) {
    const list = el('ul', { class: 'st-services' });
    for (const s of p.services) list.append(el('li', {}, s.name));
    root.append(el('div', { class: 'st-row' }, el('span', { class: 'st-label' }, '服务'), list));
  }
  if (p.phone) {
    const tel = el('a', { href: 'tel:' + String(p.phone).replace(/[^0-9+]/g, ''), class: 'st-phone' }, p.phone);
    root.append(row('电话', tel));
  }
  if (p.address) root.append(row('地址', p.address));
  if (p.districtName) root.append(row('所在区', p.districtName));
  if (p.statusReason && p.status !== 'OPEN') root.append(row('说明', p.statusReason));
  if (p.synthetic) root.append(el('div', { class: 'st-note' }, '合成示例数据，不是真实站点'));
  else if (p.demo) root.append(el('div', { class: 'st-note' }, '示例站点，仅供演示'));
  return root;
}
