// 用地图 App 导航: the walk or ride to a station in 高德地图, 百度地图 or 腾讯地图, where workers navigate turn by turn. The
// in-app route stays; these hand the trip over. Each link is the map's published web URI, which opens its app when
// the phone has it (高德 callnative=1; 百度 and 腾讯 hand their web pages to the app) and its web page otherwise.
// Loaded by features/nearest.js when a list or a station's detail first needs it, not with the page.
//
// Coordinates: ours are WGS84; 高德 and 腾讯 expect GCJ-02, 百度 BD-09 (named by coord_type=bd09ll), converted with
// ../coords.js (the formulas of gis-data's ChinaCoordinates). Parameters as the maps' URI API pages give them (read
// 2026-12):
//   高德 https://uri.amap.com/navigation  from/to=lon,lat[,name]  mode=walk|ride (ride on phones only, app ≥ 8.0)
//        callnative=1  src; coordinate=gaode (GCJ-02, the default) is documented for its marker page and sent anyway
//   百度 https://api.map.baidu.com/direction  origin/destination=latlng:lat,lng|name:…  mode=walking (the web page
//        lists transit|driving|walking; riding is listed for the app)  coord_type=bd09ll  output=html (required for
//        the web page)  src=webapp.company.app (required)
//   腾讯 https://apis.map.qq.com/uri/v1/routeplan  type=walk (walk on phones only; bike is listed for the app)
//        from/fromcoord, to (required)/tocoord=lat,lng (GCJ-02: coord_type 2, the default)  referer (required)
// Without the worker's position the start is left out: each map then starts from where the phone is (百度's web page
// lists origin as required, its app takes the phone's position without one).
import { h } from '../dom.js';
import { bd09FromWgs84, gcj02FromWgs84 } from '../coords.js';

/** How the maps are told who sends the worker (their src/referer parameters). */
const APP = 'servicemap';
const BAIDU_SRC = 'webapp.servicemap.workermap';
const HERE = '我的位置';

/** Our travel profiles → each map's mode: 步行 walks, 电动自行车 rides. */
const MODES = {
  WALK: { amap: 'walk', baidu: 'walking', qq: 'walk', word: '步行' },
  EBIKE: { amap: 'ride', baidu: 'riding', qq: 'bike', word: '骑行' },
};

/** Degrees to 6 decimals (about 0.1 m). */
const deg = (x) => x.toFixed(6);

/** A name for a map's query: a separator of the maps' own syntax (| , ;) would cut it short; the rest is encoded. */
const name = (text) => encodeURIComponent(String(text || '驿站').replace(/[|,;]/g, ' ').trim());

/**
 * A query string as the maps' documents write it: their separators , and : stay as they are (legal in a query), 百度's
 * | is percent-encoded (a URL may not hold it bare; the server decodes it), names are percent-encoded. Pairs with a
 * null value are left out.
 */
const query = (pairs) => pairs.filter(([, v]) => v !== null).map(([k, v]) => k + '=' + v.replaceAll('|', '%7C')).join('&');

/**
 * The three links' addresses.
 * @param {{lon: number, lat: number, name: string}} to the station (WGS84)
 * @param {'WALK'|'EBIKE'} profile
 * @param {{lon: number, lat: number}|null} from the worker's position (WGS84), or null
 * @returns {{amap: string, baidu: string, qq: string}}
 */
export function mapAppUrls(to, profile, from = null) {
  const mode = MODES[profile] || MODES.WALK;
  const here = encodeURIComponent(HERE);
  const there = name(to.name);
  const [gLon, gLat] = gcj02FromWgs84(to.lon, to.lat);
  const [bLon, bLat] = bd09FromWgs84(to.lon, to.lat);
  const gFrom = from ? gcj02FromWgs84(from.lon, from.lat) : null;
  const bFrom = from ? bd09FromWgs84(from.lon, from.lat) : null;
  return {
    amap: 'https://uri.amap.com/navigation?' + query([
      ['from', gFrom ? deg(gFrom[0]) + ',' + deg(gFrom[1]) + ',' + here : null],
      ['to', deg(gLon) + ',' + deg(gLat) + ',' + there],
      ['mode', mode.amap], ['coordinate', 'gaode'], ['callnative', '1'], ['src', APP]]),
    baidu: 'https://api.map.baidu.com/direction?' + query([
      ['origin', bFrom ? 'latlng:' + deg(bFrom[1]) + ',' + deg(bFrom[0]) + '|name:' + here : null],
      ['destination', 'latlng:' + deg(bLat) + ',' + deg(bLon) + '|name:' + there],
      ['mode', mode.baidu], ['coord_type', 'bd09ll'], ['output', 'html'], ['src', BAIDU_SRC]]),
    qq: 'https://apis.map.qq.com/uri/v1/routeplan?' + query([
      ['type', mode.qq],
      ['from', gFrom ? here : null], ['fromcoord', gFrom ? deg(gFrom[1]) + ',' + deg(gFrom[0]) : null],
      ['to', there], ['tocoord', deg(gLat) + ',' + deg(gLon)], ['referer', APP]]),
  };
}

/**
 * The 「用地图 App 导航」 row: 高德, 百度 and 腾讯 as links, each named for a screen reader with the mode and the station.
 * @param {object} feature the station (GeoJSON feature, WGS84)
 * @param {'WALK'|'EBIKE'} profile
 * @param {{lon: number, lat: number}|null} from the worker's position, or null
 */
export function mapAppLinks(feature, profile, from = null) {
  const [lon, lat] = feature.geometry.coordinates;
  const station = feature.properties.name;
  const urls = mapAppUrls({ lon, lat, name: station }, profile, from);
  const word = (MODES[profile] || MODES.WALK).word;
  const link = (app, label, full) => h('a', {
    class: 'map-app', href: urls[app], target: '_blank', rel: 'noopener', 'data-app': app, 'data-mode': profile,
    'aria-label': '用' + full + word + '导航到' + station,
  }, label);
  return h('div', { class: 'map-apps', role: 'group', 'aria-label': '用地图 App 导航' },
    h('span', { class: 'map-apps-label', 'aria-hidden': 'true' }, '用地图 App 导航'),
    link('amap', '高德', '高德地图'), link('baidu', '百度', '百度地图'), link('qq', '腾讯', '腾讯地图'));
}
