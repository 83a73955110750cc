// Building DOM from data without innerHTML (names, addresses and notes come from imports and workers).

/**
 * h('div', {class: 'x', onclick: fn, hidden: true}, child, 'text', null) — children may be nodes,
 * strings or numbers; null/undefined/false are skipped; `on…` attributes become listeners.
 */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  append(e, children);
  return e;
}

function append(e, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(e, c);
    else e.append(c instanceof Node ? c : String(c));
  }
}

/** 12345 → "12,345" (people counts), with a sign when asked. */
export function fmtInt(n, { sign = false } = {}) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const s = Math.abs(Math.round(n)).toLocaleString('en-US');
  if (!sign) return (n < 0 ? '-' : '') + s;
  return (n > 0 ? '+' : n < 0 ? '−' : '±') + s;
}

/** 0.6827 → "68.3%". */
export function fmtPct(share, digits = 1) {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return (share * 100).toFixed(digits) + '%';
}

/** Metres as a person says them: 64 米, 1.2 公里. */
export function fmtMeters(m) {
  if (m === null || m === undefined) return '—';
  return m < 1000 ? Math.round(m) + ' 米' : (m / 1000).toFixed(1) + ' 公里';
}

/** A formatter made on first use: making one loads locale and time-zone data, a long task on a slow phone at start. */
export function lazyFormat(make) {
  let format = null;
  return () => (format = format || make());
}

const TIME = lazyFormat(() => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));

/** An ISO timestamp as Beijing time, "11月23日 10:05". */
export function fmtTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return TIME().format(d);
}
