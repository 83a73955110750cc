// Siting (选址建议): where the next stations should go. The planner picks the band and either how many new
// stations (覆盖最多) or the share of people to reach (最少站点); POST /api/planning/siting starts a job watched
// every 500 ms (GET /api/jobs/{id}, cancel with DELETE), and its answer (GET /api/planning/siting/{id}) is drawn as
// numbered markers and listed with the people each site adds, the upper bound and the gap to it. 全部加入方案模拟
// hands the sites to the what-if; 排除 drops a site (nothing within 50 m of it is proposed) and asks again.
import L from '../leaflet.js';
import { getJson, postJson, chinese, withRegion } from '../api.js';
import { reportQuery } from './compliance.js';
import { h, fmtInt } from '../dom.js';
import { JobWatcher, running } from '../jobs.js';

export const name = 'siting';
/** The least role that may use the panel (its API refuses a district editor). */
export const role = 'PLANNER';

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="siting"]');
  if (!container) return null;
  const s = new Siting(ctx, planner, container);
  ctx.siting = s;
  container.dataset.mounted = 'ready';
  return s;
}

class Siting {
  constructor(ctx, planner, container) {
    this.ctx = ctx;
    this.planner = planner;
    this.container = container;
    this.map = ctx.map;
    this.map.createPane('siting').style.zIndex = 640;
    this.group = L.layerGroup().addTo(this.map);
    this.busy = false;
    this.answer = null;
    this.excluded = [];
    this.watcher = new JobWatcher({
      onUpdate: (j) => this.update(j),
      onRetry: (e) => this.say('', '正在重新获取进度…（' + e.message + '）'),
      onLost: (e) => { this.finish(); this.say('error', '无法获取选址进度：' + e.message); },
    });

    const bands = planner.bands;
    this.minutes = h('select', { id: 'siting-minutes', 'aria-label': '服务圈时长' },
      ...bands.map((m) => h('option', { value: m, selected: m === bands[bands.length - 1] }, m + ' 分钟服务圈')));
    this.objective = h('select', { id: 'siting-objective', 'aria-label': '目标', onchange: () => this.showObjective() },
      h('option', { value: 'MAX_COVERAGE' }, '新增 N 个站点，覆盖最多的人'),
      h('option', { value: 'MIN_SITES' }, '达到目标覆盖率，站点最少'),
      h('option', { value: 'MAX_CROSS_COVERAGE' }, '新增 N 个站点，交叉覆盖最多'));
    this.candidates = h('select', { id: 'siting-candidates', 'aria-label': '候选点' },
      h('option', { value: 'STREETS' }, '候选：服务圈外人口所在街道'),
      h('option', { value: 'HOST_PLACES' }, '候选：可依托场所（银行、邮局、加油站、社区中心、公厕、公园等）'));
    this.sites = h('input', { id: 'siting-sites', type: 'number', min: '1', max: '200', value: '10', 'aria-label': '新站点数' });
    this.share = h('input', { id: 'siting-share', type: 'number', min: '1', max: '100', value: '90', 'aria-label': '目标覆盖率（%）' });
    this.sitesRow = h('label', { class: 'siting-field' }, '新站点数 ', this.sites);
    this.shareRow = h('label', { class: 'siting-field', hidden: true }, '目标覆盖率 ', this.share, ' %');
    this.start = h('button', { type: 'submit', id: 'siting-start', class: 'btn btn-primary' }, '计算选址');
    this.cancel = h('button', { type: 'button', id: 'siting-cancel', class: 'btn btn-secondary', hidden: true,
      onclick: () => this.stop() }, '取消');
    this.form = h('form', { class: 'siting-form', onsubmit: (e) => { e.preventDefault(); this.run(); } },
      h('label', { class: 'siting-field' }, this.minutes), h('label', { class: 'siting-field' }, this.objective),
      h('label', { class: 'siting-field' }, this.candidates),
      this.sitesRow, this.shareRow, h('div', { class: 'siting-buttons' }, this.start, this.cancel));
    this.bar = h('progress', { class: 'job-progress', id: 'siting-progress', max: '100', value: '0', hidden: true,
      'aria-label': '选址进度' });
    this.stage = h('p', { class: 'panel-note', id: 'siting-stage', role: 'status', 'aria-live': 'polite' });
    this.summary = h('p', { class: 'siting-summary', id: 'siting-summary' });
    this.list = h('ol', { class: 'siting-list', id: 'siting-list' });
    this.tryAll = h('button', { type: 'button', id: 'siting-try', class: 'btn btn-secondary', hidden: true,
      onclick: () => this.tryInWhatIf() }, '全部加入方案模拟');
    this.saveName = h('input', { type: 'text', id: 'siting-scenario-name', maxlength: '100', 'aria-label': '方案名称' });
    this.saveButton = h('button', { type: 'submit', id: 'siting-save', class: 'btn btn-primary btn-small' }, '保存为方案');
    this.saved = h('p', { class: 'panel-note', id: 'siting-saved', role: 'status' });
    this.exportLink = h('a', { class: 'btn btn-secondary btn-small', id: 'siting-export', download: '' }, '下载 XLSX');
    this.printLink = h('a', { class: 'btn btn-secondary btn-small', id: 'siting-print', target: '_blank', rel: 'noopener' }, '打印报告');
    this.after = h('div', { class: 'siting-after', hidden: true },
      h('form', { class: 'siting-form', onsubmit: (e) => { e.preventDefault(); this.saveScenario(); } }, this.saveName, this.saveButton),
      this.saved, h('div', { class: 'compliance-actions' }, this.exportLink, this.printLink));
    container.append(h('h2', {}, '选址建议'),
      h('p', { class: 'panel-hint' }, '在服务圈外人口所在的街道上，或在可依托的场所中，挑选新驿站的位置：覆盖最多的人，或用最少的站点达到目标覆盖率。'),
      this.form, this.bar, this.stage, this.summary, this.list, this.tryAll, this.after);
    planner.on('settings', () => this.clear());
    planner.on('demand', () => this.clear());
    planner.on('services', () => this.clear());
  }

