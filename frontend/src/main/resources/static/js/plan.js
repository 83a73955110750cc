// The planner page (/plan): layers (stations by kind, service-area bands as rings and as tiles, gaps, districts), the
// coverage report per district, coverage by hour of the week (按时段), what-if with saved scenarios, workers' problem
// reports and 区域管理. The Planner below holds what they share — travel profile, bands, the station kind counted, the
// baseline report, the current what-if and the moment every coverage figure counts open stations at — and tells them
// when it changes.
import { boot, nextTask } from './app.js';
import { getJson, query, withRegion } from './api.js';
import { h, fmtInt, fmtPct } from './dom.js';
import * as layers from './features/layers.js';
import * as customDemand from './features/customdemand.js';
import * as bands from './features/bands.js';
import * as bandTiles from './features/bandtiles.js';
import * as gaps from './features/gaps.js';
import * as siting from './features/siting.js';
import * as week from './features/week.js';
import * as compliance from './features/compliance.js';
import * as standards from './features/standards.js';
import * as compare from './features/compare.js';
import * as districts from './features/districts.js';
import * as report from './features/report.js';
import * as gisExport from './features/gisexport.js';
import * as whatif from './features/whatif.js';
import * as problems from './features/problems.js';
import * as regions from './features/regions.js';
import { PROFILES, profileLabel } from './profiles.js';
import { mayUse } from './me.js';
import { DEMANDS, DEFAULT_DEMAND } from './demands.js';
import { bandColors, CHOROPLETH, GAP_COLOR, NO_NETWORK } from './features/colors.js';


const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];


/**
 * Shared planner state with a tiny event bus: 'settings', 'coverage', 'coverage-error', 'whatif', 'moment',
 * 'demand' (服务对象 changed) and 'services' (驿站服务 filter changed).
 */
export class Planner extends EventTarget {
  constructor(ctx) {
    super();
    this.ctx = ctx;
    this.profile = 'WALK';
    /** The configured default bands in minutes, ascending (GET /api/map-config `bands`). */
    this.bands = ctx.config.bands;
    this.kind = '';
    this.base = null;
    this.baseError = null;
    this.whatif = null;
    /**
     * The moment every coverage figure (layers, report, districts, 达标情况, what-if) counts stations open at, local time 'YYYY-MM-DDTHH:MM'
     * (their `at=`), or null for 全部时段: every station counted, whatever its hours.
     */
    this.at = null;
    /**
     * Whom coverage counts (服务对象): 'residents' (default), 'riders', 'sanitation', 'drivers' or the id of an uploaded
     * surface (`demand=`).
     */
    this.demand = DEFAULT_DEMAND;
    /** The uploaded surfaces' names by id (features/customdemand.js fills it). */
    this.demandNames = new Map();
    /** Service codes a station must offer (every one) to count (驿站服务, `service=`); [] for any station. */
    this.services = [];
    this.loads = 0;
    /** Resolved once every panel is mounted: a report is announced no earlier, so that no panel misses it. */
    this.mounted = Promise.resolve();
  }

