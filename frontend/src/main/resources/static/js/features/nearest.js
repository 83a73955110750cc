// The worker's nearest stations (worker page, #nearest-list): 定位 (browser geolocation) or a tap on
// the map sets the position; GET /api/nearest gives the 5 nearest stations by 步行 or 电动自行车 time
// with minutes, metres and the route. The list and the map stay in sync: choosing a row highlights
// its marker and draws its route; tapping a marker chooses its row. Filters by service, kind and
// when the worker needs a station: 不限, 现在营业 (openNow) or 某时营业 (at= the next occurrence of a
// time of day, e.g. a shift starting at 04:30; the markers follow GET /api/stations/compact?at=).
// A station's details and "报告问题" open in the same sheet.
import L from '../leaflet.js';
import { ApiError, chinese, getJson, postJson, query } from '../api.js';
import { h, fmtMeters, lazyFormat } from '../dom.js';
import { kindName, kindStyle, sortKindCodes } from '../kinds.js';
import { serviceIcons } from '../icons.js';
import { entryShort, openAtBadge, openBadge, phoneLink, stationDetails } from '../popup.js';
import { photoSection } from '../photos.js';
import { verifiedNote } from '../verified.js';

export const name = 'nearest';

const PROFILES = [
  { code: 'WALK', label: '步行' },
  { code: 'EBIKE', label: '电动自行车' },
];
const K = 5;
/** When the worker needs a station: any time, open now, or open at a time of day they pick. */
const WHEN = [
  { code: 'any', label: '不限时间' },
  { code: 'now', label: '现在营业' },
  { code: 'at', label: '某时营业' },
];
/**
 * The zone the API reads at= in (the region's, servicemap.time-zone; every region so far is in China). The phone's
 * own zone is not asked: a worker's time of day means Beijing time whatever the phone is set to.
 */
