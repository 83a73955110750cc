// Greedy distance clustering of points on screen: at a zoom, each point joins the first cluster
// whose centre lies within `cellPx` pixels of it (looked up through a grid of cellPx squares),
// else starts one; clusters sit at the mean of their members. Unlike a plain grid it never leaves
// two neighbouring clusters overlapping across a cell edge.
//
// Why our own (about 50 lines) rather than Leaflet.markercluster: the only WebJar of it on Maven
// Central is org.webjars:leaflet-markercluster 1.4.1 (2018, older than Leaflet 1.9, a global-script
// plugin); a region has hundreds of stations, not hundreds of thousands, so one pass on each zoom
// change costs well under a millisecond, and we control the markup the tests look for.

/**
 * @param {Array<{latlng: L.LatLng}>} items points with a display position
 * @param {(latlng) => {x: number, y: number}} project latlng → pixel at the zoom to cluster for
 * @param {number} cellPx the distance in pixels below which points join
 * @returns {Array<{items: Array, latlng: {lat: number, lng: number}}>} clusters (single items included)
 */
export function gridCluster(items, project, cellPx) {
  const grid = new Map();
  const clusters = [];
  const r2 = cellPx * cellPx;
  for (const item of items) {
    const p = project(item.latlng);
    const gx = Math.floor(p.x / cellPx);
    const gy = Math.floor(p.y / cellPx);
    let found = null;
    for (let dx = -1; dx <= 1 && !found; dx++) {
      for (let dy = -1; dy <= 1 && !found; dy++) {
        for (const c of grid.get((gx + dx) + ':' + (gy + dy)) || []) {
          const ddx = c.x - p.x;
          const ddy = c.y - p.y;
          if (ddx * ddx + ddy * ddy <= r2) { found = c; break; }
        }
      }
    }
    if (found) {
      found.items.push(item);
    } else {
      const c = { x: p.x, y: p.y, items: [item] };
      clusters.push(c);
      const key = gx + ':' + gy;
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(c);
    }
  }
  return clusters.map((c) => {
    let lat = 0;
    let lng = 0;
    for (const m of c.items) {
      lat += m.latlng.lat;
      lng += m.latlng.lng;
    }
    return { items: c.items, latlng: { lat: lat / c.items.length, lng: lng / c.items.length } };
  });
}
