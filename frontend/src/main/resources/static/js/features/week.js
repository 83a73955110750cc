// 按时段 (#week-panel), collapsed at first: coverage by hour of the week (GET /api/coverage/week). A heat strip for
// the region and each district — 7 days × 24 hours, each cell coloured by the share of people within the band of a
// station open at that hour (the choropleth classes of colors.js) — with the hovered or tapped hour spelt out; a
// time slider (day + hour) that sets the moment the band, band-tile and gap layers count open stations at
// (planner.setMoment → their at=), 「全部时段」 to count every station again; and 夜间缺口: the districts ranked by the
// people without an open station within the band in the worst hour of a night window over the week.
import L from '../leaflet.js';
import { getJson, query } from '../api.js';
import { h, fmtInt, fmtPct } from '../dom.js';
import { CHOROPLETH, NO_NETWORK, choroplethColor } from './colors.js';
import { geoJsonLayer } from './geo.js';

export const name = 'week';

export const DAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
export const HOURS = 168;
const NIGHT = { from: 22, to: 6 };

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="week"]');
  if (!container) return null;
  const w = new WeekView(ctx, planner, container);
  ctx.week = w;
  container.dataset.mounted = 'ready';
  return w;
}

/** Hour of the week (0 = Monday 00:00) as a planner reads it: "周三 23:00". */
export function hourText(hour) {
  return DAYS[Math.floor(hour / 24)] + ' ' + String(hour % 24).padStart(2, '0') + ':00';
}

/** The local moment of an hour of the week starting on `monday` (YYYY-MM-DD): "2026-11-25T23:00". */
export function momentOf(monday, hour) {
  const [y, m, d] = monday.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + Math.floor(hour / 24))).toISOString().slice(0, 10);
  return date + 'T' + String(hour % 24).padStart(2, '0') + ':00';
}

/** Whether an hour of the day falls in a window [from, to) that may pass midnight; from = to is the whole day. */
export function inWindow(hourOfDay, from, to) {
  if (from === to) return true;
  return from < to ? hourOfDay >= from && hourOfDay < to : hourOfDay >= from || hourOfDay < to;
}

/**
 * 夜间缺口: per district the hour of the window with the most people outside the band of every open station
 * (people − peopleWithin, the earliest such hour on a tie), most first.
 */
export function nightGaps(rows, from, to) {
  return rows.map((r) => {
    let worst = null;
    for (const x of r.hours) {
      if (!inWindow(x.hour % 24, from, to)) continue;
      const without = Math.max(0, r.people - x.peopleWithin);
      if (!worst || without > worst.without) worst = { hour: x.hour, without, share: x.peopleShare, open: x.openStations };
    }
    return { row: r, ...worst };
  }).filter((g) => g.hour !== undefined).sort((a, b) => b.without - a.without || a.hour - b.hour);
}

class WeekView {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.map = ctx.map;
    this.container = container;
    this.data = null;
    this.loads = 0;
    this.stale = true;
    /** The hour of the week the slider shows (0–167), or null for 全部时段. */
    this.hour = null;
    this.minutes = planner.bands[planner.bands.length - 1];
    this.night = { ...NIGHT };
    this.shapes = null;

