package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.crs.NationalCrs;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.SourceRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every row of a station file (a dry run): maps the columns to fields by their Chinese or
 * English headers, checks each row with a {@link StationChecker}, and flags likely duplicates
 * (the same name within {@value #DUPLICATE_RADIUS_IN_METERS} m, compared as the checker's
 * {@link StationChecker#duplicateFinder(double)} does) of stored stations and of earlier rows. Streams the rows; holds only the good ones and the problems.
 *
 * <p>The report stays small whatever the file: it lists the first {@value #MAX_LISTED_PROBLEMS} problems
 * and the first {@value #MAX_LISTED_WARNINGS} warnings and counts the rest; values and column names in it
 * are cut to {@value #MAX_QUOTED_CHARS} characters. (How large a file may be is bounded by
 * {@link cn.servicemap.gis.table.ReadLimits} when it is opened.)
 */
public final class StationImportCheck {

    public static final double DUPLICATE_RADIUS_IN_METERS = 30;

    /**
     * Problems listed in a report; the others are only counted. A file of 500,000 rows with an error in
     * each would otherwise answer with a hundred megabytes; a thousand is more than anyone reads, and the
     * user fixes the first ones and checks again.
     */
    public static final int MAX_LISTED_PROBLEMS = 1000;

    /** Warnings listed in a report (one per ignored column, so at most as many as the file has columns); then one line says how many more. */
    public static final int MAX_LISTED_WARNINGS = 100;

    /** Characters of a cell value or column name quoted in a problem or warning. */
    public static final int MAX_QUOTED_CHARS = 100;

    /** Characters of a problem's reason; the readers and the checker quote values short, this is the safety net. */
    private static final int MAX_REASON_CHARS = 500;

    /** A station already stored, for duplicate detection. */
    public record StoredStation(long id, String name, double lon, double lat) {
    }

    private StationImportCheck() {
    }

    public static ImportReport check(RowSource rows, String fileName, CoordinateSystem crs, StationChecker checker,
                                     Iterable<StoredStation> stored) {
        return check(rows, fileName, crs, null, checker, stored);
    }

    /**
     * As above, for a file whose coordinate columns are in a national grid the caller declared ({@code grid}, e.g.
     * EPSG:4549; null for none): each row's two numbers — easting and northing in either order, Chinese surveying's X
     * being the northing ({@link NationalCrs#firstIsEasting}) — are converted to WGS84 before the checks.
     */
    public static ImportReport check(RowSource rows, String fileName, CoordinateSystem crs, NationalCrs grid, StationChecker checker,
                                     Iterable<StoredStation> stored) {
        Problems problems = new Problems();
        Warnings warnings = new Warnings();
        if (grid != null) {
            warnings.add("坐标按所选的 " + grid.name() + " 换算为 WGS84" + (grid.approximate() ? "（" + grid.datum().nameZh()
                    + "换算为近似，误差可达数米至数十米）" : "") + " (coordinates converted to WGS84 from " + grid.name() + ")");
            crs = CoordinateSystem.WGS84;
        }
        if (rows.convertedFrom().isPresent()) {
            // the reader converted a national grid (a Gauss–Krüger .prj …) to WGS84: that is what the rows hold now
            warnings.add("坐标已由文件声明的 " + rows.convertedFrom().get() + " 换算为 WGS84" + (crs == CoordinateSystem.WGS84
                    || crs == CoordinateSystem.CGCS2000 ? "" : "，所选坐标系 " + crs.label() + " 未采用")
                    + " (coordinates converted to WGS84 from the file's " + rows.convertedFrom().get() + ")");
            crs = CoordinateSystem.WGS84;
        }
        Map<StationField, String> columns = mapColumns(rows.headers(), warnings);
        for (StationField f : StationField.values()) {
            if (f.required() && !columns.containsKey(f)) {
                problems.add(new RowProblem(1, null, null, ProblemCode.MISSING_COLUMN,
                        "缺少必需的列“" + f.headers().get(0) + "” (missing column " + f.apiName() + "; accepted headers: "
                                + String.join(", ", f.headers()) + ")"));
            }
        }
        if (problems.count() > 0) {
            return problems.report(fileName, rows.format(), crs, 0, List.of(), 1, warnings);
        }
        DuplicateFinder duplicates = checker.duplicateFinder(DUPLICATE_RADIUS_IN_METERS);
        for (StoredStation s : stored) {
            duplicates.add(s.name(), s.lon(), s.lat(), "已有站点 #" + s.id() + " (stored station " + s.id() + ")");
        }
        List<ImportedRow> good = new ArrayList<>();
        int total = 0;
        int badRows = 0;
        for (SourceRow row : rows) {
            total++;
            if (!row.readProblems().isEmpty()) {
                badRows++;
                for (String p : row.readProblems()) {
                    problems.add(new RowProblem(row.rowNumber(), null, null, ProblemCode.UNREADABLE_ROW, p));
                }
                continue;
            }
            Map<StationField, String> values = new EnumMap<>(StationField.class);
            columns.forEach((field, header) -> values.put(field, row.cells().get(header)));
            if (grid != null) {
                toWgs84(values, grid);
            }
            StationChecker.Result result = checker.check(new StationInput(values), crs);
            if (!result.ok()) {
                badRows++;
                for (FieldProblem p : result.problems()) {
                    problems.add(new RowProblem(row.rowNumber(), p.field() == null ? null : columns.get(p.field()),
                            p.value(), p.code(), p.reason()));
                }
                continue;
            }
            CheckedStation s = result.station();
            Optional<String> earlier = duplicates.find(s.name(), s.lon(), s.lat());
            if (earlier.isPresent()) {
                badRows++;
                problems.add(new RowProblem(row.rowNumber(), columns.get(StationField.NAME), s.name(), ProblemCode.DUPLICATE,
                        "疑似重复：与" + earlier.get() + "同名且相距不到 " + (int) DUPLICATE_RADIUS_IN_METERS
                                + " 米 (likely duplicate: same name within " + (int) DUPLICATE_RADIUS_IN_METERS + " m)"));
                continue;
            }
            duplicates.add(s.name(), s.lon(), s.lat(), "第 " + row.rowNumber() + " 行 (row " + row.rowNumber() + ")");
            good.add(new ImportedRow(row.rowNumber(), s));
        }
        return problems.report(fileName, rows.format(), crs, total, good, badRows, warnings);
    }

    /**
     * A row's grid coordinates as WGS84 longitude and latitude, in place; values that are not two decimal numbers are
     * left for the checker to name.
     */
    private static void toWgs84(Map<StationField, String> values, NationalCrs grid) {
        try {
            double a = Double.parseDouble(values.getOrDefault(StationField.LON, "").strip());
            double b = Double.parseDouble(values.getOrDefault(StationField.LAT, "").strip());
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return;
            }
            boolean aEasting = NationalCrs.firstIsEasting(a, b);
            LonLat wgs84 = grid.toWgs84(aEasting ? a : b, aEasting ? b : a);
            if (Double.isFinite(wgs84.lon()) && Double.isFinite(wgs84.lat())) {
                values.put(StationField.LON, java.math.BigDecimal.valueOf(wgs84.lon()).setScale(8, java.math.RoundingMode.HALF_UP).toPlainString());
                values.put(StationField.LAT, java.math.BigDecimal.valueOf(wgs84.lat()).setScale(8, java.math.RoundingMode.HALF_UP).toPlainString());
            }
        } catch (NumberFormatException | IllegalStateException e) {
            // not numbers, or nowhere on the grid: the checker reports the original values
        }
    }

    private static Map<StationField, String> mapColumns(List<String> headers, Warnings warnings) {
        Map<StationField, String> columns = new LinkedHashMap<>();
        for (String header : headers) {
            Optional<StationField> field = StationField.forHeader(header);
            if (field.isEmpty()) {
                if (!header.isBlank()) {
                    warnings.add("忽略未识别的列“" + quote(header) + "” (column '" + quote(header) + "' ignored)");
                }
            } else if (columns.containsKey(field.get())) {
                warnings.add("列“" + quote(header) + "”与“" + quote(columns.get(field.get())) + "”重复，仅使用后者 (duplicate column '"
                        + quote(header) + "' ignored)");
            } else {
                columns.put(field.get(), header);
            }
        }
        return columns;
    }

    /** A value or name as quoted in a report: at most {@value #MAX_QUOTED_CHARS} characters. */
    static String quote(String text) {
        return text == null || text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS - 1) + "…";
    }

    /** The problems of a check: the first {@value #MAX_LISTED_PROBLEMS} kept, the others counted. */
    private static final class Problems {
        private final List<RowProblem> listed = new ArrayList<>();
        private int unlisted;

        void add(RowProblem p) {
            if (listed.size() < MAX_LISTED_PROBLEMS) {
                String reason = p.reason().length() <= MAX_REASON_CHARS ? p.reason()
                        : p.reason().substring(0, MAX_REASON_CHARS - 1) + "…";
                listed.add(new RowProblem(p.rowNumber(), quote(p.column()), quote(p.value()), p.code(), reason));
            } else {
                unlisted++;
            }
        }

        int count() {
            return listed.size() + unlisted;
        }

        ImportReport report(String fileName, String format, CoordinateSystem crs, int total, List<ImportedRow> good,
                            int badRows, Warnings warnings) {
            List<String> lines = warnings.lines();
            if (unlisted > 0) {
                lines.add("只列出前 " + MAX_LISTED_PROBLEMS + " 个问题，另有 " + unlisted + " 个未列出 (only the first "
                        + String.format(Locale.ROOT, "%,d", MAX_LISTED_PROBLEMS) + " problems are listed; "
                        + String.format(Locale.ROOT, "%,d", unlisted) + " more are not)");
            }
            return new ImportReport(fileName, format, crs, total, good, listed, unlisted, badRows, lines);
        }
    }

    /** The warnings of a check: the first {@value #MAX_LISTED_WARNINGS} kept, then one line with the count of the rest. */
    private static final class Warnings {
        private final List<String> listed = new ArrayList<>();
        private int unlisted;

        void add(String warning) {
            if (listed.size() < MAX_LISTED_WARNINGS) {
                listed.add(warning);
            } else {
                unlisted++;
            }
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>(listed);
            if (unlisted > 0) {
                lines.add("另有 " + unlisted + " 条警告未列出 (" + unlisted + " more warnings not listed)");
            }
            return lines;
        }
    }
}
