// GCJ-02 ("Mars coordinates") ↔ WGS84 and WGS84 → BD-09, the same formulas as gis-data's
// cn.servicemap.gis.crs.ChinaCoordinates, including its iterative (exact) GCJ-02 inverse.
//
// Why here: stored coordinates are WGS84; a GCJ-02 tile layer (AMap, Tencent) draws every place
// about 500 m off in Nanjing, so overlays must be shifted to GCJ-02 for display and clicks shifted
// back before they reach the API. The links that open a station in 高德/腾讯地图 (GCJ-02) and 百度地图
// (BD-09) convert the same way. The browser tests compare these functions with the Java ones
// within 1e-7°.

const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.00669342162296594323;
const INVERSE_TOLERANCE_DEG = 1e-10;
const INVERSE_MAX_ITERATIONS = 30;
const BD_X_PI = Math.PI * 3000.0 / 180.0;

/** The coarse rectangle of the public GCJ-02 algorithm; outside it GCJ-02 equals WGS84. */
export function isOutsideChina(lon, lat) {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function gcjOffset(lon, lat) {
  const x = lon - 105.0;
  const y = lat - 35.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  const common = (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  dLat += common;
  dLon += common;
  dLat += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
  dLon += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
  dLat += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
  dLon += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
  const radLat = lat / 180.0 * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1.0 - KRASOVSKY_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
  dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
  return [dLon, dLat];
}

/** WGS84 → GCJ-02 (closed formula). Returns [lon, lat]. */
export function gcj02FromWgs84(lon, lat) {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  const [dLon, dLat] = gcjOffset(lon, lat);
  return [lon + dLon, lat + dLat];
}

/** GCJ-02 → WGS84, the exact inverse by fixed-point iteration (residual below 1e-10°). Returns [lon, lat]. */
export function wgs84FromGcj02(lon, lat) {
  if (isOutsideChina(lon, lat)) return [lon, lat];
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const [gLon, gLat] = gcj02FromWgs84(wLon, wLat);
    const eLon = gLon - lon;
    const eLat = gLat - lat;
    wLon -= eLon;
    wLat -= eLat;
    if (Math.abs(eLon) < INVERSE_TOLERANCE_DEG && Math.abs(eLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wLon, wLat];
}

/** GCJ-02 → BD-09 (Baidu's closed formula; applied everywhere, also outside China). Returns [lon, lat]. */
export function bd09FromGcj02(lon, lat) {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/** WGS84 → BD-09 (via GCJ-02). Returns [lon, lat]. */
export function bd09FromWgs84(lon, lat) {
  const [gLon, gLat] = gcj02FromWgs84(lon, lat);
  return bd09FromGcj02(gLon, gLat);
}

/**
 * How overlays meet the basemap on screen. With a WGS84 basemap (our offline one, OSM, 天地图)
 * nothing moves; with a GCJ-02 basemap every WGS84 point is shifted for display and every
 * displayed point (a click, a drag) is shifted back.
 *
 * @param {'WGS84'|'GCJ02'} crs the datum of the active basemap
 */
export function displayTransform(crs) {
  if (crs === 'GCJ02') {
    return {
      crs,
      /** WGS84 lon/lat → Leaflet [lat, lng] on this basemap. */
      toDisplay: (lon, lat) => { const [x, y] = gcj02FromWgs84(lon, lat); return [y, x]; },
      /** A Leaflet latlng on this basemap → WGS84 {lon, lat}. */
      fromDisplay: (latlng) => { const [lon, lat] = wgs84FromGcj02(latlng.lng, latlng.lat); return { lon, lat }; },
    };
  }
  return {
    crs: 'WGS84',
    toDisplay: (lon, lat) => [lat, lon],
    fromDisplay: (latlng) => ({ lon: latlng.lng, lat: latlng.lat }),
  };
}
