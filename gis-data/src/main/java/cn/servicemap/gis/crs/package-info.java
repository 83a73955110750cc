/**
 * Coordinate systems: ServiceMap stores WGS84 lon/lat (EPSG:4326) only. {@link cn.servicemap.gis.crs.ChinaCoordinates}
 * converts GCJ-02 and BD-09 at the import edge (CGCS2000 is taken as WGS84),
 * {@link cn.servicemap.gis.crs.Geodesic} measures great-circle distances in metres and
 * {@link cn.servicemap.gis.crs.LocalMetricProjection} gives metres for areas and buffers.
 */
package cn.servicemap.gis.crs;
