// Colours of the planner's layers, shared by the layers and the legend.

/** Service-area bands by their upper limit in minutes: near = deep green, far = yellow. */
export const BAND_COLORS = { 5: '#1a9850', 10: '#91cf60', 15: '#fee08b' };
const BAND_FALLBACK = ['#1a9850', '#66bd63', '#a6d96a', '#d9ef8b', '#fee08b', '#fdae61'];

export function bandColor(minutes, index = 0) {
  return BAND_COLORS[minutes] || BAND_FALLBACK[Math.min(index, BAND_FALLBACK.length - 1)];
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
