// GIS 数据导出: a region's layers — 站点, 行政区, 服务圈, 服务缺口, 选址结果 (the latest siting job) — as a file for QGIS,
// ArcGIS or a phone (GET /api/export/{layer}?format=…): GeoPackage, Shapefile in GBK or UTF-8, GeoJSON, KML, CSV or XLSX,
// WGS84. 服务圈 and 服务缺口 use the planner's 出行方式 and bands (every open station counts). Below, the address of the
// region's OGC API – Features service, which QGIS and ArcGIS Pro connect to directly.
import { pageRegion, query, withRegion } from '../api.js';
import { h } from '../dom.js';

export const name = 'gisexport';

const LAYERS = [
  ['stations', '站点'],
  ['districts', '行政区'],
  ['bands', '服务圈'],
  ['gaps', '服务缺口'],
  ['siting', '选址结果（最近一次）'],
];

const FORMATS = [
  ['gpkg', 'GeoPackage（QGIS / ArcGIS）'],
  ['shp', 'Shapefile（GBK 编码）'],
  ['shp-utf8', 'Shapefile（UTF-8 编码）'],
  ['geojson', 'GeoJSON'],
  ['kml', 'KML（手机地图 App）'],
  ['csv', 'CSV'],
  ['xlsx', 'XLSX'],
];

export function mount(ctx, planner) {
  const container = document.querySelector('[data-feature="gisexport"]');
  if (!container) return null;
  const v = new GisExport(planner, container);
  container.dataset.mounted = 'ready';
  return v;
}

class GisExport {
  constructor(planner, container) {
    this.planner = planner;
    const select = (id, options) => h('select', { id, onchange: () => this.update() },
      ...options.map(([value, label]) => h('option', { value }, label)));
    this.layer = select('gis-export-layer', LAYERS);
    this.format = select('gis-export-format', FORMATS);
    this.link = h('a', { class: 'btn btn-secondary btn-small', id: 'gis-export-download', download: '' }, '下载');
    this.note = h('p', { class: 'gis-export-hint', id: 'gis-export-note' });
    const region = pageRegion();
    const ogc = window.location.origin + '/ogc' + (region ? '/' + encodeURIComponent(region) : '');
    container.append(h('h2', {}, 'GIS 数据导出'),
      h('div', { class: 'gis-export-row' },
        h('label', { for: 'gis-export-layer' }, '图层'), this.layer,
        h('label', { for: 'gis-export-format' }, '格式'), this.format, this.link),
      this.note,
      h('p', { class: 'gis-export-hint' }, 'QGIS / ArcGIS 可直接连接 OGC API – Features：', h('code', { id: 'gis-export-ogc' }, ogc)));
    planner.on('settings', () => this.update());
    this.update();
  }

  update() {
    const layer = this.layer.value;
    const [format, utf8] = this.format.value === 'shp-utf8' ? ['shp', true] : [this.format.value, false];
    const computed = layer === 'bands' || layer === 'gaps';
    this.link.href = withRegion('/api/export/' + layer + query({
      format,
      encoding: utf8 ? 'UTF-8' : null,
      profile: computed ? this.planner.profile : null,
      bands: computed ? this.planner.bands : null,
    }));
    this.note.textContent = (computed ? this.planner.profileName() + ' ' + this.planner.bands.join('/') + ' 分钟，所有营业站点；' : '')
      + '坐标 WGS84' + (format === 'shp' ? '，含 .prj 与 .cpg（' + (utf8 ? 'UTF-8' : 'GBK') + '）' : '')
      + (layer === 'siting' ? '；选址结果仅规划人员可下载' : '');
  }
}
