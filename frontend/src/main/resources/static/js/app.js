// What both pages share: load the map configuration and the stations with a visible progress
// indicator, build the map, and hand a context to the page's feature modules. Errors end in a
// visible Chinese message, never a blank map.
import L, { leafletStyles } from './leaflet.js';
import { getJson, pageRegion } from './api.js';
import { MapView } from './mapview.js';
import { holdTilesUntil } from './basemap.js';
import { setKinds } from './kinds.js';
import { StationLayer } from './stations.js';
import { Busy, Status, legendControl, markSynthetic, showCredits } from './ui.js';
import { accountLink, userBadge } from './me.js';

/** How long the basemap's tiles wait at most for the page's content (a page that failed half-way still gets its map). */
const TILES_HELD_AT_MOST_MS = 3000;

/** Where the API is: the same origin as the page (the backend serves both). */
export const API = {
  config: '/api/map-config',
  catalog: '/api/catalog',
  stations: '/api/stations',
};

/**
 * Starts a page.
 * @param {{page: 'worker'|'plan', features?: Array<{name: string, mount: (ctx) => void}>, stationOptions?: object,
 *          legendSections?: Array<{title: string, items: Array<{swatch: object, text: string}>}>
 *            | ((config) => Array<…>)}} options — sections may depend on the map configuration (the planner's bands)
 * @returns {Promise<object|null>} the context feature modules get, or null when loading failed
 */
export async function boot({ page, features = [], stationOptions = {}, legendSections = [] }) {
  const status = new Status(document.getElementById('status'));
  status.begin(['config', 'stations', 'basemap']);
  status.step('config', '正在加载地图配置…');
  const ctx = { page, status };
  window.servicemap = ctx; // for the browser tests and for debugging in the console

  // the catalog (station kinds with their glyph and colour, services) along with the configuration;
  // without it the map still works, every kind drawn in the neutral style
  const catalogLoad = getJson(API.catalog).catch((e) => {
    console.warn('catalog', e);
    return null;
  });
  // the configuration and the stations are asked for at once with the regions (one round trip instead of three on a
  // phone's network) when the address names the region, or this browser saw the instance hold one region; otherwise
  // the regions first — an instance of several answers a request that names none with 400. Awaited below, where their
  // failures are shown.
  const early = pageRegion() || singleRegionSeen();
  let configLoad = early ? quietly(getJson(API.config)) : null;
  let stationsLoad = early ? quietly(getJson(API.stations)) : null;
  let config;
  let regions = [];
  try {
    // several regions: the address names one (a link opens the same city); without one, the first that is ready
    regions = (await getJson('/api/regions')).regions.map((r) => r.region);
    rememberRegionCount(regions.length);
    if (regions.length > 1 && !pageRegion()) {
      const first = regions.find((r) => r.status === 'READY') || regions[0];
      const address = new URL(window.location.href);
      address.searchParams.set('region', first.code);
      window.history.replaceState(null, '', address);
      configLoad = quietly(getJson(API.config)); // of that region, now that the address names it
      stationsLoad = quietly(getJson(API.stations));
    } else if (!configLoad) {
      configLoad = quietly(getJson(API.config));
      stationsLoad = quietly(getJson(API.stations));
    }
    config = await configLoad;
  } catch (e) {
    status.error('地图配置加载失败：' + e.message);
    return null;
  }
  ctx.catalog = await catalogLoad;
  setKinds(ctx.catalog ? ctx.catalog.kinds : []);
  status.done('config');
  ctx.config = config;

  // the worker page needs no login; on the planner page ctx.me (GET /api/me) says who may edit what (ctx.meLoad resolves with it)
  ctx.me = null;
  ctx.meLoad = page === 'plan' ? showUser(ctx) : Promise.resolve(null);
  const region = config.region || {};
  for (const e of document.querySelectorAll('[data-region-name]')) {
    e.textContent = region.nameZh || '尚未加载区域';
    if (regions.length > 1) e.replaceChildren(regionSwitcher(regions, region.code));
  }
  // the other page of the same region
  if (pageRegion()) {
    for (const a of document.querySelectorAll('a.nav-link')) {
      const target = new URL(a.href, window.location.href);
      target.searchParams.set('region', pageRegion());
      a.href = target.pathname + target.search;
    }
  }
  if (region.synthetic || config.basemaps.offline.synthetic) markSynthetic(config.syntheticLabel || '合成示例数据');

  await leafletStyles;
  // the basemap's tiles wait until the page's own content (stations, the features' panels) is up: on a slow phone
  // its first frames show that, not a dozen tile pictures being drawn (and after 3 s whatever happened meanwhile)
  let contentShown;
  holdTilesUntil(new Promise((resolve) => {
    contentShown = resolve;
    setTimeout(resolve, TILES_HELD_AT_MOST_MS);
  }));
  const view = new MapView(document.getElementById('map'), config);
  ctx.view = view;
  ctx.map = view.map;
  // the map's box changes when a side panel or sheet opens: keep Leaflet's idea of its size right
  if (window.ResizeObserver) new ResizeObserver(() => view.map.invalidateSize({ pan: false })).observe(view.map.getContainer());
  // the map's elements are in the page: let the browser lay them out in its own time before Leaflet measures the map
  // and creates the first tiles (a forced layout inside this task otherwise)
  await nextTask();
  if (config.center) view.map.setView([config.center[1], config.center[0]], config.zoom);
  else view.map.setView([32.06, 118.79], 5);
  if (new URLSearchParams(window.location.search).get('basemap') === 'online') view.preferOnline();

  const credits = document.getElementById('credits');
  if (credits) {
    showCredits(credits, config.credits || []);
    view.addAttribution('<a href="#credits" class="credits-link">数据来源</a>');
    view.map.getContainer().addEventListener('click', (ev) => {
      if (ev.target.classList.contains('credits-link')) {
        ev.preventDefault();
        credits.showModal ? credits.showModal() : credits.setAttribute('open', '');
      }
    });
  }

  let basemapDone = false;
  const basemapLoaded = () => {
    if (!basemapDone) {
      basemapDone = true;
      status.done('basemap');
    }
  };
  view.offline.once('load', basemapLoaded);
  if (view.base !== view.offline) view.base.once('load', basemapLoaded);
  let tileFailures = 0;
  view.offline.on('tilefail', () => {
    tileFailures += 1;
    const notice = document.getElementById('basemap-notice');
    if (notice && tileFailures >= 3) {
      notice.textContent = '底图加载失败，地图背景可能不完整。';
      notice.hidden = false;
    }
    basemapLoaded();
  });
  if (config.basemaps.offline.empty) {
    const notice = document.getElementById('basemap-notice');
    if (notice) {
      notice.textContent = '本区域没有离线底图数据（' + config.basemaps.offline.source + '）';
      notice.hidden = false;
    }
  }

  const stations = new StationLayer(view.map, view.transform, stationOptions);
  ctx.stations = stations;
  view.onTransform((t) => stations.setTransform(t));
  status.step('stations', '正在加载站点…');
  let fc;
  try {
    await nextTask(); // the map is built: let it paint and answer taps before the stations are drawn
    fc = await stationsLoad;
  } catch (e) {
    status.error('站点数据加载失败：' + e.message);
    contentShown();
    return null;
  }
  stations.setStations(fc);
  ctx.stationData = fc;
  const kinds = new Set((fc.features || []).map((f) => f.properties.kind));
  ctx.legend = legendControl(kinds.size ? kinds : null, typeof legendSections === 'function' ? legendSections(config) : legendSections);
  ctx.legend.addTo(view.map);
  status.done('stations');
  if (!fc.features || fc.features.length === 0) {
    status.empty(region.code ? '该区域还没有站点。' : '尚未加载区域：请先导入行政区划与站点。');
  } else if (page === 'plan' && stations.bounds()) {
    view.map.fitBounds(stations.bounds().pad(0.1), { maxZoom: 16 });
  } else if (!config.center && stations.bounds()) {
    view.map.setView(stations.bounds().getCenter(), config.zoom);
  }

  ctx.busy = new Busy(view.map.getContainer().parentElement);
  for (const f of features) {
    try {
      await nextTask(); // each feature in a task of its own: no long task for a slow phone to sit through
      await f.mount(ctx);
    } catch (e) {
      console.warn('feature ' + f.name + ' failed to start', e);
    }
  }
  contentShown();
  return ctx;
}

