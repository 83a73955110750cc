// PLACEHOLDER for a later feature — see README.md beside this file.
// Gap areas (outside every service area), ranked by the people living in them.
// Needs the coverage engine's REST API, which does not exist yet. Until then this module only
// keeps the contract: mount(ctx) gets the shared context and the container element.
export const name = 'gaps';

export function mount(ctx) {
  const container = document.querySelector('[data-feature="gaps"]');
  if (!container) return;
  container.dataset.mounted = 'placeholder';
}
