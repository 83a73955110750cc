package cn.servicemap.gis.districts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Census population by adcode, read from a CSV with columns CODE, NAME, POPU and optionally
 * POPU_URB (the 2020 census county table in ../shared/data/census2020-county, UTF-8 with BOM).
 * Plain comma-separated values without quoting, as that file is. Rows without a population figure
 * (the table lists 金门县 with empty cells) are not records but are listed in {@code withoutFigures}.
 *
 * @param records        by adcode, in file order
 * @param withoutFigures "line N: adcode name" for each row with an empty population
 */
public record CensusTable(Map<String, CensusRecord> records, List<String> withoutFigures) {

    public CensusTable {
        records = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(records));
        withoutFigures = List.copyOf(withoutFigures);
    }

    /** @throws IllegalArgumentException naming the line when a row is malformed or a column is missing */
    public static CensusTable read(InputStream csv) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException("census file is empty");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> columns = Arrays.stream(header.split(",", -1)).map(String::trim).toList();
        int code = require(columns, "CODE");
        int name = require(columns, "NAME");
        int popu = require(columns, "POPU");
        int urban = columns.indexOf("POPU_URB");
        Map<String, CensusRecord> records = new LinkedHashMap<>();
        List<String> withoutFigures = new java.util.ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < columns.size()) {
                throw new IllegalArgumentException("census line " + lineNumber + ": expected " + columns.size()
                        + " columns, found " + cells.length);
            }
            String adcode = cells[code].trim();
            if (cells[popu].isBlank()) {
                withoutFigures.add("line " + lineNumber + ": " + adcode + " " + cells[name].trim());
                continue;
            }
            long population = Math.round(number(cells[popu], "POPU", lineNumber, adcode));
            Double urbanShare = urban >= 0 && !cells[urban].isBlank() ? number(cells[urban], "POPU_URB", lineNumber, adcode) : null;
            records.put(adcode, new CensusRecord(adcode, cells[name].trim(), population, urbanShare));
        }
        return new CensusTable(records, withoutFigures);
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

    private static int require(List<String> columns, String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("census file has no column " + name + " (columns: " + columns + ")");
        }
        return i;
    }
}