  showObjective() {
    const min = this.objective.value === 'MIN_SITES';
    this.sitesRow.hidden = min;
    this.shareRow.hidden = !min;
  }

  body() {
    const b = { profile: this.planner.profile, minutes: Number(this.minutes.value), objective: this.objective.value,
      candidates: this.candidates.value };
    if (this.planner.kind) b.kinds = [this.planner.kind];
    if (this.planner.demand !== 'residents') b.demand = this.planner.demand;
    if (this.planner.services.length) b.services = [...this.planner.services];
    // the map's moment (地图时刻): only the stations open then count as existing — "sites that best cover riders at night"
    if (this.planner.at) b.at = this.planner.at;
    if (this.excluded.length) b.exclude = this.excluded;
    if (b.objective === 'MIN_SITES') b.targetShare = Number(this.share.value) / 100;
    else b.sites = Number(this.sites.value);
    return b;
  }

  async run() {
    this.clear();
    this.start.disabled = true;
    this.say('', '正在提交…');
    try {
      const job = await postJson('/api/planning/siting', this.body());
      this.busy = true;
      this.cancel.hidden = false;
      this.bar.hidden = false;
      this.watcher.watch(job);
    } catch (e) {
      this.start.disabled = false;
      this.say('error', '无法开始选址：' + e.message);
    }
  }

  async update(j) {
    this.showJob(j);
    if (running(j)) return;
    this.finish();
    if (j.status === 'SUCCEEDED') {
      try {
        this.jobId = j.id;
        this.show(await getJson('/api/planning/siting/' + encodeURIComponent(j.id)));
      } catch (e) {
        this.say('error', '无法读取选址结果：' + e.message);
      }
    } else if (j.status === 'CANCELLED') {
      this.say('', '已取消选址。');
    } else {
      this.say('error', '选址失败：' + chinese(((j.errors || [])[0] || {}).reason || '未知原因'));
    }
  }

  showJob(j) {
    const percent = Math.max(0, Math.min(100, Number(j.percent) || 0));
    this.bar.value = percent;
    this.container.dataset.job = String(j.status).toLowerCase();
    if (j.status === 'QUEUED') this.say('', '排队等待中…');
    else if (j.status === 'RUNNING') this.say('', '第 ' + (j.stage + 1) + '/' + j.stageCount + ' 步：' + chinese(j.stageName) + ' · ' + percent + '%');
  }

  async stop() {
    if (!this.busy) return;
    try {
      await this.watcher.cancel();
    } catch (e) {
      this.say('error', '无法取消：' + e.message);
    }
  }

  finish() {
    this.watcher.stop();
    this.busy = false;
    this.start.disabled = false;
    this.cancel.hidden = true;
    this.bar.hidden = true;
  }

