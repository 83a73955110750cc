package cn.servicemap.gis.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny reader for the seed CSV files: UTF-8 (BOM skipped), a header row, comma-separated fields
 * that may be double-quoted ({@code ""} is a quote; quoted fields may hold commas and line breaks),
 * blank lines skipped. Not a general CSV library.
 */
public final class SeedCsv {

    /** One data row: the 1-based line it starts on and its fields by header name. */
    public record Row(String file, int line, Map<String, String> fields) {

        public String get(String column) {
            return fields.get(column).trim();
        }

        public String require(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw fail("column " + column + " is empty");
            }
            return value;
        }

        public int integer(String column) {
            String value = require(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw fail("column " + column + " is not an integer: '" + value + "'");
            }
        }

        public boolean bool(String column) {
            String value = require(column);
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw fail("column " + column + " must be true or false: '" + value + "'");
        }

        /** Splits a {@code |}-separated list, dropping blanks. */
        public List<String> list(String column) {
            return Arrays.stream(get(column).split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        public IllegalArgumentException fail(String reason) {
            return new IllegalArgumentException(file + " line " + line + ": " + reason);
        }
    }

    private SeedCsv() {
    }

    /**
     * Reads all rows; the stream is read to its end but not closed.
     *
     * @throws IllegalArgumentException if a required column is missing, a row has the wrong number of
     *                                  fields, or a quote is not closed
     */
    public static List<Row> read(InputStream in, String file, List<String> requiredColumns) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(text, file, records, lines);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty, a header row is required");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + ": header lacks column '" + column + "', found " + header);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException(file + " line " + lines.get(r) + ": expected " + header.size()
                        + " fields, found " + fields.size());
            }
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c), fields.get(c));
            }
            rows.add(new Row(file, lines.get(r), byName));
        }
        return rows;
    }

    private static void parse(String text, String file, List<List<String>> records, List<Integer> lines) {
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < text.length()) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            while (i < text.length() && !endOfRecord) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException(file + " line " + recordLine + ": unterminated quoted field");
            }
            fields.add(field.toString());
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            records.add(fields);
            lines.add(recordLine);
        }
    }
}
