package cn.servicemap.gis.districts;

import cn.servicemap.gis.table.ReadLimitException;
import cn.servicemap.gis.table.ReadLimits;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import cn.servicemap.gis.table.SourceRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Census population by adcode, read from a CSV with columns CODE, NAME, POPU and optionally
 * POPU_URB (the 2020 census county table in ../shared/data/census2020-county, UTF-8 with BOM).
 * Read by the CSV reader of station uploads ({@link RowSources#openCsv}): comma-, tab- or semicolon-separated,
 * quotes allowed, within {@link ReadLimits} (rows, columns, cell length), but every row must have as many cells
 * as the header. Rows without a population figure (the table lists 金门县 with empty cells) are not records but
 * are listed in {@code withoutFigures}.
 *
 * @param records        by adcode, in file order
 * @param withoutFigures "line N: adcode name" for each row with an empty population
 */
public record CensusTable(Map<String, CensusRecord> records, List<String> withoutFigures) {

    public CensusTable {
        records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
        withoutFigures = List.copyOf(withoutFigures);
    }

    /** Reads with the {@link ReadLimits#DEFAULTS default limits}; see {@link #read(InputStream, ReadLimits)}. */
    public static CensusTable read(InputStream csv) throws IOException {
        return read(csv, ReadLimits.DEFAULTS);
    }

    /**
     * Reads the table and closes the stream.
     *
     * @throws ReadLimitException       (an IOException) when the file has more than {@link ReadLimits#maxRows()} rows,
     *                                  more than {@link ReadLimits#maxColumns()} columns or a cell longer than
     *                                  {@link ReadLimits#maxCellChars()}; the message names the limit, for the user
     * @throws IllegalArgumentException naming the line when a row is malformed (cells missing or too many, a quote not
     *                                  closed, bytes that are not UTF-8) or a population is not a non-negative number,
     *                                  and when a column is missing
     * @throws IOException              when the file is empty, its header blank or has two columns of one name, or the
     *                                  stream cannot be read
     */
    public static CensusTable read(InputStream csv, ReadLimits limits) throws IOException {
        try (RowSource rows = RowSources.openCsv(csv, limits)) {
            List<String> columns = rows.headers();
            require(columns, "CODE");
            require(columns, "NAME");
            require(columns, "POPU");
            boolean urban = columns.contains("POPU_URB");
            Map<String, CensusRecord> records = new LinkedHashMap<>();
            List<String> withoutFigures = new java.util.ArrayList<>();
            for (SourceRow row : rows) {
                int lineNumber = row.rowNumber();
                if (!row.readProblems().isEmpty()) {
                    throw new IllegalArgumentException("人口普查文件第 " + lineNumber + " 行有误 (census line " + lineNumber + ": "
                            + String.join("; ", row.readProblems()) + ")");
                }
                String adcode = row.cell("CODE");
                if (row.cell("POPU").isEmpty()) {
                    withoutFigures.add("line " + lineNumber + ": " + adcode + " " + row.cell("NAME"));
                    continue;
                }
                long population = Math.round(number(row.cell("POPU"), "POPU", lineNumber, adcode));
                Double urbanShare = urban && !row.cell("POPU_URB").isEmpty()
                        ? number(row.cell("POPU_URB"), "POPU_URB", lineNumber, adcode) : null;
                records.put(adcode, new CensusRecord(adcode, row.cell("NAME"), population, urbanShare));
            }
            return new CensusTable(records, withoutFigures);
        } catch (UncheckedIOException e) { // the rows are iterated: the row limit, a long cell, the stream
            throw e.getCause();
        }
    }

    /** The cell as a number; else a message that quotes the cell (shortened), never the parser's own words. */
    private static double number(String cell, String column, int lineNumber, String adcode) {
        String text = cell.trim();
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below, with the cell as the user wrote it
        }
        String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
        throw new IllegalArgumentException("第 " + lineNumber + " 行（" + adcode + "）" + column + " 不是非负数：“" + shown
                + "” (census line " + lineNumber + " (" + adcode + "): " + column + " is not a non-negative number)");
    }

    private static void require(List<String> columns, String name) {
        if (!columns.contains(name)) {
            throw new IllegalArgumentException("census file has no column " + name + " (columns: " + columns + ")");
        }
    }
}
