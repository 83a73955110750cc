// Service icons (饮水, 热饭, 如厕 …) as small inline SVGs drawn here, keyed by the catalog's `icon`
// names (seeds/station-services.csv): no icon font, no CDN, crisp at any pixel ratio. Each icon is
// a few strokes on a 24 × 24 grid in currentColor, with the service's Chinese name as its title.

const SVG = 'http://www.w3.org/2000/svg';

/** icon name → SVG child elements as [tag, attributes]. */
const SHAPES = {
  water: [['path', { d: 'M12 3c3.5 4.6 6 8 6 11a6 6 0 0 1-12 0c0-3 2.5-6.4 6-11z' }], ['path', { d: 'M9.5 15a2.5 2.5 0 0 0 2.5 2.5' }]],
  microwave: [['rect', { x: 2.5, y: 5, width: 19, height: 14, rx: 2 }], ['rect', { x: 5, y: 8, width: 10, height: 8, rx: 1 }],
    ['path', { d: 'M18 8.5v.01M18 12v.01M18 15.5v.01' }]],
  toilet: [['circle', { cx: 7, cy: 5, r: 1.8 }], ['circle', { cx: 17, cy: 5, r: 1.8 }], ['path', { d: 'M7 8.5v12M5 9h4v6H5zM17 8.5l-3 8h6zM17 16.5v4M12 3v18' }]],
  rest: [['path', { d: 'M5 11V6a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v5' }], ['path', { d: 'M3 11h18v5H3zM5 16v4M19 16v4' }]],
  'phone-charge': [['rect', { x: 6, y: 2.5, width: 12, height: 19, rx: 2 }], ['path', { d: 'M13 6.5l-3 5h4l-3 5' }]],
  'ebike-charge': [['circle', { cx: 5.5, cy: 16.5, r: 3.5 }], ['circle', { cx: 18.5, cy: 16.5, r: 3.5 }],
    ['path', { d: 'M5.5 16.5L9 9h6l3.5 7.5M9 9l3 7.5h6.5M13.5 2.5l-2 3.5h3l-2 3.5' }]],
  'first-aid': [['rect', { x: 3, y: 6, width: 18, height: 14, rx: 2 }], ['path', { d: 'M9 6V4h6v2M12 10v6M9 13h6' }]],
  'air-pump': [['path', { d: 'M9 21h6M12 21V9M8 9h8M12 9V4h5' }], ['rect', { x: 9.5, y: 11, width: 5, height: 7, rx: 1 }]],
  books: [['path', { d: 'M12 6c-2-1.5-5-2-8-1.5V19c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5V4.5c-3-.5-6 0-8 1.5zM12 6v14.5' }]],
  aircon: [['path', { d: 'M12 2.5v19M3.8 7.2l16.4 9.6M3.8 16.8l16.4-9.6M9.5 4l2.5 2 2.5-2M9.5 20l2.5-2 2.5 2' }]],
  fridge: [['rect', { x: 6, y: 2.5, width: 12, height: 19, rx: 2 }], ['path', { d: 'M6 10h12M9 6v2M9 13v3' }]],
  'table-chairs': [['path', { d: 'M3 9h18M6 9v10M18 9v10M12 9v4' }], ['path', { d: 'M2 14v5M2 16h3M22 14v5M22 16h-3' }]],
  aed: [['path', { d: 'M12 20s-7.5-4.6-7.5-10A4.2 4.2 0 0 1 12 7.3 4.2 4.2 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z' }], ['path', { d: 'M13 9.5l-2.5 3.5h3L11 16.5' }]],
  wifi: [['path', { d: 'M2.5 9a14 14 0 0 1 19 0M5.5 12.5a9.5 9.5 0 0 1 13 0M8.5 16a5 5 0 0 1 7 0' }], ['circle', { cx: 12, cy: 19.3, r: 1.2 }]],
};

const FALLBACK = [['circle', { cx: 12, cy: 12, r: 8 }], ['path', { d: 'M12 8v5M12 16v.01' }]];

/**
 * An inline SVG icon for a service, with its name as the accessible label and tooltip.
 * @param {{icon?: string, name?: string, code?: string}} service as in a station's `services`
 */
export function serviceIcon(service) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'svc-icon');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', service.name || service.code || '');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '1.8');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  const title = document.createElementNS(SVG, 'title');
  title.textContent = service.name || '';
  svg.append(title);
  for (const [tag, attrs] of SHAPES[service.icon] || FALLBACK) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    svg.append(e);
  }
  return svg;
}

/** A row of service icons (each a chip with the icon; the name shows as its title and to screen readers). */
export function serviceIcons(services, { withNames = false } = {}) {
  const list = document.createElement('ul');
  list.className = 'svc-list' + (withNames ? ' svc-list-named' : '');
  for (const s of services || []) {
    const li = document.createElement('li');
    li.className = 'svc';
    li.dataset.service = s.code || '';
    li.title = s.name || '';
    li.append(serviceIcon(s));
    if (withNames) {
      const t = document.createElement('span');
      t.textContent = s.name || s.code;
      li.append(t);
    }
    list.append(li);
  }
  return list;
}