    this.toggle = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'week-toggle',
      'aria-expanded': 'false', 'aria-controls': 'week-body', onclick: () => this.setOpen(this.body.hidden) }, '展开');
    this.weekInput = h('input', { type: 'date', id: 'week-date', 'aria-label': '周次：选该周任一天',
      onchange: () => this.load() });
    this.minutesSelect = h('select', { id: 'week-minutes', 'aria-label': '按时段：服务圈', onchange: () => {
      this.minutes = Number(this.minutesSelect.value);
      this.load();
    } }, ...planner.bands.map((m) => h('option', { value: m, selected: m === this.minutes }, m + ' 分钟服务圈')));
    this.state = h('p', { class: 'panel-note', id: 'week-state', role: 'status', 'aria-live': 'polite' });
    this.notes = h('div', { class: 'week-notes', id: 'week-notes' });

    // the time slider: one hour of the week per step, applied when let go (each step asks for new bands)
    this.slider = h('input', { type: 'range', id: 'week-slider', min: '0', max: String(HOURS - 1), step: '1', value: '12',
      disabled: true, 'aria-label': '时刻（周一 0 时至周日 23 时）',
      oninput: () => this.showSliderLabel(Number(this.slider.value)),
      onchange: () => this.setHour(Number(this.slider.value)) });
    this.sliderLabel = h('output', { class: 'week-moment-label', id: 'week-moment-label', for: 'week-slider' }, '全部时段');
    this.allButton = h('button', { type: 'button', class: 'btn btn-secondary btn-small', id: 'week-all', 'aria-pressed': 'true',
      disabled: true, onclick: () => this.setHour(null) }, '全部时段');
    this.prev = h('button', { type: 'button', class: 'btn btn-secondary btn-small week-step', id: 'week-prev', 'aria-label': '前一小时',
      disabled: true, onclick: () => this.step(-1) }, '‹');
    this.next = h('button', { type: 'button', class: 'btn btn-secondary btn-small week-step', id: 'week-next', 'aria-label': '后一小时',
      disabled: true, onclick: () => this.step(1) }, '›');

    this.info = h('p', { class: 'week-info', id: 'week-info', 'aria-live': 'polite' }, '将指针移到（或点按）色块查看该时段的覆盖情况。');
    this.strip = h('div', { class: 'week-strip', id: 'week-strip',
      onpointerover: (e) => this.hover(e), onpointermove: (e) => this.hover(e), onclick: (e) => this.pick(e) });
    this.legend = h('div', { class: 'week-legend', id: 'week-legend' },
      h('span', { class: 'week-legend-title' }, '覆盖率（人口）'),
      ...CHOROPLETH.slice().reverse().map((c) => legendItem(c.color, c.label)),
      legendItem(NO_NETWORK, '无人口数据'));

    const hourOptions = (selected) => Array.from({ length: 24 }, (_, i) => h('option', { value: i, selected: i === selected },
      String(i).padStart(2, '0') + ':00'));
    this.nightFrom = h('select', { id: 'night-from', 'aria-label': '夜间起始', onchange: () => this.setNight() }, ...hourOptions(this.night.from));
    this.nightTo = h('select', { id: 'night-to', 'aria-label': '夜间结束', onchange: () => this.setNight() }, ...hourOptions(this.night.to));
    this.nightSummary = h('p', { class: 'panel-note', id: 'night-summary' });
    this.nightList = h('ol', { class: 'night-list', id: 'night-list' });

    this.body = h('div', { class: 'week-body', id: 'week-body', hidden: true },
      h('p', { class: 'panel-hint' }, '一周中每个整点开放的驿站能服务多少人：颜色为该小时服务圈内人口占比。拖动时刻，地图上的服务圈和服务缺口只计当时开放的站点。'),
      h('div', { class: 'plan-settings week-settings' },
        h('label', { class: 'setting' }, h('span', {}, '周次（选该周任一天）'), this.weekInput),
        h('label', { class: 'setting' }, h('span', {}, '服务圈'), this.minutesSelect)),
      this.state, this.notes,
      h('div', { class: 'week-moment' },
        h('div', { class: 'week-moment-row' }, h('span', { class: 'week-moment-title' }, '地图时刻'), this.sliderLabel, this.allButton),
        h('div', { class: 'week-moment-row' }, this.prev, this.slider, this.next)),
      this.info, this.strip, this.legend,
      h('h3', {}, '夜间缺口'),
      h('p', { class: 'panel-hint' }, '夜间各小时中，服务圈内没有开放驿站的人最多的一小时（全周），按人数排序；点按一行查看该时刻。'),
      h('div', { class: 'week-night-window' }, h('span', {}, '夜间'), this.nightFrom, h('span', {}, '至'), this.nightTo),
      this.nightSummary, this.nightList);
    container.append(h('div', { class: 'panel-title-row' }, h('h2', {}, '按时段'), this.toggle), this.body);
    container.dataset.state = 'closed';

    planner.on('settings', () => { this.stale = true; if (!this.body.hidden) this.load(); });
    planner.on('demand', () => { this.stale = true; if (!this.body.hidden) this.load(); });
    planner.on('services', () => { this.stale = true; if (!this.body.hidden) this.load(); });
    planner.on('coverage', (r) => {
      // new stations or hours: a new data version
      if (this.data && r && r.dataVersion !== this.data.dataVersion) {
        this.stale = true;
        if (!this.body.hidden) this.load();
      }
    });
    planner.on('moment', (at) => { if (!at && this.hour !== null) this.setHour(null); });
  }

  setOpen(open) {
    this.body.hidden = !open;
    this.toggle.textContent = open ? '收起' : '展开';
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open && this.stale) this.load();
    else this.container.dataset.state = open ? (this.data ? 'ready' : 'loading') : 'closed';
  }

  async load() {
    const n = ++this.loads;
    this.stale = false;
    this.container.dataset.state = 'loading';
    this.say('', '正在计算一周各小时的覆盖…（首次约需数秒）');
    const url = '/api/coverage/week' + query({ profile: this.planner.profile, kind: this.planner.kind, minutes: this.minutes,
      week: this.weekInput.value, ...this.planner.serviceParams(), ...this.planner.demandParams() });
    this.lastUrl = url;
    try {
      const w = await this.ctx.busy.run('正在计算按时段覆盖…', () => getJson(url, { timeoutMs: 180000 }));
      if (n !== this.loads) return;
      this.data = w;
      this.show(w);
      this.container.dataset.state = 'ready';
    } catch (e) {
      if (n !== this.loads) return;
      this.stale = true;
      this.say('error', '按时段覆盖暂不可用：' + e.message);
      this.container.dataset.state = 'error';
    }
  }

  say(kind, text) {
    this.state.textContent = text;
    this.state.dataset.kind = kind;
  }

  show(w) {
    this.weekInput.value = w.monday;
    const sunday = momentOf(w.monday, HOURS - 1).slice(0, 10);
    this.say('', w.profileName + ' ' + w.minutes + ' 分钟服务圈，' + w.monday + '（周一）至 ' + sunday + '（周日），计入 '
      + w.stations + ' 个站点。');
    const notes = [];
    if (w.calendarNote) notes.push(h('p', { class: 'week-note', id: 'week-calendar-note' }, w.calendarNote));
    if (w.stationsWithoutHours > 0) {
      notes.push(h('p', { class: 'week-note', id: 'week-without-hours' }, w.stationsWithoutHours + ' 个驿站未填开放时间，按关闭计'));
    }
    this.notes.replaceChildren(...notes);
    for (const b of [this.slider, this.allButton, this.prev, this.next]) b.disabled = false;
    this.renderStrip(w);
    this.renderNight();
    // a moment chosen before: the same day and hour of the new week
    if (this.hour !== null) this.apply();
    else this.mark();
  }

  rows() {
    return this.data ? [this.data.total, ...this.data.districts] : [];
  }

  renderStrip(w) {
    /** the cells of each hour, across the rows: to mark the slider's hour */
    this.columns = Array.from({ length: HOURS }, () => []);
    const head = h('div', { class: 'week-axis', 'aria-hidden': 'true' },
      ...DAYS.map((d) => h('span', { class: 'week-axis-day' }, d)));
    const ticks = h('div', { class: 'week-axis week-axis-hours', 'aria-hidden': 'true' },
      ...DAYS.map(() => h('span', { class: 'week-axis-day' }, h('span', {}, '0'), h('span', {}, '12'))));
    const rows = this.rows().map((r, i) => this.stripRow(r, i === 0));
    this.strip.replaceChildren(head, ticks, ...rows);
    void w;
  }

  stripRow(r, total) {
    const key = total ? 'total' : r.adcode;
    const days = [];
    for (let d = 0; d < 7; d++) {
      const cells = [];
      for (let k = 0; k < 24; k++) {
        const x = r.hours[d * 24 + k];
        const c = h('span', { class: 'week-cell', 'data-hour': x.hour, 'data-share': x.peopleShare === null ? '' : x.peopleShare,
          'data-open': x.openStations });
        c.style.background = choroplethColor(x.peopleShare);
        this.columns[x.hour].push(c);
        cells.push(c);
      }
      days.push(h('span', { class: 'week-day' }, ...cells));
    }
    const value = h('span', { class: 'week-row-value' });
    const row = h('div', { class: 'week-row' + (total ? ' week-row-total' : ''), 'data-adcode': key, 'data-people': r.people },
      h('div', { class: 'week-row-head' }, h('span', { class: 'week-row-name' }, r.name), value),
      h('div', { class: 'week-cells', role: 'img', 'aria-label': r.name + '：一周各小时覆盖率' }, ...days));
    row.weekRow = r;
    row.valueEl = value;
    return row;
  }

  /** The hovered or tapped cell, spelt out. */
  hover(e) {
    const c = e.target.closest && e.target.closest('.week-cell');
    if (!c) return;
    const row = c.closest('.week-row');
    if (c === this.hovered) return;
    this.hovered = c;
    this.info.textContent = cellText(row.weekRow, Number(c.dataset.hour), weekUnit(this.data));
    this.info.dataset.hour = c.dataset.hour;
    this.info.dataset.adcode = row.dataset.adcode;
  }

  /** A cell clicked or tapped: its text, and the slider (and the map) to its hour. */
  pick(e) {
    const c = e.target.closest && e.target.closest('.week-cell');
    if (!c) return;
    this.hovered = null;
    this.hover(e);
    this.setHour(Number(c.dataset.hour));
  }

  showSliderLabel(hour) {
    this.sliderLabel.textContent = hour === null ? '全部时段' : hourText(hour)
      + (this.data ? '（' + momentOf(this.data.monday, hour).slice(5, 10).replace('-', '月') + '日）' : '');
  }

  step(by) {
    const from = this.hour === null ? Number(this.slider.value) : this.hour;
    this.setHour((from + by + HOURS) % HOURS);
  }

  /** The slider to an hour of the week (null: 全部时段), and the map's layers with it. */
  setHour(hour) {
    this.hour = hour;
    if (hour !== null) this.slider.value = String(hour);
    this.apply();
  }

  apply() {
    const hour = this.hour;
    this.showSliderLabel(hour);
    this.allButton.setAttribute('aria-pressed', String(hour === null));
    this.slider.classList.toggle('is-idle', hour === null);
    this.container.dataset.hour = hour === null ? '' : String(hour);
    this.mark();
    this.planner.setMoment(hour === null || !this.data ? null : momentOf(this.data.monday, hour));
  }

  /** The slider's hour outlined in every row, each row's figure for it (or its week's lowest). */
  mark() {
    if (!this.columns) return;
    for (const c of this.strip.querySelectorAll('.week-cell.is-at')) c.classList.remove('is-at');
    if (this.hour !== null) for (const c of this.columns[this.hour]) c.classList.add('is-at');
    for (const row of this.strip.querySelectorAll('.week-row')) {
      const r = row.weekRow;
      if (this.hour !== null) {
        const x = r.hours[this.hour];
        row.valueEl.textContent = fmtPct(x.peopleShare) + '（开放 ' + x.openStations + ' 个）';
      } else {
        const low = r.hours.reduce((a, x) => (x.peopleShare !== null && (a === null || x.peopleShare < a.peopleShare) ? x : a), null);
        row.valueEl.textContent = low ? '最低 ' + fmtPct(low.peopleShare) + '（' + hourText(low.hour) + '）' : '无人口数据';
      }
    }
  }

  setNight() {
    this.night = { from: Number(this.nightFrom.value), to: Number(this.nightTo.value) };
    this.renderNight();
  }

  renderNight() {
    if (!this.data) return;
    const { from, to } = this.night;
    const span = from === to ? '全天' : String(from).padStart(2, '0') + ':00–' + String(to).padStart(2, '0') + ':00';
    const [region] = nightGaps([this.data.total], from, to);
    this.nightSummary.textContent = region
      ? '全区域 ' + span + ' 最差在 ' + hourText(region.hour) + '：约 ' + fmtInt(region.without) + ' ' + weekUnit(this.data) + '附近没有开放的驿站（覆盖 '
        + fmtPct(region.share) + '，开放驿站 ' + region.open + ' 个）。'
      : '';
    this.nightList.replaceChildren(...nightGaps(this.data.districts, from, to).map((g) => h('li', { class: 'night-item',
      'data-adcode': g.row.adcode, 'data-without': g.without, 'data-hour': g.hour },
    h('button', { type: 'button', class: 'night-go', onclick: () => this.goNight(g) },
      h('strong', { class: 'night-name' }, g.row.name),
      h('span', { class: 'night-people' }, '约 ' + fmtInt(g.without) + ' ' + weekUnit(this.data) + '无开放驿站'),
      h('span', { class: 'night-when' }, '最差 ' + hourText(g.hour) + ' · 覆盖 ' + fmtPct(g.share) + ' · 开放 ' + g.open + ' 个')))));
  }

  async goNight(g) {
    this.setHour(g.hour);
    this.info.textContent = cellText(g.row, g.hour, weekUnit(this.data));
    await this.zoomToDistrict(g.row.adcode);
  }

  /** Fits the map to a district's boundary (GET /api/districts, as the district layer has it). */
  async zoomToDistrict(adcode) {
    try {
      if (!this.shapes) this.shapes = (this.ctx.districts && this.ctx.districts.shapes) || await getJson('/api/districts');
    } catch (e) {
      this.shapes = null;
    }
    const f = this.shapes && this.shapes.features.find((x) => x.properties.adcode === adcode);
    let bounds = f ? geoJsonLayer(this.ctx.view, f).getBounds() : null;
    if (!bounds || !bounds.isValid()) {
      // no boundary: where the district's stations are
      const pts = (this.ctx.stationData.features || []).filter((s) => s.properties.adcode === adcode)
        .map((s) => this.ctx.view.toDisplay(s.geometry.coordinates[0], s.geometry.coordinates[1]));
      bounds = pts.length ? L.latLngBounds(pts) : null;
    }
    if (bounds && bounds.isValid()) this.map.fitBounds(bounds.pad(0.05), { maxZoom: 15 });
  }
}

/** The unit of a week's people figures: 人, or its demand's unit when they are relative weights. */
function weekUnit(w) {
  const d = w && w.demand;
  return d && d.relative ? (d.unit || '相对值') : '人';
}

/** 「周三 23:00 · 玄武区 · 覆盖 62.3%（12,345 人）· 开放驿站 8 个」 */
export function cellText(row, hour, unit = '人') {
  const x = row.hours[hour];
  const share = x.peopleShare === null ? '无人口数据' : '覆盖 ' + fmtPct(x.peopleShare) + '（' + fmtInt(x.peopleWithin) + ' ' + unit + '）';
  // no space after a full-width bracket: 「…（12,345 人）· 开放驿站 8 个」
  return hourText(hour) + ' · ' + row.name + ' · ' + share + (share.endsWith('）') ? '· ' : ' · ') + '开放驿站 ' + x.openStations + ' 个';
}

function legendItem(color, text) {
  const s = h('span', { class: 'week-swatch' });
  s.style.background = color;
  return h('span', { class: 'week-legend-item' }, s, text);
}
