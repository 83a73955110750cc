// Travel profiles as the API names them (TravelProfile) and as people here call them (出行方式).
export const PROFILES = [
  { code: 'WALK', label: '步行' },
  { code: 'EBIKE', label: '电动自行车' },
  { code: 'CAR', label: '驾车' },
];

export function profileLabel(code) {
  return (PROFILES.find((p) => p.code === code) || { label: code }).label;
}
