package cn.servicemap.gis.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of an uploaded station file, as text, before any interpretation.
 *
 * @param rowNumber    the number the user sees: for CSV and XLSX the row in the file as a spreadsheet
 *                     shows it (header row = 1, first data row = 2; a quoted field spanning several
 *                     lines is one row; blank rows are skipped but counted); for GeoJSON and Shapefile
 *                     the feature number starting at 1 (deleted dBASE records are skipped but counted)
 * @param cells        values keyed by column header exactly as in the file (trimmed), in column order;
 *                     values are trimmed, never null, {@code ""} when empty or missing. Point
 *                     geometries of GeoJSON/Shapefile appear as cells {@code "lon"} and {@code "lat"}
 *                     (decimal strings at full precision, no exponent)
 * @param readProblems what went wrong reading this row (e.g. "geometry is a LineString, expected Point"
 *                     or an extra cell); empty when the row was read cleanly
 */
public record SourceRow(int rowNumber, Map<String, String> cells, List<String> readProblems) {

    public SourceRow {
        Objects.requireNonNull(cells, "cells");
        cells.forEach((k, v) -> {
            Objects.requireNonNull(k, "cell key");
            Objects.requireNonNull(v, () -> "value of cell " + k);
        });
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        readProblems = List.copyOf(readProblems);
    }

    /** The trimmed value of a column, {@code ""} if empty or if the column does not exist. */
    public String cell(String header) {
        return cells.getOrDefault(header, "");
    }
}
