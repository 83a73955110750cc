// Draws one tile of the offline basemap — our own JSON tiles (GET /api/basemap/{z}/{x}/{y}.json, cut from the
// region's OSM data by the backend) — on a canvas 2D context. No imports and no DOM: basemap-worker.js runs it off the
// page's main thread on an OffscreenCanvas; basemap.js runs it on the page where a browser has no such worker.
//
// Why canvas per tile (not SVG or vector overlays): a tile of the dense core has hundreds of
// buildings and roads; canvas draws them in one pass, and a canvas of 256·devicePixelRatio pixels
// shown at 256 CSS pixels stays crisp on HiDPI phones. Why labels are placed per tile with a check
// that the text stays inside its tile: a label crossing a tile edge would be cut by the neighbour;
// the server gives one anchor per road name per tile, so long roads still get named.

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** Colours and widths; widths in CSS pixels at z16, scaled by zoom (see width()). */
export const STYLE = {
  background: '#f3f0ea',
  landuse: { residential: '#ebe7e0', commercial: '#f3e3e1', retail: '#f3e3e1', industrial: '#ebe2ea',
    education: '#f6efd2', hospital: '#f6e0df', pedestrian: '#e8e5ee' },
  green: { park: '#cde8bd', grass: '#d7ecc7', wood: '#b8d9a2', pitch: '#bfe2c6' },
  water: '#a7cdea',
  waterway: { river: 5, canal: 4, stream: 1.6, ditch: 1, drain: 1 },
  building: { fill: '#dfd8cf', stroke: '#c8bfb3' },
  // rank (draw order), fill, casing, width at z16
  roads: {
    motorway: [9, '#f7a86b', '#c77a45', 11], trunk: [8, '#f9bd7a', '#c98b4d', 10],
    primary: [7, '#fcd68a', '#c99e55', 9], secondary: [6, '#f8f1a6', '#b9aa62', 8],
    tertiary: [5, '#ffffff', '#bdb4a6', 7], residential: [4, '#ffffff', '#c9c1b4', 5],
    pedestrian: [3, '#f1eef7', '#c4bfd1', 4.5], service: [2, '#ffffff', '#cfc8bc', 3],
    steps: [1, '#e3735f', null, 1.6], footway: [1, '#e3735f', null, 1.3],
  },
  rail: '#8c8c8c',
  subway: '#8a7cc2',
  labels: {
    'place-major': { size: 16, weight: 700, color: '#2f2b27' },
    place: { size: 14, weight: 600, color: '#3c3732' },
    station: { size: 12, weight: 700, color: '#5a45a8', dot: '#5a45a8' },
    'road-major': { size: 12, weight: 500, color: '#2f2b27' },
    road: { size: 11, weight: 400, color: '#4b4640' },
    'water-line': { size: 12, weight: 400, color: '#2b69a0' },
    water: { size: 12, weight: 400, color: '#2b69a0' },
    park: { size: 12, weight: 400, color: '#37702f' },
    'poi-major': { size: 12, weight: 500, color: '#6a5a4b', dot: '#a0896f' },
    poi: { size: 11, weight: 400, color: '#786d62', dot: '#b3a291' },
  },
};

/** Line width in CSS pixels: grows about 1.6× per zoom step around z16, never thinner than 0.6 px. */
function width(base, z) {
  return Math.max(0.6, base * Math.pow(1.6, z - 16));
}

function path(ctx, coords, s) {
  ctx.moveTo(coords[0][0] * s, coords[0][1] * s);
  for (let i = 1; i < coords.length; i++) ctx.lineTo(coords[i][0] * s, coords[i][1] * s);
}

function fillPolygons(ctx, features, s, colorOf, stroke) {
  const byColor = new Map();
  for (const f of features) {
    const c = colorOf(f.properties.class);
    if (!c) continue;
    if (!byColor.has(c)) byColor.set(c, []);
    byColor.get(c).push(f);
  }
  for (const [color, fs] of byColor) {
    ctx.beginPath();
    for (const f of fs) {
      for (const ring of f.geometry.coordinates) {
        path(ctx, ring, s);
        ctx.closePath();
      }
    }
    ctx.fillStyle = color;
    ctx.fill('evenodd');
    if (stroke) {
      ctx.strokeStyle = stroke.color;
      ctx.lineWidth = stroke.width;
      ctx.stroke();
    }
  }
}