  show(r) {
    this.answer = r;
    this.say('', '');
    const n = r.sites.length;
    const cross = r.objective === 'MAX_CROSS_COVERAGE';
    const u = ' ' + this.planner.peopleUnit();
    let text = '建议 ' + n + ' 个新站点，' + r.minutes + ' 分钟内新增' + (cross ? '交叉覆盖 ' : '覆盖 ') + fmtInt(r.peopleGained) + u + '（现有 '
      + fmtInt(r.peopleWithinBefore) + u + ' → ' + fmtInt(r.peopleWithinAfter) + u + '）。';
    if (r.objective !== 'MIN_SITES') {
      text += r.gapPercent === 0 ? '已证明为最优。' : '任何 ' + n + ' 个站点最多新增 ' + fmtInt(r.upperBound) + u + '，差距 ' + r.gapPercent + '%。';
    } else {
      text += (r.targetReached ? '已达到目标，' : '无法达到目标（候选点全部加上也不够），') + '至少需要 ' + r.fewestPossible + ' 个站点。';
    }
    this.summary.textContent = text;
    this.summary.title = r.method;
    this.list.replaceChildren(...r.sites.map((s) => h('li', { class: 'siting-site', 'data-rank': s.rank },
      h('button', { type: 'button', class: 'siting-go', onclick: () => this.zoomTo(s) },
        h('strong', {}, s.rank + '. ' + (s.name || s.street || '未命名道路')),
        h('span', {}, s.peopleGained > 0 || !cross ? '+' + fmtInt(s.peopleGained) + ' ' + this.planner.peopleUnit() : '与其他新站点配对')),
      h('button', { type: 'button', class: 'btn btn-secondary btn-small siting-exclude', title: '不在此处选址，重新计算',
        onclick: () => this.exclude(s) }, '排除'))));
    if (this.excluded.length) {
      this.list.append(h('li', { class: 'siting-excluded' }, '已排除 ' + this.excluded.length + ' 处 ',
        h('button', { type: 'button', class: 'link', onclick: () => { this.excluded = []; this.run(); } }, '清除排除')));
    }
    this.tryAll.hidden = n === 0;
    this.after.hidden = n === 0;
    this.saved.textContent = '';
    this.saveName.value = '选址建议 ' + n + ' 个站点（' + r.minutes + ' 分钟' + (cross ? '，交叉覆盖' : '') + '）';
    this.exportLink.href = withRegion('/api/planning/siting/' + encodeURIComponent(this.jobId) + '/export');
    this.printLink.href = '/report.html' + reportQuery({ type: 'siting', job: this.jobId });
    this.draw();
  }

  /** Saves the sites as a scenario of added outdoor-worker stations (方案), to compare and later apply. */
  async saveScenario() {
    if (!this.answer || !this.answer.sites.length) return;
    this.saveButton.disabled = true;
    const kind = this.planner.kind || 'OUTDOOR_STATION';
    try {
      const s = await postJson('/api/scenarios', {
        name: this.saveName.value.trim() || '选址建议',
        profile: this.answer.profile,
        changes: this.answer.sites.map((x) => ({ op: 'add', lon: x.lon, lat: x.lat, kind,
          name: '新驿站 ' + x.rank + (x.name || x.street ? '（' + (x.name || x.street) + '）' : '') })),
      });
      this.savedId = s.id;
      this.saved.dataset.kind = 'ok';
      this.saved.replaceChildren('已保存为方案“' + s.name + '”（编号 ' + s.id + '）。 ',
        h('button', { type: 'button', class: 'link', id: 'siting-compare', onclick: () => this.ctx.compare && this.ctx.compare.compare('current', s.id) },
          '与现状对比'));
      if (this.ctx.whatif) await this.ctx.whatif.loadScenarios();
    } catch (e) {
      this.saved.dataset.kind = 'error';
      this.saved.textContent = '保存失败：' + e.message;
    } finally {
      this.saveButton.disabled = false;
    }
  }

  draw() {
    this.group.clearLayers();
    if (!this.answer) return;
    for (const s of this.answer.sites) {
      L.marker(this.ctx.view.toDisplay(s.lon, s.lat), {
        pane: 'siting',
        icon: L.divIcon({ className: 'siting-marker', html: '<span class="siting-rank">' + s.rank + '</span>', iconSize: [26, 26], iconAnchor: [13, 13] }),
        title: '选址 ' + s.rank + '：' + (s.street || '未命名道路') + '，新增覆盖 ' + fmtInt(s.peopleGained) + ' ' + this.planner.peopleUnit(),
      }).addTo(this.group);
    }
  }

  exclude(s) {
    this.excluded.push({ lon: s.lon, lat: s.lat, name: s.name || s.street || null });
    this.run();
  }

  zoomTo(s) {
    this.map.setView(this.ctx.view.toDisplay(s.lon, s.lat), Math.max(this.map.getZoom(), 16));
  }

  tryInWhatIf() {
    if (!this.answer || !this.ctx.whatif) return;
    this.ctx.whatif.addAll(this.answer.sites.map((s) => ({ lon: s.lon, lat: s.lat })));
  }

  clear() {
    this.answer = null;
    this.group.clearLayers();
    this.list.replaceChildren();
    this.summary.textContent = '';
    this.tryAll.hidden = true;
    this.after.hidden = true;
  }

  say(kind, text) {
    this.stage.textContent = text;
    this.stage.dataset.kind = kind;
  }
}
