// Whom the planner's coverage counts (服务对象, `demand=` of the coverage endpoints and of 选址建议): residents (the
// default, left out of requests) or a worker group whose figures the API may give as relative weights (its report's
// `demand.relative`, `demand.unit`, `demand.method`).
export const DEMANDS = [
  { code: 'residents', label: '常住人口' },
  { code: 'riders', label: '外卖快递骑手' },
  { code: 'sanitation', label: '环卫工人' },
  { code: 'drivers', label: '货车网约车司机' },
];

export const DEFAULT_DEMAND = 'residents';
