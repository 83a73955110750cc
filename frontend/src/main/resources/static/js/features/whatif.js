// PLACEHOLDER for a later feature — see README.md beside this file.
// What-if: add, move or close a station on the map and compare coverage before and after.
// Needs the coverage engine's REST API, which does not exist yet. Until then this module only
// keeps the contract: mount(ctx) gets the shared context and the container element.
export const name = 'whatif';

export function mount(ctx) {
  const container = document.querySelector('[data-feature="whatif"]');
  if (!container) return;
  container.dataset.mounted = 'placeholder';
}
