/**
 * Streaming readers of uploaded station tables (CSV/TXT, XLSX, GeoJSON, zipped Shapefile) as rows of
 * text cells with row numbers and per-row read problems; interpretation (coordinates, kinds,
 * validation) happens in the importer. Entry point: {@link cn.servicemap.gis.table.RowSources#open}.
 * What an upload may expand to (rows, columns, cell length, unzipped bytes, nesting) is bounded by
 * {@link cn.servicemap.gis.table.ReadLimits}; a file beyond it is refused with a
 * {@link cn.servicemap.gis.table.ReadLimitException}. The same readers, under the same limits, serve the reference
 * files of districts: {@link cn.servicemap.gis.table.GeoJsonFeatures} (boundaries, one feature at a time) and
 * {@link cn.servicemap.gis.table.RowSources#openCsv} (the census table).
 */
package cn.servicemap.gis.table;
