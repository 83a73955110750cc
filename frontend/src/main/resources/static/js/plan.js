// The planner page (/plan): where we are and, later, coverage bands, gaps and what-if.
import { boot } from './app.js';
import * as bands from './features/bands.js';
import * as gaps from './features/gaps.js';
import * as whatif from './features/whatif.js';

const panel = document.getElementById('plan-panel');
const toggle = document.getElementById('panel-toggle');
toggle.addEventListener('click', () => {
  const open = panel.classList.toggle('open');
  toggle.setAttribute('aria-expanded', String(open));
  toggle.textContent = open ? '收起分析面板' : '分析面板';
});

boot({ page: 'plan', features: [bands, gaps, whatif] }).then((ctx) => {
  if (!ctx) return;
  const data = ctx.stationData.features || [];
  const count = document.getElementById('station-count');
  const open = data.filter((f) => f.properties.openNow === true).length;
  count.textContent = `${data.length} 个站点，其中 ${open} 个此刻营业`;
  if (ctx.map) setTimeout(() => ctx.map.invalidateSize(), 0);
});
