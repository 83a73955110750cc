package cn.servicemap.gis.stations;

/**
 * One refused row of an import file.
 *
 * @param rowNumber the row as the user sees it (header row = 1 in CSV/XLSX; feature number in GeoJSON/Shapefile)
 * @param column    the column header in the file, or null for the whole row
 * @param value     the offending value as given
 * @param reason    Chinese first, then English in brackets
 */
public record RowProblem(int rowNumber, String column, String value, ProblemCode code, String reason) {
}
