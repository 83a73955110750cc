// Colours of the planner's layers, shared by the layers and the legend.

/** Service-area bands: the nearest deep green, the farthest yellow, those between spread evenly on the ramp. */
const BAND_RAMP = ['#1a9850', '#91cf60', '#fee08b'];

/** A colour at t (0…1) along the ramp, interpolated in RGB. */
function ramp(t) {
  const x = Math.min(Math.max(t, 0), 1) * (BAND_RAMP.length - 1);
  const i = Math.min(Math.floor(x), BAND_RAMP.length - 2);
  const f = x - i;
  const [a, b] = [BAND_RAMP[i], BAND_RAMP[i + 1]].map((c) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)));
  return '#' + a.map((v, k) => Math.round(v + (b[k] - v) * f).toString(16).padStart(2, '0')).join('');
}

/**
 * Colours for an ascending list of bands in minutes (GET /api/map-config `bands`, up to 6):
 * minutes → colour. [5, 10, 15] gives #1a9850, #91cf60, #fee08b.
 */
export function bandColors(bands) {
  const n = bands.length;
  return new Map(bands.map((m, i) => [m, ramp(n > 1 ? i / (n - 1) : 0)]));
}

/** The colour of one band of the list; a band not in the list gets the far end of the ramp. */
export function bandColor(minutes, bands) {
  return bandColors(bands).get(minutes) || ramp(1);
}

/** Gaps: one red, its strength by the people in the gap. */
export const GAP_COLOR = '#d7301f';

/** Coverage share classes (people covered ÷ people in the covered part of the district). */
export const CHOROPLETH = [
  { min: 0.95, color: '#08519c', label: '≥ 95%' },
  { min: 0.85, color: '#3182bd', label: '85–95%' },
  { min: 0.7, color: '#6baed6', label: '70–85%' },
  { min: 0.5, color: '#bdd7e7', label: '50–70%' },
  { min: 0, color: '#eff3ff', label: '< 50%' },
];

/** Districts the road network does not reach. */
export const NO_NETWORK = '#b5b5b5';

export function choroplethColor(share) {
  if (share === null || share === undefined) return NO_NETWORK;
  return (CHOROPLETH.find((c) => share >= c.min) || CHOROPLETH[CHOROPLETH.length - 1]).color;
}
