// The parts of a page around the map: the loading indicator, error and empty states, the legend,
// the synthetic-data label and the data credits. Chinese text; large touch targets.
import L from './leaflet.js';
import { kindList, kindStyle } from './kinds.js';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The status overlay: loading (with a progress bar over named steps), error (message + 重试),
 * empty (a note that does not block the map). document.body.dataset.state mirrors it, for tests
 * and for CSS.
 */
export class Status {
  constructor(root) {
    this.root = root;
    this.bar = root.querySelector('.progress > span');
    this.text = root.querySelector('.status-text');
    this.retry = root.querySelector('.status-retry');
    this.retry.addEventListener('click', () => window.location.reload());
    this.steps = new Map();
  }

  /** Declares the steps of loading; each is done() later. */
  begin(names) {
    for (const n of names) this.steps.set(n, false);
    this.set('loading', '正在加载…');
    this.update();
  }

  step(name, message) {
    if (message) this.text.textContent = message;
    this.update();
  }

  done(name) {
    this.steps.set(name, true);
    this.update();
    if ([...this.steps.values()].every(Boolean) && document.body.dataset.state === 'loading') {
      this.set('ready', '');
    }
  }

  update() {
    const total = this.steps.size || 1;
    const done = [...this.steps.values()].filter(Boolean).length;
    this.bar.style.transform = 'scaleX(' + (done / total).toFixed(3) + ')';
    this.root.querySelector('.progress').setAttribute('aria-valuenow', String(Math.round(100 * done / total)));
  }

  set(state, message) {
    document.body.dataset.state = state;
    this.root.dataset.state = state;
    this.text.textContent = message;
    this.retry.hidden = state !== 'error';
  }

  error(message) {
    this.set('error', message);
  }

  empty(message) {
    this.set('empty', message);
  }
}

/**
 * A legend of station kinds (only those present, when known) and marker states, plus any further
 * sections (the planner's bands, gaps, choropleth: {title, items: [{swatch: {style…}|className, text}]});
 * collapsible on phones.
 */
export function legendControl(kindsPresent, sections = []) {
  const Legend = L.Control.extend({
    options: { position: 'topright' },
    onAdd(map) {
      const box = el('div', 'legend leaflet-bar');
      const toggle = el('button', 'legend-toggle', '图例');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      const body = el('div', 'legend-body');
      body.hidden = true;
      // never taller than the map it sits on
      const fit = () => { body.style.maxHeight = Math.max(120, map.getSize().y - 90) + 'px'; };
      map.on('resize', fit);
      fit();
      toggle.addEventListener('click', () => {
        fit();
        body.hidden = !body.hidden;
        toggle.setAttribute('aria-expanded', String(!body.hidden));
      });
      const list = el('ul', 'legend-kinds');
      // the catalog's kinds (present ones, when known), then one neutral entry for codes it does not know
      const known = kindList().filter((k) => !kindsPresent || kindsPresent.has(k.code));
      const unknown = kindsPresent && [...kindsPresent].some((c) => !known.some((k) => k.code === c));
      for (const k of unknown ? [...known, kindStyle(null)] : known) {
        const li = el('li');
        const g = el('span', 'sm-pin sm-legend', '');
        g.style.setProperty('--kind', k.color);
        g.append(el('span', 'sm-glyph', k.glyph));
        li.append(g, el('span', '', k.name));
        list.append(li);
      }
      const states = el('ul', 'legend-states');
      for (const [cls, text] of [['sm-open', '营业中'], ['sm-closed', '已打烊 / 暂停'], ['sm-unknown', '时间未知']]) {
        const li = el('li');
        const pin = el('span', 'sm-pin sm-legend ' + cls);
        pin.style.setProperty('--kind', '#999');
        li.append(pin, el('span', '', text));
        states.append(li);
      }
      const cl = el('li');
      cl.append(el('span', 'sc-legend', 'n'), el('span', '', '多个站点（点按放大）'));
      states.append(cl);
      body.append(el('h2', '', '站点类型'), list, el('h2', '', '标记'), states);
      for (const section of sections) {
        const ul = el('ul', 'legend-extra');
        for (const item of section.items) {
          const li = el('li');
          const sw = el('span', 'legend-swatch' + (typeof item.swatch === 'string' ? ' ' + item.swatch : ''));
          if (item.swatch && typeof item.swatch === 'object') Object.assign(sw.style, item.swatch);
          li.append(sw, el('span', '', item.text));
          ul.append(li);
        }
        body.append(el('h2', '', section.title), ul);
      }
      box.append(toggle, body);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      if (window.matchMedia && window.matchMedia('(min-width: 900px) and (min-height: 860px)').matches) {
        body.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
      }
      return box;
    },
  });
  return new Legend();
}

/**
 * "正在计算…": a small busy pill over the map for anything slow (nearest, coverage, what-if), counted
 * so that overlapping requests keep it up until the last one ends. body[data-busy] mirrors it for tests.
 */
export class Busy {
  constructor(container) {
    this.count = 0;
    this.box = el('div', 'busy');
    this.box.setAttribute('role', 'status');
    this.box.setAttribute('aria-live', 'polite');
    this.box.hidden = true;
    this.box.append(el('span', 'busy-spinner'), el('span', 'busy-text', '正在计算…'));
    container.append(this.box);
  }

  /** Runs the promise-returning fn with the indicator up; returns its result. */
  async run(text, fn) {
    this.count += 1;
    this.box.querySelector('.busy-text').textContent = text || '正在计算…';
    // only show it when the work takes a moment (no flicker for fast answers)
    const timer = setTimeout(() => { if (this.count > 0) this.box.hidden = false; }, 150);
    document.body.dataset.busy = String(this.count);
    try {
      return await fn();
    } finally {
      clearTimeout(timer);
      this.count -= 1;
      document.body.dataset.busy = String(this.count);
      if (this.count === 0) this.box.hidden = true;
    }
  }
}

/** Shows the synthetic-data label in the header and as a ribbon on the map. */
export function markSynthetic(label) {
  document.body.classList.add('is-synthetic');
  for (const e of document.querySelectorAll('[data-synthetic-label]')) {
    e.textContent = label;
    e.hidden = false;
  }
}

/** Fills the credits dialog with the region's credits (text only). */
export function showCredits(dialog, credits) {
  const list = dialog.querySelector('ul');
  list.replaceChildren(...credits.map((c) => el('li', '', c)));
}
