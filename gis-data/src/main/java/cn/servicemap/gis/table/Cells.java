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
     * @throws IOException if two columns have the same name
     */
    static List<String> headerNames(List<String> raw) throws IOException {
        int last = raw.size() - 1;
        while (last >= 0 && (raw.get(last) == null || raw.get(last).isBlank())) {
            last--;
        }
        List<String> names = new ArrayList<>(last + 1);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i <= last; i++) {
            String name = raw.get(i) == null ? "" : raw.get(i).strip();
            if (name.isEmpty()) {
                name = "column " + (i + 1);
            }
            Integer earlier = seen.putIfAbsent(name, i + 1);
            if (earlier != null) {
                throw new IOException("the header has two columns named '" + name + "' (columns " + earlier
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
                problems.add("more cells than the " + headers.size() + " header columns: column " + (i + 1)
                        + " holds '" + abbreviate(v.strip()) + "'");
                break;
            }
        }
        return cells;
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