export { L };

/**
 * Resolves in a new task of the event loop (scheduler.yield where there is one), so that the browser can paint and
 * handle input between the steps of starting a page.
 */
export function nextTask() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The promise, marked as handled: one that is dropped (the page failed earlier) rejects without an uncaught error. */
function quietly(promise) {
  promise.catch(() => {});
  return promise;
}

const SINGLE_REGION = 'servicemap.single-region';

/** Whether this browser last saw the instance hold one region (then a request naming none is answered). */
function singleRegionSeen() {
  try {
    return window.localStorage.getItem(SINGLE_REGION) === 'true';
  } catch (e) {
    return false; // storage blocked: ask in turn
  }
}

function rememberRegionCount(n) {
  try {
    window.localStorage.setItem(SINGLE_REGION, String(n <= 1));
  } catch (e) {
    // storage blocked: the next visit asks in turn again
  }
}

/** 区域切换: a menu of the instance's regions; choosing one opens the same page for that region. */
function regionSwitcher(regions, current) {
  const select = document.createElement('select');
  select.className = 'region-switcher';
  select.setAttribute('aria-label', '切换区域');
  for (const r of regions) {
    const option = document.createElement('option');
    option.value = r.code;
    option.textContent = r.nameZh + (r.status === 'READY' ? '' : r.status === 'IMPORTING' ? '（导入中）' : '（导入失败）');
    option.selected = r.code === current;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const address = new URL(window.location.href);
    address.searchParams.set('region', select.value);
    window.location.assign(address);
  });
  return select;
}

/**
 * Who is signed in, in the app bar (./me.js), and the way to 用户管理 or 修改密码 after the page's own links; kept as
 * ctx.me and resolved with (null when it cannot be read).
 */
async function showUser(ctx) {
  let me;
  try {
    me = await getJson('/api/me');
  } catch (e) {
    return null;
  }
  ctx.me = me;
  const bar = document.querySelector('.appbar nav');
  if (!bar) return me;
  bar.before(userBadge(me)); // beside the links, not in their box: the links stay where they are when it arrives
  const account = accountLink(me);
  if (account) bar.append(account);
  return me;
}
