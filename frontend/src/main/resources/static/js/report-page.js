// The printable report (report.html): 达标情况 (?type=compliance), 选址结果 (?type=siting&job=ID) or 方案对比
// (?type=compare&a=…&b=…) on one A4 page — the map with the service-area band, the gaps and the new sites, the tables,
// the summary, the method notes, the data sources and the date. The browser prints it (打印 / 另存为 PDF).
import L from './leaflet.js';
import { getJson, query } from './api.js';
import { h, fmtInt } from './dom.js';
import { MapView } from './mapview.js';
import { complianceTable } from './features/compliance.js';
import { comparisonTables } from './features/compare.js';
import { GAP_COLOR } from './features/colors.js';

const params = new URLSearchParams(window.location.search);
const type = params.get('type') || 'compliance';
const statusLine = document.getElementById('report-status');
document.getElementById('report-print').addEventListener('click', () => window.print());

const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const BAND_COLOR = '#2a8a6a';
const SITE_COLOR = '#c8102e';

/** What each report shows: the data, the title, the map's layers, the summary, the tables, the method notes. */
const REPORTS = {
  async compliance() {
    // the basis the planner's table had: moment, 服务对象, 驿站服务
    const basis = {};
    for (const k of ['at', 'demand', 'service']) if (params.get(k)) basis[k] = params.get(k);
    const c = await getJson('/api/planning/compliance' + query(basis), { timeoutMs: 120000 });
    return {
      title: '达标情况报告', region: c.region, dataVersion: c.dataVersion,
      layers: { profile: 'WALK', minutes: c.walkMinutes, kind: 'OUTDOOR_STATION', sites: [] },
      summary: [c.stationKind + '步行 ' + c.walkMinutes + ' 分钟服务圈。' + c.districts.length + ' 个区中 '
        + c.districts.filter((r) => r.missed > 0).length + ' 个有未达标项；全区域达标 ' + c.total.met + ' 项，未达标 ' + c.total.missed + ' 项。'],
      tables: [h('h2', {}, '各区达标情况'), complianceTable(c, { id: 'report-compliance' }), targetsList(c)],
      method: complianceMethod(c),
    };
  },

  async siting() {
    const job = params.get('job');
    const r = await getJson('/api/planning/siting/' + encodeURIComponent(job || ''), { timeoutMs: 30000 });
    const cross = r.objective === 'MAX_CROSS_COVERAGE';
    const objective = r.objective === 'MIN_SITES' ? '达到目标覆盖率，站点最少' : cross ? '新增站点，交叉覆盖最多' : '新增站点，覆盖最多的人';
    const summary = [
      '目标：' + objective + '；' + r.minutes + ' 分钟服务圈；候选点 ' + fmtInt(r.candidates) + ' 个。',
      '建议 ' + r.sites.length + ' 个新站点，新增' + (cross ? '交叉覆盖 ' : '覆盖 ') + fmtInt(r.peopleGained) + ' 人（' + fmtInt(r.peopleWithinBefore)
        + ' → ' + fmtInt(r.peopleWithinAfter) + ' 人，区域人口约 ' + fmtInt(r.people) + ' 人）。',
    ];
    if (r.upperBound !== null && r.upperBound !== undefined) {
      summary.push(r.gapPercent === 0 ? '已证明为最优（上界 ' + fmtInt(r.upperBound) + ' 人）。'
        : '上界：任何同样数量的站点最多新增 ' + fmtInt(r.upperBound) + ' 人；与上界差距 ' + r.gapPercent + '%。');
    }
    if (r.fewestPossible !== null && r.fewestPossible !== undefined) {
      summary.push((r.targetReached ? '已达到目标；' : '无法达到目标；') + '至少需要 ' + r.fewestPossible + ' 个站点。');
    }
    const table = h('table', { class: 'compare-table', id: 'report-sites' },
      h('thead', {}, h('tr', {}, ...['序号', '位置', '经度', '纬度', '新增人口'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...r.sites.map((s) => h('tr', {}, h('td', {}, s.rank), h('th', { scope: 'row' }, s.name || s.street || '未命名道路'),
        h('td', {}, s.lon.toFixed(6)), h('td', {}, s.lat.toFixed(6)), h('td', {}, fmtInt(s.peopleGained))))));
    return {
      title: '选址结果报告', region: r.region, dataVersion: r.dataVersion,
      layers: { profile: r.profile, minutes: r.minutes, kind: (r.kinds || []).join(','), sites: r.sites.map((s) => ({ lon: s.lon, lat: s.lat, label: String(s.rank) })) },
      summary,
      tables: [h('h2', {}, '建议新站点'), table],
      method: ['方法：' + r.method + '。',
        '上界由拉格朗日松弛或混合整数规划求得：任何同样数量的站点都不能超过它；差距 =（上界 − 所得）÷ 上界。',
        '人口为路网覆盖部分的估算人口；现有站点保留；候选点为服务圈外人口所在街道的路网节点、可依托场所或规划者给出的点。'],
    };
  },

  async compare() {
    const c = await getJson('/api/scenarios/compare' + query({ a: params.get('a') || 'current', b: params.get('b') }), { timeoutMs: 120000 });
    const sites = [];
    for (const [side, key] of [[c.a, 'A'], [c.b, 'B']]) {
      for (const s of side.stations) sites.push({ lon: s.lon, lat: s.lat, label: key });
    }
    return {
      title: '方案对比报告：' + c.a.label + ' 与 ' + c.b.label, region: c.region, dataVersion: c.a.compliance.dataVersion,
      layers: { profile: 'WALK', minutes: c.walkMinutes, kind: 'OUTDOOR_STATION', sites },
      summary: [c.basis.replace(/\s*\(.*\)$/, '') + '。地图上 A、B 为两个方案新增、迁移或关闭的站点；服务圈与缺口为现状。'],
      tables: [h('h2', {}, '对比'), ...comparisonTables(c), h('h2', {}, '达标情况 A：' + c.a.label), complianceTable(c.a.compliance),
        h('h2', {}, '达标情况 B：' + c.b.label), complianceTable(c.b.compliance)],
      method: complianceMethod(c.a.compliance),
    };
  },
};

function complianceMethod(c) {
  return ['服务圈：' + c.stationKind + '，沿真实路网步行 ' + c.walkMinutes + ' 分钟可达；交叉覆盖：可达两个或更多不同站点。',
    '状态：达到目标为“达标”，达到目标的 90% 为“接近”，其下为“未达标”，无目标值为“未设目标”。',
    '差额：比例类为尚需覆盖的人口或道路公里数；数量类为缺少的文化宫、会·站·家阵地或驿站个数。',
    c.note.replace(/\s*\(.*\)$/, '')];
}

function targetsList(c) {
  const used = new Set(['SHUANG15_WALK_TIME', ...c.columns.map((col) => col.targetCode)]);
  return h('div', {}, h('h3', {}, '目标'), h('ul', { class: 'report-targets' }, ...c.targets.filter((t) => used.has(t.code)).map((t) =>
    h('li', {}, t.nameZh + '：' + (t.value === null ? '未设定' : t.value + ' ' + t.unit)
      + (t.regionSet ? '（本区域设定：' + t.setBy + '）' : t.verified ? '（默认）' : '（默认，未核实）')))));
}

async function drawLayers(view, layers) {
  const bounds = L.latLngBounds([]);
  const base = { profile: layers.profile, bands: String(layers.minutes), kind: layers.kind };
  const [bands, gaps] = await Promise.all([
    getJson('/api/coverage/bands' + query(base), { timeoutMs: 120000 }),
    getJson('/api/coverage/gaps' + query({ ...base, minutes: layers.minutes, limit: 20 }), { timeoutMs: 120000 }),
  ]);
  const toDisplay = (c) => view.toDisplay(c[0], c[1]);
  const geo = (fc, style) => L.geoJSON(fc, { style, coordsToLatLng: (c) => toDisplay(c) }).addTo(view.map);
  const bandLayer = geo(bands, () => ({ color: BAND_COLOR, weight: 1, fillColor: BAND_COLOR, fillOpacity: 0.35 }));
  const maxPeople = Math.max(1, ...gaps.features.map((f) => f.properties.people));
  geo(gaps, (f) => ({ color: GAP_COLOR, weight: 1, fillColor: GAP_COLOR, fillOpacity: 0.25 + 0.5 * f.properties.people / maxPeople }));
  if (bandLayer.getBounds().isValid()) bounds.extend(bandLayer.getBounds());
  for (const s of layers.sites) {
    const at = view.toDisplay(s.lon, s.lat);
    bounds.extend(at);
    L.marker(at, { icon: L.divIcon({ className: 'report-site', html: '<span>' + s.label + '</span>', iconSize: [20, 20], iconAnchor: [10, 10] }) })
      .addTo(view.map);
  }
  if (bounds.isValid()) view.map.fitBounds(bounds.pad(0.05));
  document.getElementById('report-legend').replaceChildren(...[
    h('span', { class: 'swatch', style: 'background:' + BAND_COLOR + ';opacity:.6' }), layers.minutes + ' 分钟服务圈（现状）',
    h('span', { class: 'swatch', style: 'background:' + GAP_COLOR }), '服务缺口（颜色越深人越多，前 ' + gaps.features.length + ' 处）',
    layers.sites.length ? h('span', { class: 'swatch', style: 'background:' + SITE_COLOR + ';border-radius:50%' }) : null,
    layers.sites.length ? '新站点（编号）' : null].filter((x) => x !== null));
}

async function main() {
  const make = REPORTS[type];
  if (!make) throw new Error('未知的报告类型：' + type);
  const config = await getJson('/api/map-config');
  const report = await make();
  document.title = report.title + ' · 职工服务阵地地图';
  document.getElementById('report-title').textContent = report.title;
  document.getElementById('report-meta').textContent = report.region.name + '（' + report.region.code + '）'
    + (report.region.synthetic ? ' · 合成示例数据' : '') + ' · 数据版本 ' + report.dataVersion + ' · 生成于 ' + DATE.format(new Date());
  document.getElementById('report-summary').replaceChildren(...report.summary.map((t) => h('p', {}, t)));
  document.getElementById('report-tables').replaceChildren(...report.tables);
  document.getElementById('report-method').replaceChildren(...report.method.map((t) => h('li', {}, t)));
  document.getElementById('report-sources').replaceChildren(...(config.credits || []).map((t) => h('li', {}, t)),
    h('li', {}, '政策目标：seeds/policy-targets.csv（各目标的来源文件与是否核实见上表与 XLSX 的“目标”页）。'));
  const view = new MapView(document.getElementById('map'), config);
  if (config.center) view.map.setView([config.center[1], config.center[0]], config.zoom);
  await drawLayers(view, report.layers);
  if (view.offline.isLoading()) {
    await new Promise((resolve) => {
      view.offline.once('load', resolve);
      setTimeout(resolve, 8000); // print what has arrived rather than wait for ever
    });
  }
  statusLine.textContent = '报告已生成，可打印或另存为 PDF。';
  document.body.dataset.state = 'ready';
}

main().catch((e) => {
  statusLine.textContent = '无法生成报告：' + e.message;
  document.body.dataset.state = 'error';
});
