package cn.servicemap.gis.table;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the readers: header names, row assembly, number text. */
final class Cells {

    static final String LON = "lon";
    static final String LAT = "lat";

    private Cells() {
    }

    /**
     * Cleans a header row: trims names, drops blank names at the end, names a blank header in the
     * middle "column N" (1-based), and rejects duplicate names.
     *
     * @throws ReadLimitException if more than {@link ReadLimits#maxColumns()} columns remain or a name is
     *                            longer than {@link ReadLimits#maxCellChars()}
     * @throws IOException        if two columns have the same name
     */
    static List<String> headerNames(List<String> raw, ReadLimits limits) throws IOException {
        int last = raw.size() - 1;
        while (last >= 0 && (raw.get(last) == null || raw.get(last).isBlank())) {
            last--;
        }
        if (last + 1 > limits.maxColumns()) {
            throw limits.tooManyColumns();
        }
        List<String> names = new ArrayList<>(last + 1);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i <= last; i++) {
            String name = raw.get(i) == null ? "" : raw.get(i).strip();
            if (name.length() > limits.maxCellChars()) {
                throw limits.cellTooLong("表头第 " + (i + 1) + " 列的列名", "the name of column " + (i + 1));
            }
            if (name.isEmpty()) {
                name = "column " + (i + 1);
            }
            Integer earlier = seen.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new IOException("the header has two columns named '" + abbreviate(name) + "' (columns " + earlier
                        + " and " + (i + 1) + "): rename one of them");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /**
     * Builds a row's cells: values trimmed, missing ones {@code ""}. Non-blank values beyond the header
     * are reported in {@code problems}; blank ones (padding) are ignored.
     */
    static Map<String, String> assemble(List<String> headers, List<String> values, List<String> problems) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String v = i < values.size() ? values.get(i) : null;
            cells.put(headers.get(i), v == null ? "" : v.strip());
        }
        for (int i = headers.size(); i < values.size(); i++) {
            String v = values.get(i);
            if (v != null && !v.isBlank()) {
                problems.add(extraCell(headers.size(), i + 1, v));
                break;
            }
        }
        return cells;
    }

    /** The read problem of a row with a non-blank cell right of the header. */
    static String extraCell(int headerColumns, int column, String value) {
        return "more cells than the " + headerColumns + " header columns: column " + column
                + " holds '" + abbreviate(value.strip()) + "'";
    }

    /** A number as plain decimal text without exponent or trailing zeros: 12, 118.7654321, 0.00001. */
    static String decimal(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** The shortest decimal text that reads back as the same double, without exponent. */
    static String decimal(double value) {
        return decimal(BigDecimal.valueOf(value));
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Headers of a feature file: the attribute names, then lon and lat unless already present. */
    static List<String> withLonLat(List<String> attributeNames) {
        List<String> headers = new ArrayList<>(attributeNames);
        if (!headers.contains(LON)) {
            headers.add(LON);
        }
        if (!headers.contains(LAT)) {
            headers.add(LAT);
        }
        return List.copyOf(headers);
    }
}