function strokeLines(ctx, features, s, color, lineWidth, dash) {
  if (!features.length) return;
  ctx.beginPath();
  for (const f of features) path(ctx, f.geometry.coordinates, s);
  ctx.strokeStyle = color;
  ctx.lineWidth = lineWidth;
  ctx.setLineDash(dash || []);
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawRoads(ctx, roads, z, s) {
  const groups = new Map(); // key: bridge|tunnel|class
  for (const f of roads) {
    const p = f.properties;
    const key = (p.bridge ? 'b' : p.tunnel ? 't' : 'n') + '|' + p.class;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const order = [...groups.keys()].sort((a, b) => {
    const la = { t: 0, n: 1, b: 2 }[a[0]];
    const lb = { t: 0, n: 1, b: 2 }[b[0]];
    if (la !== lb) return la - lb;
    return (STYLE.roads[a.slice(2)] || [0])[0] - (STYLE.roads[b.slice(2)] || [0])[0];
  });
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const level of ['t', 'n', 'b']) {
    const keys = order.filter((k) => k[0] === level);
    // casings of a level first, then fills, so that crossings join cleanly
    for (const k of keys) {
      const st = STYLE.roads[k.slice(2)];
      if (!st || !st[2]) continue;
      const w = width(st[3], z);
      if (w < 1.2 && z < 14) continue;
      strokeLines(ctx, groups.get(k), s, level === 'b' ? '#9a9186' : st[2], w + (z >= 15 ? 2 : 1.2),
        level === 't' ? [4, 3] : null);
    }
    for (const k of keys) {
      const st = STYLE.roads[k.slice(2)];
      if (!st) continue;
      const w = width(st[3], z);
      ctx.globalAlpha = level === 't' ? 0.55 : 1;
      if (!st[2]) {
        const fw = Math.max(1, Math.min(w, 2.5));
        strokeLines(ctx, groups.get(k), s, st[1], fw, [fw * 2.5, fw * 2]);
      } else {
        strokeLines(ctx, groups.get(k), s, st[1], w, null);
      }
      ctx.globalAlpha = 1;
    }
  }
}

function drawRailways(ctx, rails, z, s) {
  for (const f of rails) {
    const subway = f.properties.class === 'subway';
    const underground = f.properties.tunnel;
    const w = Math.max(1.2, width(2.2, z));
    if (underground) {
      ctx.globalAlpha = 0.6;
      strokeLines(ctx, [f], s, subway ? STYLE.subway : STYLE.rail, Math.max(1, w * 0.6), [6, 4]);
      ctx.globalAlpha = 1;
    } else {
      strokeLines(ctx, [f], s, subway ? STYLE.subway : STYLE.rail, w + 1, null);
      strokeLines(ctx, [f], s, '#ffffff', w * 0.5, [6, 6]);
    }
  }
}

function drawLabels(ctx, labels, s, tilePx) {
  const placed = [];
  const margin = 2;
  for (const f of labels) {
    const p = f.properties;
    const st = STYLE.labels[p.class] || STYLE.labels.poi;
    const [x, y] = [f.geometry.coordinates[0] * s, f.geometry.coordinates[1] * s];
    ctx.font = `${st.weight} ${st.size}px ${FONT}`;
    const textW = ctx.measureText(p.name).width;
    const h = st.size + 4;
    const angle = (p.angle || 0) * Math.PI / 180;
    const dotted = !!st.dot && p.angle === undefined;
    // text box centre: rotated text centred on the anchor; POI text to the right of its dot
    const cx = dotted ? x + 5 + textW / 2 : x;
    const cy = y;
    const cos = Math.abs(Math.cos(angle));
    const sin = Math.abs(Math.sin(angle));
    const bw = textW * cos + h * sin + 4;
    const bh = textW * sin + h * cos + 2;
    const box = [cx - bw / 2 - (dotted ? 9 : 0), cy - bh / 2, cx + bw / 2, cy + bh / 2];
    if (box[0] < margin || box[1] < margin || box[2] > tilePx - margin || box[3] > tilePx - margin) continue;
    if (placed.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
    placed.push(box);
    ctx.save();
    ctx.translate(cx, cy);
    ctx.rotate(angle);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = 'rgba(255,255,255,0.92)';
    ctx.lineWidth = 3.5;
    ctx.strokeText(p.name, 0, 0);
    ctx.fillStyle = st.color;
    ctx.fillText(p.name, 0, 0);
    ctx.restore();
    if (dotted) {
      ctx.beginPath();
      ctx.arc(x, y, 3, 0, Math.PI * 2);
      ctx.fillStyle = st.dot;
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
    }
  }
  return placed.length;
}

/** Draws one tile's JSON onto a 2D context whose unit is one CSS pixel. Returns counts, for tests. */
export function drawTile(ctx, data, z, tilePx) {
  const s = tilePx / data.extent;
  const layer = (name) => (data.layers[name] ? data.layers[name].features : []);
  ctx.fillStyle = STYLE.background;
  ctx.fillRect(0, 0, tilePx, tilePx);
  fillPolygons(ctx, layer('landuse'), s, (c) => STYLE.landuse[c]);
  fillPolygons(ctx, layer('green'), s, (c) => STYLE.green[c] || STYLE.green.grass);
  fillPolygons(ctx, layer('water'), s, () => STYLE.water);
  for (const f of layer('waterway')) {
    strokeLines(ctx, [f], s, STYLE.water, width(STYLE.waterway[f.properties.class] || 1, z), null);
  }
  if (layer('buildings').length) {
    fillPolygons(ctx, layer('buildings'), s, () => STYLE.building.fill,
      z >= 16 ? { color: STYLE.building.stroke, width: 0.7 } : null);
  }
  drawRoads(ctx, layer('roads'), z, s);
  drawRailways(ctx, layer('railways'), z, s);
  const labels = drawLabels(ctx, layer('labels'), s, tilePx);
  return { roads: layer('roads').length, buildings: layer('buildings').length, labels };
}