const REGION_TIME_ZONE = 'Asia/Shanghai';
const CLOCK = lazyFormat(() => new Intl.DateTimeFormat('en-CA', { timeZone: REGION_TIME_ZONE, year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
/** How many moments' open stations are kept (each a set of ids). */
const OPEN_AT_CACHE = 8;
/**
 * 用地图 App 导航 (./maplinks.js): fetched when the first list or detail shows it, not with the page; null (no links,
 * the list still shows) when it cannot be fetched, tried again next time.
 */
let mapLinks = null;
const loadMapLinks = () => (mapLinks = mapLinks || import('./maplinks.js').catch((e) => {
  console.warn('map app links', e);
  mapLinks = null;
  return null;
}));
const REPORT_TYPES = [
  { code: 'CLOSED', label: '已关闭' },
  { code: 'NO_WATER', label: '没有水' },
  { code: 'MOVED', label: '位置变了' },
  { code: 'OTHER', label: '其他' },
];

/**
 * Builds the sheet and wires it to the map.
 * @returns {object} the controller, also at window.servicemap.nearest (tests, console)
 */
export async function mount(ctx) {
  const container = document.querySelector('[data-feature="nearest"]');
  if (!container) return null;
  const n = new Nearest(ctx, container);
  ctx.nearest = n;
  container.dataset.mounted = 'ready';
  container.hidden = false;
  await n.loadCatalog();
  // the page a station sign's QR code opens: /s/<code> redirects to /?station=<id>
  const asked = new URLSearchParams(window.location.search).get('station');
  if (asked) await n.openStation(asked);
  return n;
}

/** Popup content on the worker page: the details plus a button into the detail view (with 报告问题). */
export function workerPopup(feature) {
  const n = window.servicemap && window.servicemap.nearest;
  const root = stationDetails(feature, { at: n ? n.openAtFor(feature) : null });
  root.append(h('button', {
    type: 'button',
    class: 'btn btn-secondary st-more',
    onclick: () => window.servicemap && window.servicemap.nearest && window.servicemap.nearest.showDetail(feature),
  }, '详情 · 报告问题'));
  return root;
}

class Nearest {
  constructor(ctx, container) {
    this.ctx = ctx;
    this.map = ctx.map;
    this.view = ctx.view;
    this.container = container;
    this.profile = 'WALK';
    this.position = null;
    this.result = null;
    this.selectedId = null;
    this.pending = null;
    this.openAt = null; // {at, ids}: the stations open at the chosen moment, for the markers
    this.openAtCache = new Map(); // at → Promise<Set<string>>
    this.openAtWanted = null;
    // the route above the basemap's overlays, the position above the station markers
    this.map.createPane('routes').style.zIndex = 450;
    this.map.createPane('me').style.zIndex = 650;
    this.map.getPane('me').style.pointerEvents = 'none';
    this.layer = L.layerGroup().addTo(this.map);
    this.build();
    this.view.onClick((lon, lat) => {
      if (Date.now() - (this.popupClosedAt || 0) < 400) return; // that tap closed a popup
      this.setPosition(lon, lat, 'tap');
    });
    this.map.on('popupclose', () => { this.popupClosedAt = Date.now(); });
    this.view.onTransform(() => this.drawMap());
    // the stations on the map follow the same filters as the list
    this.applyFilter();
  }

  build() {
    this.locateButton = h('button', { type: 'button', id: 'locate', class: 'btn btn-primary locate', onclick: () => this.locate() },
      h('span', { class: 'locate-dot', 'aria-hidden': 'true' }), '定位');
    const seg = h('div', { class: 'seg', role: 'group', 'aria-label': '出行方式' });
    for (const p of PROFILES) {
      seg.append(h('button', {
        type: 'button', class: 'seg-btn', 'data-profile': p.code, 'aria-pressed': String(p.code === this.profile),
        onclick: () => this.setProfile(p.code),
      }, p.label));
    }
    this.profileGroup = seg;
    this.serviceSelect = h('select', { id: 'filter-service', 'aria-label': '按服务筛选', onchange: () => this.filtersChanged() },
      h('option', { value: '' }, '全部服务'));
    this.kindSelect = h('select', { id: 'filter-kind', 'aria-label': '按类型筛选', onchange: () => this.filtersChanged() },
      h('option', { value: '' }, '全部类型'));
    this.whenSelect = h('select', { id: 'filter-when', 'aria-label': '按营业时间筛选', onchange: () => this.whenChanged() },
      WHEN.map((w) => h('option', { value: w.code }, w.label)));
    this.timeInput = h('input', { type: 'time', id: 'filter-time', step: '60', 'aria-label': '营业时间（北京时间）',
      onchange: () => this.timeChanged() });
    this.daySelect = h('select', { id: 'filter-day', 'aria-label': '哪一天', onchange: () => this.filtersChanged() },
      h('option', { value: 'today' }, '今天'), h('option', { value: 'tomorrow' }, '明天'));
    // how one must be able to get in: one tap each (with 现在营业 and 热饭 a worker's "open now, no app, microwave")
    this.entryChip = chip('filter-entry', '直接进入', '只看无需扫码、刷卡或打电话即可进入的驿站', () => this.filtersChanged());
    this.stepFreeChip = chip('filter-step-free', '无障碍', '只看轮椅可进的驿站', () => this.filtersChanged());
    this.atRow = h('div', { class: 'filters filter-at-row', id: 'filter-at-row', hidden: true },
      h('label', { class: 'filter filter-time' }, h('span', { class: 'filter-label' }, '营业时间'), this.timeInput),
      h('label', { class: 'filter filter-day' }, this.daySelect));
    this.calendarNote = h('p', { id: 'nearest-calendar-note', class: 'nearest-note', role: 'status', hidden: true });
    this.message = h('div', { id: 'nearest-message', class: 'nearest-message', role: 'status', 'aria-live': 'polite' });
    this.rows = h('ol', { id: 'nearest-rows', class: 'nearest-rows', 'aria-label': '最近的驿站' });
    this.listView = h('div', { class: 'nearest-list-view' },
      h('div', { class: 'sheet-head' }, this.locateButton, seg),
      h('div', { class: 'filters' },
        h('label', { class: 'filter' }, this.serviceSelect),
        h('label', { class: 'filter' }, this.kindSelect),
        h('label', { class: 'filter' }, this.whenSelect)),
      h('div', { class: 'filters filter-chips', role: 'group', 'aria-label': '进入方式' }, this.entryChip, this.stepFreeChip),
      this.atRow, this.message, this.calendarNote, this.rows);
    this.detailView = h('div', { id: 'station-detail', class: 'station-detail', hidden: true });
    this.container.replaceChildren(this.listView, this.detailView);
    this.say('hint', '点“定位”或在地图上点按您所在的位置，查找最近的驿站。');
  }

  async loadCatalog() {
    const present = new Set();
    const kinds = new Map(); // code → the stations' kindName
    for (const f of this.ctx.stationData.features || []) {
      for (const s of f.properties.services || []) present.add(s.code);
      kinds.set(f.properties.kind, f.properties.kindName);
    }
    const catalog = this.ctx.catalog; // loaded by app.js at start; null when it failed
    const services = catalog ? catalog.services.map((s) => ({ code: s.code, name: s.nameZh }))
      : [...present].map((c) => ({ code: c, name: c }));
    for (const s of services.filter((x) => present.has(x.code))) this.serviceSelect.append(h('option', { value: s.code }, s.name));
    for (const c of sortKindCodes(kinds.keys())) this.kindSelect.append(h('option', { value: c }, kindName(c, kinds.get(c))));
  }

  /** The filters as the API takes them (at: the chosen moment, local time of the region, or undefined). */
  filters(m = this.moment()) {
    return { service: this.serviceSelect.value, kind: this.kindSelect.value, openNow: this.whenSelect.value === 'now',
      at: m ? m.at : undefined, access: pressed(this.entryChip) ? 'OPEN' : undefined,
      stepFree: pressed(this.stepFreeChip) ? true : undefined };
  }

  hasFilters() {
    const f = this.filters();
    return !!(f.service || f.kind || f.openNow || f.at || f.access || f.stepFree);
  }

  /**
   * 某时营业: the next occurrence of the chosen time of day in the region's time zone — today while it is still
   * ahead (or 明天 when the worker chose it), else tomorrow — as {at: 'YYYY-MM-DDTHH:MM', time, tomorrow, label}.
   * Null for 不限 and 现在营业, or while no time is chosen.
   */
  moment() {
    if (!this.whenSelect || this.whenSelect.value !== 'at' || !this.timeInput.value) return null;
    const time = this.timeInput.value.slice(0, 5);
    const now = regionNow();
    const passed = time < now.time;
    this.daySelect.options[0].disabled = passed;
    if (passed && this.daySelect.value === 'today') this.daySelect.value = 'tomorrow';
    const tomorrow = this.daySelect.value === 'tomorrow';
    return { at: (tomorrow ? nextDay(now.date) : now.date) + 'T' + time, time, tomorrow, label: (tomorrow ? '明天 ' : '') + time };
  }

  /** Whether a station passes the filters f (for the markers; the list asks the API with the same). */
  matches(feature, f = this.filters()) {
    const p = feature.properties;
    if (f.kind && p.kind !== f.kind) return false;
    if (f.service && !(p.services || []).some((s) => s.code === f.service)) return false;
    if (f.openNow && !(p.openNow === true && (!p.status || p.status === 'OPEN'))) return false;
    // an unrecorded entry never passes 直接进入: a worker who asked must not walk to a locked door
    if (f.access && !(p.access && p.access.entry === f.access)) return false;
    if (f.stepFree && !(p.access && p.access.stepFree === true)) return false;
    // 某时营业: the stations open then, as GET /api/stations/compact?at= judged them (all until that has answered)
    if (f.at && this.openAt && !this.openAt.ids.has(String(feature.id))) return false;
    return true;
  }

  /** 不限 / 现在营业 / 某时营业 chosen: 某时营业 shows the time (the next full hour until the worker picks one). */
  whenChanged() {
    const at = this.whenSelect.value === 'at';
    this.atRow.hidden = !at;
    if (at && !this.timeInput.value) {
      const now = regionNow();
      this.timeInput.value = String((Number(now.time.slice(0, 2)) + 1) % 24).padStart(2, '0') + ':00';
      this.timeChanged();
      return;
    }
    this.filtersChanged();
  }

  /** A new time of day: the day follows it (today while still ahead, else tomorrow) until the worker changes the day. */
  timeChanged() {
    const time = this.timeInput.value.slice(0, 5);
    if (time) this.daySelect.value = time < regionNow().time ? 'tomorrow' : 'today';
    this.filtersChanged();
  }

  /** The markers follow the filters as they are now (read once, not once per station). */
  applyFilter() {
    const f = this.filters();
    this.ctx.stations.setFilter((feature) => this.matches(feature, f));
  }

  filtersChanged() {
    const m = this.moment();
    this.container.dataset.at = m ? m.at : '';
    if (m) this.loadOpenAt(m.at);
    this.applyFilter();
    if (this.position) this.search();
    else this.highlight();
  }

  /** The stations open at a moment (GET /api/stations/compact?at=, once per moment); then the markers follow it. */
  async loadOpenAt(at) {
    if (this.openAt && this.openAt.at === at) {
      this.openAtWanted = null; // a moment asked for since is no longer wanted
      return;
    }
    if (this.openAtWanted === at) return;
    this.openAtWanted = at;
    let load = this.openAtCache.get(at);
    if (!load) {
      load = getJson('/api/stations/compact' + query({ at, openNow: true })).then((r) => new Set(r.stations
        .filter((s) => s.openNow === true && (!s.status || s.status === 'OPEN')).map((s) => String(s.id))));
      this.openAtCache.set(at, load);
      if (this.openAtCache.size > OPEN_AT_CACHE) this.openAtCache.delete(this.openAtCache.keys().next().value);
    }
    try {
      const ids = await load;
      if (this.openAtWanted !== at) return;
      this.openAt = { at, ids };
      this.container.dataset.markersAt = at;
    } catch (e) {
      this.openAtCache.delete(at);
      if (this.openAtWanted !== at) return;
      console.warn('stations open at ' + at, e);
      this.openAt = null; // the markers show every station rather than a wrong set
      this.container.dataset.markersAt = '';
    } finally {
      if (this.openAtWanted === at) this.openAtWanted = null;
    }
    this.applyFilter();
  }

  /** 某时营业 as a station's popup or detail says it: {label, open}, or null without a chosen moment (or before it is known). */
  openAtFor(feature) {
    const m = this.moment();
    if (!m) return null;
    if (this.result && this.result.at === m.at && this.result.stations.some((s) => s.id === feature.id)) return { label: m.label, open: true };
    if (this.openAt && this.openAt.at === m.at) return { label: m.label, open: this.openAt.ids.has(String(feature.id)) };
    return null;
  }

  clearFilters() {
    this.serviceSelect.value = '';
    this.kindSelect.value = '';
    this.whenSelect.value = 'any';
    this.atRow.hidden = true;
    for (const c of [this.entryChip, this.stepFreeChip]) c.setAttribute('aria-pressed', 'false');
    this.filtersChanged();
  }

  setProfile(code) {
    this.profile = code;
    for (const b of this.profileGroup.querySelectorAll('[data-profile]')) b.setAttribute('aria-pressed', String(b.dataset.profile === code));
    if (this.position) this.search();
  }

  locate() {
    if (!navigator.geolocation) {
      this.say('error', '此浏览器不能定位。请在地图上点按您所在的位置。');
      return;
    }
    this.locateButton.disabled = true;
    this.say('busy', '正在定位…');
    navigator.geolocation.getCurrentPosition((pos) => {
      this.locateButton.disabled = false;
      this.setPosition(pos.coords.longitude, pos.coords.latitude, 'gps', pos.coords.accuracy);
    }, (err) => {
      this.locateButton.disabled = false;
      const why = err.code === 1 ? '您没有允许本页面使用定位' : err.code === 3 ? '定位超时' : '暂时无法获取位置';
      this.say('error', '无法定位：' + why + '。请在地图上点按您所在的位置。');
    }, { enableHighAccuracy: true, timeout: 12000, maximumAge: 30000 });
  }

  /** Sets the worker's position (WGS84: browser geolocation and view.onClick both give WGS84) and searches. */
  setPosition(lon, lat, source, accuracy) {
    this.position = { lon, lat, source, accuracy };
    this.showList();
    this.search();
  }

  async search() {
    if (!this.position) return;
    if (this.pending) this.pending.abort();
    const ctrl = new AbortController();
    this.pending = ctrl;
    if (this.outsideRegion()) {
      // no request: the server could only say "far from any road"; here we can say why
      this.pending = null;
      this.result = null;
      this.selectedId = null;
      this.rows.replaceChildren();
      this.showCalendarNote(null);
      this.highlight();
      this.container.dataset.state = 'error';
      this.say('error', this.outsideText());
      this.drawMap();
      const b = this.ctx.config.bbox;
      const bounds = L.latLngBounds([this.view.toDisplay(b[0], b[1]), this.view.toDisplay(b[2], b[3])])
        .extend(this.view.toDisplay(this.position.lon, this.position.lat));
      this.map.fitBounds(bounds.pad(0.1), { animate: false });
      return;
    }
    const m = this.moment();
    const f = this.filters(m);
    if (m) {
      this.container.dataset.at = m.at;
      this.loadOpenAt(m.at); // the day may have turned since the time was chosen
    }
    const url = '/api/nearest' + query({ lon: this.position.lon.toFixed(7), lat: this.position.lat.toFixed(7), crs: 'WGS84',
      profile: this.profile, k: K, service: f.service, kind: f.kind, openNow: f.openNow, at: f.at, access: f.access, stepFree: f.stepFree });
    this.say('busy', '正在查找最近的驿站…');
    this.container.dataset.state = 'loading';
    try {
      const [result, links] = await Promise.all([
        this.ctx.busy.run('正在查找最近的驿站…', () => getJson(url, { signal: ctrl.signal })), loadMapLinks()]);
      if (this.pending !== ctrl) return;
      this.links = links;
      result.at = f.at; // the moment the list was asked for (the rows say 「23:00 营业」)
      result.atLabel = m ? m.label : null;
      this.result = result;
      this.selectedId = result.stations.length ? result.stations[0].id : null;
      this.render();
      this.drawMap({ fit: result.stations.length > 0, all: true });
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.result = null;
      this.selectedId = null;
      this.rows.replaceChildren();
      this.showCalendarNote(null);
      this.drawMap();
      this.container.dataset.state = 'error';
      this.say('error', this.explain(e));
    } finally {
      if (this.pending === ctrl) this.pending = null;
    }
  }

  /** Whether the position lies clearly outside the region's road network (more than about 500 m beyond its box). */
  outsideRegion() {
    const b = this.ctx.config.bbox;
    const p = this.position;
    const m = 0.005;
    return !!b && (p.lon < b[0] - m || p.lon > b[2] + m || p.lat < b[1] - m || p.lat > b[3] + m);
  }

  outsideText() {
    const regionName = (this.ctx.config.region && this.ctx.config.region.nameZh) || '本区域';
    return (this.position.source === 'gps' ? '您的位置' : '所选位置') + '不在' + regionName
      + '范围内，本地图只能查找该区域内的驿站。请在地图上点按区域内的位置。';
  }

  /** A clear Chinese sentence for a failed search: too far from a road, or what the server said. */
  explain(e) {
    if (e instanceof ApiError && e.status === 400 && (e.field === 'lon' || e.field === 'lat')) {
      return (this.position.source === 'gps' ? '您的位置' : '所选位置')
        + '离最近的道路超过 500 米，无法计算路线。请在地图上点按靠近道路的位置。';
    }
    return '查找失败：' + (e.message || chinese(String(e)));
  }

  say(kind, text, action) {
    this.message.dataset.kind = kind;
    this.message.replaceChildren(h('span', {}, text));
    if (action) this.message.append(action);
    this.message.hidden = !text;
  }

  /** The API's word that the holiday calendar does not know the chosen moment's year (Chinese part), or nothing. */
  showCalendarNote(note) {
    this.calendarNote.textContent = note ? chinese(note) : '';
    this.calendarNote.hidden = !note;
  }

  render() {
    const r = this.result;
    this.rows.replaceChildren();
    this.container.dataset.state = 'ready';
    this.showCalendarNote(r.calendarNote);
    if (!r.stations.length) {
      this.container.dataset.state = 'empty';
      const f = this.filters();
      if (r.atLabel && !f.service && !f.kind) {
        this.say('empty', '附近没有 ' + r.atLabel + ' 营业的驿站。', h('button', { type: 'button', class: 'btn btn-secondary', id: 'clear-filters',
          onclick: () => this.clearFilters() }, '清除筛选'));
      } else if (this.hasFilters()) {
        this.say('empty', '附近没有符合筛选条件的驿站。', h('button', { type: 'button', class: 'btn btn-secondary', id: 'clear-filters',
          onclick: () => this.clearFilters() }, '清除筛选'));
      } else {
        this.say('empty', '附近 ' + (r.profileName || '') + '可到达的范围内没有驿站。');
      }
      this.highlight();
      return;
    }
    const street = r.from && r.from.street ? '（' + r.from.street + '附近）' : '';
    const where = this.position.source === 'gps' ? '您的位置' : '所选位置';
    this.say('ok', where + street + '最近的 ' + r.stations.length + ' 个驿站，按' + (r.profileName || '') + '用时排序：');
    r.stations.forEach((s, i) => this.rows.append(this.row(s, i)));
    this.highlight();
  }

  row(s, i) {
    const p = s.station.properties;
    const k = kindStyle(p.kind);
    const glyph = h('span', { class: 'nr-glyph', 'aria-hidden': 'true' }, k.glyph);
    glyph.style.background = k.color;
    const li = h('li', {
      class: 'nearest-row', 'data-station-id': s.id, 'data-minutes': s.minutes, 'data-meters': s.meters,
      'data-services': (p.services || []).map((x) => x.code).join(','), tabindex: '0', role: 'button',
      'aria-selected': String(s.id === this.selectedId),
      onclick: (ev) => { if (!ev.target.closest('a, .nr-detail')) this.select(s.id, 'list'); },
      onkeydown: (ev) => { if ((ev.key === 'Enter' || ev.key === ' ') && ev.target === li) { ev.preventDefault(); this.select(s.id, 'list'); } },
    },
    h('span', { class: 'nr-rank' }, String(i + 1)),
    h('div', { class: 'nr-main' },
      h('div', { class: 'nr-name' }, glyph, h('span', { class: 'nr-title' }, p.name)),
      h('div', { class: 'nr-meta' },
        h('strong', { class: 'nr-minutes' }, fmtMinutes(s.minutes)),
        h('span', { class: 'nr-meters' }, fmtMeters(s.meters)),
        this.result.atLabel ? openAtBadge(this.result.atLabel, true) : openBadge(p),
        entryShort(p.access) ? h('span', { class: 'nr-entry nr-entry-' + (p.access.withoutApp ? 'open' : 'restricted') },
          entryShort(p.access)) : null),
      serviceIcons(p.services), verifiedNote(p)),
    h('div', { class: 'nr-actions' },
      p.phone ? phoneLink(p.phone) : null,
      h('button', { type: 'button', class: 'btn btn-secondary nr-detail', onclick: () => this.showDetail(s.station, s) }, '详情')),
    this.links && this.links.mapAppLinks(s.station, this.profile, this.position));
    return li;
  }

  /** Chooses a station: its row and marker are highlighted and its route drawn. from: 'list' | 'map'. */
  select(id, from) {
    if (!this.result || !this.result.stations.some((s) => s.id === id)) return;
    this.selectedId = id;
    for (const li of this.rows.children) li.setAttribute('aria-selected', String(Number(li.dataset.stationId) === id));
    this.highlight();
    this.drawMap({ fit: from === 'list' });
    if (from === 'map') {
      const li = this.rows.querySelector('[data-station-id="' + id + '"]');
      if (li) li.scrollIntoView({ block: 'nearest' });
    }
  }

  highlight() {
    const ids = this.result ? this.result.stations.map((s) => s.id) : [];
    document.body.classList.toggle('has-results', ids.length > 0);
    this.ctx.stations.highlight(ids, this.selectedId);
  }

  /** No popup for the listed stations: a tap chooses the row (the others show their details). */
  isListed(feature) {
    return !!(this.result && this.result.stations.some((s) => s.id === feature.id));
  }

  /** Marker tapped: a listed station chooses its row. */
  onMarker(feature) {
    if (this.result && this.result.stations.some((s) => s.id === feature.id)) this.select(feature.id, 'map');
  }

  /** Draws the position, rank badges and the chosen route; fit: to the position and the route (all: and every listed station). */
  drawMap({ fit = false, all = false } = {}) {
    this.layer.clearLayers();
    if (!this.position) return;
    const v = this.view;
    const me = v.toDisplay(this.position.lon, this.position.lat);
    const r = this.result;
    if (r && r.from) {
      const snapped = v.toDisplay(r.from.snappedLon, r.from.snappedLat);
      L.polyline([me, snapped], { pane: 'routes', className: 'route-access', color: '#1f6fb2', weight: 3, dashArray: '4 6', interactive: false }).addTo(this.layer);
    }
    const bounds = L.latLngBounds([me, me]);
    if (r) {
      r.stations.forEach((s, i) => {
        const c = s.station.geometry.coordinates;
        const at = v.toDisplay(c[0], c[1]);
        if (all) bounds.extend(at);
        L.marker(at, {
          icon: L.divIcon({ className: 'rank-badge' + (s.id === this.selectedId ? ' is-selected' : ''), html: String(i + 1),
            iconSize: [20, 20], iconAnchor: [-6, 26] }),
          interactive: false, keyboard: false, zIndexOffset: 2000,
        }).addTo(this.layer);
      });
      const sel = r.stations.find((s) => s.id === this.selectedId);
      if (sel && sel.route && sel.route.coordinates) {
        const line = sel.route.coordinates.map(([lon, lat]) => v.toDisplay(lon, lat));
        L.polyline(line, { pane: 'routes', className: 'route-casing', color: '#fff', weight: 9, opacity: 0.9, interactive: false }).addTo(this.layer);
        L.polyline(line, { pane: 'routes', className: 'route-line', color: '#c8102e', weight: 5, opacity: 0.95, interactive: false })
          .addTo(this.layer);
        const c = sel.station.geometry.coordinates;
        const end = line[line.length - 1];
        L.polyline([end, v.toDisplay(c[0], c[1])], { pane: 'routes', className: 'route-access', color: '#c8102e', weight: 3, dashArray: '4 6', interactive: false })
          .addTo(this.layer);
        for (const ll of line) bounds.extend(ll);
        bounds.extend(v.toDisplay(c[0], c[1]));
      }
    }
    L.circleMarker(me, { pane: 'me', radius: 9, className: 'me-marker', color: '#fff', weight: 3, fillColor: '#1f6fb2', fillOpacity: 1,
      interactive: false }).addTo(this.layer);
    if (this.position.accuracy && this.position.accuracy < 2000) {
      L.circle(me, { pane: 'routes', radius: this.position.accuracy, color: '#1f6fb2', weight: 1, fillOpacity: 0.08, interactive: false }).addTo(this.layer);
    }
    if (fit) this.map.fitBounds(bounds.pad(0.25), { maxZoom: 17, animate: false });
  }

  showList() {
    this.detailView.hidden = true;
    this.listView.hidden = false;
  }

  /** The detail view of one station (kind, hours, services, capacity, address, host), 用地图 App 导航 and 报告问题. */
  async showDetail(feature, found) {
    this.map.closePopup();
    const links = await loadMapLinks();
    const back = h('button', { type: 'button', class: 'btn btn-secondary detail-back', onclick: () => this.showList() }, '← 返回列表');
    const trip = found ? h('p', { class: 'detail-trip' }, this.result.profileName + ' ' + fmtMinutes(found.minutes) + '，' + fmtMeters(found.meters)) : null;
    const form = this.reportForm(feature);
    this.detailView.replaceChildren(back, trip, stationDetails(feature, { full: true, at: this.openAtFor(feature) }),
      links && links.mapAppLinks(feature, this.profile, this.position), photoSection(feature.id, { upload: 'propose' }),
      this.confirmBox(feature), form);
    this.detailView.dataset.stationId = feature.id;
    this.listView.hidden = true;
    this.detailView.hidden = false;
    this.container.scrollTop = 0;
  }

  /** 确认开放: the worker says the station is here and open now (POST /api/stations/{id}/confirmations). */
  confirmBox(feature) {
    const p = feature.properties;
    if (p.status === 'CLOSED') return null;
    const out = h('p', { class: 'confirm-result', id: 'confirm-result', role: 'status', 'aria-live': 'polite' });
    const button = h('button', { type: 'button', class: 'btn btn-primary confirm-open', id: 'confirm-open', onclick: async () => {
      button.disabled = true;
      try {
        const r = await postJson('/api/stations/' + feature.id + '/confirmations', {});
        out.dataset.kind = 'ok';
        out.dataset.counted = String(r.counted);
        out.textContent = r.message + '（近 30 天 ' + r.lastThirtyDays + ' 人次确认）';
        if (r.counted) p.confirmedAt = r.confirmedAt;
      } catch (e) {
        out.dataset.kind = 'error';
        out.textContent = '未能记录：' + e.message;
        button.disabled = false;
      }
    } }, '我在这里，它正开放');
    return h('section', { class: 'confirm' }, h('h4', {}, '确认开放'),
      h('p', { class: 'panel-hint' }, '到了站点、它正开放？点一下告诉其他职工。'), button, out);
  }

  /** Opens a station's detail by id — the page a station sign's QR code opens (/?station=id) — and shows it on the map. */
  async openStation(id) {
    let feature = (this.ctx.stationData.features || []).find((f) => String(f.id) === String(id));
    if (!feature) {
      try {
        feature = await getJson('/api/stations/' + encodeURIComponent(id));
      } catch (e) {
        this.say('error', '找不到这个站点：' + e.message);
        return;
      }
    }
    const c = feature.geometry.coordinates;
    this.map.setView(this.view.toDisplay(c[0], c[1]), Math.max(this.map.getZoom(), 17), { animate: false });
    this.showDetail(feature);
  }

  reportForm(feature) {
    const note = h('textarea', { name: 'note', maxlength: '500', rows: '2', placeholder: '补充说明（选填；选“其他”时请填写）', 'aria-label': '补充说明' });
    const contact = h('input', { name: 'contact', type: 'text', maxlength: '100', placeholder: '联系方式（选填）', 'aria-label': '联系方式' });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary report-submit' }, '提交');
    const types = h('fieldset', { class: 'report-types' }, h('legend', {}, '遇到什么问题？'));
    for (const t of REPORT_TYPES) {
      types.append(h('label', { class: 'report-type' },
        h('input', { type: 'radio', name: 'type', value: t.code, required: true }), h('span', {}, t.label)));
    }
    const done = h('div', { class: 'report-done', role: 'status', hidden: true });
    const form = h('form', { class: 'report-form', novalidate: true }, types, note, contact, error, submit);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const type = form.querySelector('input[name="type"]:checked');
      error.hidden = true;
      if (!type) {
        error.textContent = '请选择问题类型。';
        error.hidden = false;
        return;
      }
      if (type.value === 'OTHER' && !note.value.trim()) {
        error.textContent = '选择“其他”时请简单说明问题。';
        error.hidden = false;
        note.focus();
        return;
      }
      submit.disabled = true;
      submit.textContent = '正在提交…';
      try {
        const r = await postJson('/api/stations/' + feature.id + '/reports',
          { type: type.value, note: note.value.trim() || null, contact: contact.value.trim() || null });
        form.hidden = true;
        done.dataset.reportId = r.id;
        done.replaceChildren(h('strong', {}, '已收到您的报告，谢谢！'),
          h('p', {}, '问题：' + (r.typeName || type.parentElement.textContent) + '（编号 ' + r.id + '）。工会工作人员会尽快核实处理。'));
        done.hidden = false;
      } catch (e) {
        error.textContent = '提交失败：' + e.message;
        error.hidden = false;
      } finally {
        submit.disabled = false;
        submit.textContent = '提交';
      }
    });
    return h('section', { class: 'report' }, h('h4', {}, '报告问题'), form, done);
  }
}

/** A toggle button (aria-pressed) for a filter that is on or off. */
function chip(id, label, title, onChange) {
  const b = h('button', { type: 'button', class: 'chip', id, 'aria-pressed': 'false', title, onclick: () => {
    b.setAttribute('aria-pressed', String(!pressed(b)));
    onChange();
  } }, label);
  return b;
}

function pressed(b) {
  return b.getAttribute('aria-pressed') === 'true';
}

/** Now in the region's time zone: {date: 'YYYY-MM-DD', time: 'HH:MM'}. */
function regionNow() {
  const p = {};
  for (const part of CLOCK().formatToParts(new Date())) p[part.type] = part.value;
  return { date: p.year + '-' + p.month + '-' + p.day, time: p.hour + ':' + p.minute };
}

/** 'YYYY-MM-DD' → the day after. */
function nextDay(date) {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function fmtMinutes(m) {
  if (m === null || m === undefined) return '—';
  return (m < 1 ? '不到 1' : m < 10 ? m.toFixed(1).replace(/\.0$/, '') : String(Math.round(m))) + ' 分钟';
}
