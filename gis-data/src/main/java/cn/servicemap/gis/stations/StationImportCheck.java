package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.SourceRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every row of a station file (a dry run): maps the columns to fields by their Chinese or
 * English headers, checks each row with a {@link StationChecker}, and flags likely duplicates
 * (the same name within {@value #DUPLICATE_RADIUS_IN_METERS} m, compared as the checker's
 * {@link StationChecker#duplicateFinder(double)} does) of stored stations and of earlier rows. Streams the rows; holds only the good ones and the problems.
 */
public final class StationImportCheck {

    public static final double DUPLICATE_RADIUS_IN_METERS = 30;

    /** A station already stored, for duplicate detection. */
    public record StoredStation(long id, String name, double lon, double lat) {
    }

    private StationImportCheck() {
    }

    public static ImportReport check(RowSource rows, String fileName, CoordinateSystem crs, StationChecker checker,
                                     Iterable<StoredStation> stored) {
        List<RowProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<StationField, String> columns = mapColumns(rows.headers(), warnings);
        for (StationField f : StationField.values()) {
            if (f.required() && !columns.containsKey(f)) {
                problems.add(new RowProblem(1, null, null, ProblemCode.MISSING_COLUMN,
                        "缺少必需的列“" + f.headers().get(0) + "” (missing column " + f.apiName() + "; accepted headers: "
                                + String.join(", ", f.headers()) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportReport(fileName, rows.format(), crs, 0, List.of(), problems, warnings);
        }
        DuplicateFinder duplicates = checker.duplicateFinder(DUPLICATE_RADIUS_IN_METERS);
        for (StoredStation s : stored) {
            duplicates.add(s.name(), s.lon(), s.lat(), "已有站点 #" + s.id() + " (stored station " + s.id() + ")");
        }
        List<ImportedRow> good = new ArrayList<>();
        int total = 0;
        for (SourceRow row : rows) {
            total++;
            if (!row.readProblems().isEmpty()) {
                for (String p : row.readProblems()) {
                    problems.add(new RowProblem(row.rowNumber(), null, null, ProblemCode.UNREADABLE_ROW, p));
                }
                continue;
            }
            Map<StationField, String> values = new EnumMap<>(StationField.class);
            columns.forEach((field, header) -> values.put(field, row.cells().get(header)));
            StationChecker.Result result = checker.check(new StationInput(values), crs);
            if (!result.ok()) {
                for (FieldProblem p : result.problems()) {
                    problems.add(new RowProblem(row.rowNumber(), p.field() == null ? null : columns.get(p.field()),
                            p.value(), p.code(), p.reason()));
                }
                continue;
            }
            CheckedStation s = result.station();
            Optional<String> earlier = duplicates.find(s.name(), s.lon(), s.lat());
            if (earlier.isPresent()) {
                problems.add(new RowProblem(row.rowNumber(), columns.get(StationField.NAME), s.name(), ProblemCode.DUPLICATE,
                        "疑似重复：与" + earlier.get() + "同名且相距不到 " + (int) DUPLICATE_RADIUS_IN_METERS
                                + " 米 (likely duplicate: same name within " + (int) DUPLICATE_RADIUS_IN_METERS + " m)"));
                continue;
            }
            duplicates.add(s.name(), s.lon(), s.lat(), "第 " + row.rowNumber() + " 行 (row " + row.rowNumber() + ")");
            good.add(new ImportedRow(row.rowNumber(), s));
        }
        return new ImportReport(fileName, rows.format(), crs, total, good, problems, warnings);
    }

    private static Map<StationField, String> mapColumns(List<String> headers, List<String> warnings) {
        Map<StationField, String> columns = new LinkedHashMap<>();
        for (String header : headers) {
            Optional<StationField> field = StationField.forHeader(header);
            if (field.isEmpty()) {
                if (!header.isBlank()) {
                    warnings.add("忽略未识别的列“" + header + "” (column '" + header + "' ignored)");
                }
            } else if (columns.containsKey(field.get())) {
                warnings.add("列“" + header + "”与“" + columns.get(field.get()) + "”重复，仅使用后者 (duplicate column '"
                        + header + "' ignored)");
            } else {
                columns.put(field.get(), header);
            }
        }
        return columns;
    }
}
