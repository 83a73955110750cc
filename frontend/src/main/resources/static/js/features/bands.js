// PLACEHOLDER for a later feature — see README.md beside this file.
// Service-area bands (5/10/15 min) of all stations as a map layer, with a legend.
// Needs the coverage engine's REST API, which does not exist yet. Until then this module only
// keeps the contract: mount(ctx) gets the shared context and the container element.
export const name = 'bands';

export function mount(ctx) {
  const container = document.querySelector('[data-feature="bands"]');
  if (!container) return;
  container.dataset.mounted = 'placeholder';
}