  on(type, fn) {
    this.addEventListener(type, (e) => fn(e.detail));
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  profileName(code = this.profile) {
    return profileLabel(code);
  }

  /** Query parameters every coverage endpoint takes (demand= only when not residents, service= only when chosen). */
  params(extra = {}) {
    return { profile: this.profile, bands: this.bands, kind: this.kind, ...this.serviceParams(), ...this.demandParams(), ...extra };
  }

  url(path, extra) {
    return path + query(this.params(extra));
  }

  /** The same without demand=: for the band, band-tile and catchment layers, which draw stations, not people. */
  layerUrl(path, extra = {}) {
    return path + query({ profile: this.profile, bands: this.bands, kind: this.kind, ...this.serviceParams(), ...extra });
  }

  /** The `service=` of the coverage requests: {} when no service is chosen. */
  serviceParams() {
    return this.services.length ? { service: this.services } : {};
  }

  /** The `demand=` of the coverage requests: {} for residents. */
  demandParams() {
    return this.demand && this.demand !== DEFAULT_DEMAND ? { demand: this.demand } : {};
  }

  /**
   * What the coverage figures count beyond profile, bands and kind — the moment (at=), whom (demand=) and the services
   * a station must offer (service=) — as query parameters; the compliance table and the what-if take the same.
   */
  basisParams() {
    return { ...this.momentParams(), ...this.demandParams(), ...this.serviceParams() };
  }

  demandLabel(code = this.demand) {
    const d = DEMANDS.find((x) => x.code === code);
    if (d) return d.label;
    return (this.demandNames && this.demandNames.get(String(code))) || code;
  }

  /** The report's demand ({code, name, unit, method, relative}) or null. */
  demandInfo(report = this.current()) {
    return (report && report.demand) || null;
  }

  /** The unit of the people columns: 人, or the demand's unit when its figures are relative weights. */
  peopleUnit(report = this.current()) {
    const d = this.demandInfo(report);
    return d && d.relative ? (d.unit || '相对值') : '人';
  }

  /** Sets whom coverage counts; 'demand' and everything that counts people reloads. */
  setDemand(code) {
    const next = code || DEFAULT_DEMAND;
    if (next === this.demand) return;
    this.demand = next;
    this.emit('demand', next);
    this.loadCoverage();
  }

  /** Sets the services a station must offer to count ([] for any); 'services' and every coverage layer reloads. */
  setServices(codes) {
    const next = [...new Set(codes || [])].sort();
    if (next.join(',') === this.services.join(',')) return;
    this.services = next;
    this.emit('services', next);
    this.loadCoverage();
  }

  /** The `at=` of the coverage requests: {} for 全部时段. */
  momentParams() {
    return this.at ? { at: this.at } : {};
  }

  /** The moment as a planner reads it: "11月25日（周三）23:00", '' for 全部时段. */
  momentText(at = this.at) {
    const m = at && /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(at);
    if (!m) return '';
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
    return Number(m[2]) + '月' + Number(m[3]) + '日（' + WEEKDAYS[day] + '）' + m[4];
  }

  /**
   * Sets (or, with null, clears) the moment every coverage figure counts open stations at — layers, report, districts,
   * 达标情况, what-if; 'moment' when it changes, then the report reloads.
   */
  setMoment(at) {
    const next = at || null;
    if (next === this.at) return;
    this.at = next;
    this.emit('moment', next);
    this.loadCoverage();
  }

  /** Changes profile and/or kind; everything reloads. */
  setSettings({ profile = this.profile, kind = this.kind } = {}) {
    if (profile === this.profile && kind === this.kind) return;
    this.profile = profile;
    this.kind = kind;
    this.emit('settings', { profile, kind });
    this.loadCoverage();
  }

  /** GET /api/coverage for the baseline report; 'coverage' or 'coverage-error'. */
  async loadCoverage() {
    const n = ++this.loads;
    try {
      const r = await this.ctx.busy.run('正在计算覆盖…', () => getJson(this.url('/api/coverage', this.momentParams()), { timeoutMs: 60000 }));
      await this.mounted;
      if (n !== this.loads) return;
      this.base = r;
      this.baseError = null;
      this.emit('coverage', r);
    } catch (e) {
      await this.mounted;
      if (n !== this.loads) return;
      this.base = null;
      this.baseError = e;
      this.emit('coverage-error', e);
    }
  }

  /** The report to show: the what-if's when one is active, else the baseline. */
  current() {
    return this.whatif ? this.whatif.report : this.base;
  }

  setWhatif(result) {
    this.whatif = result;
    this.emit('whatif', result);
  }
}

const panel = document.getElementById('plan-panel');
const toggle = document.getElementById('panel-toggle');
toggle.addEventListener('click', () => {
  const open = panel.classList.toggle('open');
  toggle.setAttribute('aria-expanded', String(open));
  toggle.textContent = open ? '收起分析面板' : '分析面板';
});

/** The planner's legend sections, for the bands the map configuration names. */
const legendSections = (config) => [
  { title: '服务圈（用时）', items: [...bandColors(config.bands)].map(([m, color]) => ({ swatch: { background: color, opacity: 0.8 }, text: m + ' 分钟内' })) },
  // the tile layer draws the same bands in the same colours, fainter: one entry, not the bands again
  { title: '服务圈（瓦片）', items: [{ swatch: { background: 'linear-gradient(90deg, ' + [...bandColors(config.bands).values()].join(', ') + ')',
    opacity: bandTiles.OPACITY }, text: '同上颜色，放大到第 ' + bandTiles.MIN_ZOOM + ' 级起显示' }] },
  { title: '服务缺口', items: [
    { swatch: { background: GAP_COLOR, opacity: 0.3 }, text: '人少' },
    { swatch: { background: GAP_COLOR, opacity: 0.8 }, text: '人多' },
    { swatch: 'legend-star', text: '建议选址' },
  ] },
  { title: '各区覆盖率（人口）', items: CHOROPLETH.map((c) => ({ swatch: { background: c.color }, text: c.label }))
    .concat([{ swatch: { background: NO_NETWORK }, text: '无路网数据' }]) },
];

const wi = () => window.servicemap && window.servicemap.whatif;

boot({
  page: 'plan',
  features: [],
  legendSections,
  stationOptions: {
    draggable: true,
    popup: (f) => whatif.stationPopup(f),
    onDragEnd: (f, lon, lat) => wi() && wi().dragged(f, lon, lat),
  },
}).then(async (ctx) => {
  if (!ctx) return;
  const data = ctx.stationData.features || [];
  const count = document.getElementById('station-count');
  const open = data.filter((f) => f.properties.openNow === true).length;
  count.textContent = `${data.length} 个站点，其中 ${open} 个此刻营业`;
  // the registry as a table with Chinese headers (进入方式, 有人值守 …) that imports back (导出站点)
  count.after(h('p', { class: 'station-export', id: 'station-export' }, '导出站点：',
    h('a', { href: withRegion('/api/stations/export?format=xlsx'), download: '', id: 'station-export-xlsx' }, 'XLSX'), ' · ',
    h('a', { href: withRegion('/api/stations/export?format=csv'), download: '', id: 'station-export-csv' }, 'CSV')));
  const planner = new Planner(ctx);
  ctx.planner = planner;
  const summary = document.getElementById('coverage-summary');
  const showSummary = () => {
    const r = planner.current();
    if (!r) return;
    const t = r.total;
    const d = planner.demandInfo(r);
    const who = d && d.code && d.code.toLowerCase() !== DEFAULT_DEMAND ? (d.name || planner.demandLabel()) : '';
    const unit = planner.peopleUnit(r);
    summary.replaceChildren(planner.profileName() + ' ' + t.bands.map((b) => b.minutes).join('/') + ' 分钟覆盖'
      + (who ? who : '人口') + '：' + t.bands.map((b) => fmtPct(b.peopleShare)).join(' / ')
      + '（路网覆盖范围内约 ' + fmtInt(t.people) + (unit === '人' ? ' 人' : ' ' + unit) + '）');
    summary.dataset.people = t.people;
    if (planner.services.length && r.stations) {
      const names = planner.services.map(serviceName).join('、');
      summary.append(h('span', { class: 'coverage-stations', id: 'coverage-stations', 'data-stations': r.stations.counted },
        '；计入提供' + names + '的驿站 ' + fmtInt(r.stations.counted) + ' 个'));
    }
  };
  const serviceName = (code) => {
    const s = ctx.catalog && (ctx.catalog.services || []).find((x) => x.code === code);
    return s ? s.nameZh : code;
  };
  planner.on('coverage', showSummary);
  planner.on('whatif', showSummary);
  planner.on('coverage-error', (e) => { summary.textContent = '覆盖计算暂不可用：' + e.message; });
  // the report is asked for at once and the panels are built while the server answers, each in a task of its own (no
  // long task for the page to sit through); the report is announced once they are all there
  let mounted;
  planner.mounted = new Promise((resolve) => { mounted = resolve; });
  const firstReport = planner.loadCoverage();
  await ctx.meLoad;
  for (const f of [layers, customDemand, bands, bandTiles, gaps, siting, week, compliance, standards, gisExport, compare, districts, report, whatif, problems, regions]) {
    await nextTask();
    // a panel the signed-in role may not use is not built (its requests would be refused) and its place is hidden
    if (f.role && !mayUse(ctx.me, f.role)) {
      for (const section of document.querySelectorAll(`[data-feature="${f.name}"]`)) section.hidden = true;
      continue;
    }
    try {
      f.mount(ctx, planner);
    } catch (e) {
      console.warn('feature ' + f.name + ' failed to start', e);
    }
  }
  mounted();
  document.querySelector('.panel-body').removeAttribute('data-mounting');
  await firstReport;
  document.body.dataset.coverage = planner.base ? 'ready' : 'error';
  setTimeout(() => ctx.map.invalidateSize(), 0);
});
