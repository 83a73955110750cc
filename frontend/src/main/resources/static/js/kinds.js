// How each kind of service point looks on the map: a colour and one Chinese character, so that a
// marker reads without a legend on a small screen (驿 = 驿站, 宫 = 工人文化宫 …). Codes and names
// as in seeds/station-kinds.csv and the glossary.
export const KINDS = {
  OUTDOOR_STATION: { glyph: '驿', color: '#d7263d', name: '户外劳动者服务站点（爱心驿站）' },
  CULTURAL_PALACE: { glyph: '宫', color: '#8e3fa8', name: '工人文化宫' },
  SERVICE_CENTRE: { glyph: '服', color: '#1f6fb2', name: '职工服务中心' },
  WORKERS_HOME: { glyph: '家', color: '#e07b00', name: '职工之家' },
  READING_ROOM: { glyph: '书', color: '#2a8a6a', name: '职工书屋' },
  DRIVERS_HOME: { glyph: '司', color: '#51606e', name: '司机之家' },
  NURSING_ROOM: { glyph: '母', color: '#d6478c', name: '爱心母婴室' },
  COUNSELLING_POINT: { glyph: '心', color: '#2f9fb8', name: '心灵加油站' },
  LEGAL_AID: { glyph: '法', color: '#3b4ba0', name: '法律援助站' },
  CHILDCARE_POINT: { glyph: '托', color: '#c9a000', name: '托育托管点' },
  REST_BASE: { glyph: '疗', color: '#5c8a2e', name: '疗休养基地' },
};

const OTHER = { glyph: '站', color: '#666666', name: '其他' };

export function kindStyle(code) {
  return KINDS[code] || OTHER;
}
