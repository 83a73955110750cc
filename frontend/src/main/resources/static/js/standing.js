// A station's star grade (星级 ★★★☆☆, 评定于 …) and its items under the region's checklist (达标: ✓ met, ✗ missing,
// ? 需现场核实), as rows of its details — from the GeoJSON properties `starGrade` and `standard` (GET /api/stations).
import { h } from './dom.js';

/** 3 → "★★★☆☆". */
export function starsText(stars) {
  const n = Math.max(0, Math.min(5, Math.round(Number(stars) || 0)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** The checklist's verdict in a few words: 缺 2 项 / 需现场核实 1 项 / 达标. */
export function standardVerdict(s) {
  if (s.missing.length) return '缺 ' + s.missing.length + ' 项';
  if (s.unknown.length) return s.unknown.length + ' 项需现场核实';
  return '达标';
}

function gradeRow(g) {
  const flags = g.flags || [];
  return h('div', { class: 'st-row st-grade', 'data-stars': g.stars },
    h('span', { class: 'st-label' }, '星级'),
    h('span', { class: 'st-value' },
      h('span', { class: 'stars', role: 'img', 'aria-label': g.stars + ' 星' }, starsText(g.stars)),
      h('span', { class: 'st-grade-date' }, ' 评定于 ' + g.reviewedAt),
      g.due ? h('span', { class: 'st-grade-due' }, ' · 待年度复核') : null,
      flags.length ? h('span', { class: 'st-grade-flags', title: flags.map((f) => f.text).join('\n') }, ' · 降星提示 ' + flags.length + ' 条') : null));
}

function standardRow(s) {
  const item = (text, state, mark) => h('li', { class: 'std-item std-' + state, 'data-state': state, 'data-item': text },
    h('span', { class: 'std-mark', 'aria-hidden': 'true' }, mark), text,
    h('span', { class: 'sr-only' }, state === 'met' ? '（有）' : state === 'missing' ? '（缺）' : '（需现场核实）'));
  return h('div', { class: 'st-row st-standard', 'data-standard': s.code },
    h('span', { class: 'st-label' }, '达标'),
    h('div', { class: 'st-value' },
      h('div', { class: 'std-name' }, s.name + '：' + standardVerdict(s)),
      h('ul', { class: 'std-items' }, ...s.met.map((t) => item(t, 'met', '✓')), ...s.missing.map((t) => item(t, 'missing', '✗')),
        ...s.unknown.map((t) => item(t, 'unknown', '?')))));
}

/** The 星级 and 达标 rows of a station's details; none when it was never graded and the checklist does not measure its kind. */
export function standingRows(p) {
  return [p.starGrade ? gradeRow(p.starGrade) : null, p.standard ? standardRow(p.standard) : null].filter(Boolean);
}
