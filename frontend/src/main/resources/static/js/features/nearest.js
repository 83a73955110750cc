// PLACEHOLDER for a later feature — see README.md beside this file.
// Nearest open stations by travel time (walk / e-bike) for a worker, and the way there.
// Needs the coverage engine's REST API, which does not exist yet. Until then this module only
// keeps the contract: mount(ctx) gets the shared context and the container element.
export const name = 'nearest';

export function mount(ctx) {
  const container = document.querySelector('[data-feature="nearest"]');
  if (!container) return;
  container.dataset.mounted = 'placeholder';
}
