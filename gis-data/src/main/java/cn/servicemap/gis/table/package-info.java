/**
 * Streaming readers of uploaded station tables (CSV/TXT, XLSX, GeoJSON, zipped Shapefile) as rows of
 * text cells with row numbers and per-row read problems; interpretation (coordinates, kinds,
 * validation) happens in the importer. Entry point: {@link cn.servicemap.gis.table.RowSources#open}.
 */
package cn.servicemap.gis.table;
