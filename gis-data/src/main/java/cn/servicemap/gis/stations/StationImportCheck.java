package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.crs.NationalCrs;
import cn.servicemap.gis.osm.NamedPlaces.NamedPlace;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.SourceRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

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
     *
     * <p>{@code crs} null means the user declared none: then the file's own declaration (a GeoJSON {@code crs}) is taken,
     * else the system of the map service whose POI export the columns show ({@link PoiExport}: AMap and Tencent GCJ-02,
     * Baidu BD-09), and a warning says so; a file that tells neither is refused
     * ({@link ProblemCode#MISSING_COORDINATE_SYSTEM}). A declared system that differs from a POI export's gets a warning.
     * A one-column location ({@code location}, 经纬度, 坐标: "lng,lat") stands for the longitude and latitude columns.
     */
    public static ImportReport check(RowSource rows, String fileName, CoordinateSystem crs, NationalCrs grid, StationChecker checker,
                                     Iterable<StoredStation> stored) {
        Problems problems = new Problems();
        Warnings warnings = new Warnings();
        Optional<PoiExport.Detection> poi = PoiExport.detect(rows.headers());
        if (grid != null) {
            warnings.add("坐标按所选的 " + grid.name() + " 换算为 WGS84" + (grid.approximate() ? "（" + grid.datum().nameZh()
                    + "换算为近似，误差可达数米至数十米）" : "") + " (coordinates converted to WGS84 from " + grid.name() + ")");
            crs = CoordinateSystem.WGS84;
        }
        if (rows.convertedFrom().isPresent()) {
            // the reader converted a national grid (a Gauss–Krüger .prj …) to WGS84: that is what the rows hold now
            warnings.add("坐标已由文件声明的 " + rows.convertedFrom().get() + " 换算为 WGS84" + (crs == null || crs == CoordinateSystem.WGS84
                    || crs == CoordinateSystem.CGCS2000 ? "" : "，所选坐标系 " + crs.label() + " 未采用")
                    + " (coordinates converted to WGS84 from the file's " + rows.convertedFrom().get() + ")");
            crs = CoordinateSystem.WGS84;
        }
        if (crs == null && rows.declaredCoordinateSystem().isPresent()) {
            crs = rows.declaredCoordinateSystem().get();
            warnings.add("未选择坐标系，按文件声明的 " + crs.label() + " 读取 (no coordinate system chosen: read as the file declares, "
                    + crs + ")");
        }
        crs = coordinateSystem(crs, poi, warnings);
        Columns columns = mapColumns(rows.headers(), warnings, poi);
        for (StationField f : StationField.values()) {
            boolean inLocation = columns.location() != null && (f == StationField.LON || f == StationField.LAT);
            if (f.required() && !columns.fields().containsKey(f) && !inLocation) {
                problems.add(new RowProblem(1, null, null, ProblemCode.MISSING_COLUMN,
                        "缺少必需的列“" + f.headers().get(0) + "” (missing column " + f.apiName() + "; accepted headers: "
                                + String.join(", ", f.headers()) + (f == StationField.LON || f == StationField.LAT
                                ? "; or one column 'lng,lat': " + String.join(", ", LocationColumn.HEADERS.stream().sorted().toList()) : "")
                                + ")"));
            }
        }
        if (crs == null) {
            problems.add(new RowProblem(1, null, null, ProblemCode.MISSING_COORDINATE_SYSTEM,
                    "未选择坐标系，文件及其列名也看不出：请选择 WGS84、CGCS2000、GCJ-02（高德/腾讯）或 BD-09（百度） (no coordinate system "
                            + "declared, and neither the file nor its columns tell: choose WGS84, CGCS2000, GCJ02 (AMap/Tencent) or "
                            + "BD09 (Baidu))"));
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
            columns.fields().forEach((field, header) -> values.put(field, row.cells().get(header)));
            if (poi.isPresent()) {
                // the services answer an absent value as an empty list, and JSON-to-table tools write it as "[]"
                values.replaceAll((field, value) -> "[]".equals(value) ? "" : value);
            }
            RowProblem badLocation = columns.location() == null ? null : split(row, columns.location(), values);
            if (grid != null) {
                toWgs84(values, grid);
            }
            StationChecker.Result result = checker.check(new StationInput(values), crs);
            if (badLocation != null || !result.ok()) {
                badRows++;
                if (badLocation != null) {
                    problems.add(badLocation);
                }
                for (FieldProblem p : result.problems()) {
                    boolean coordinate = p.field() == StationField.LON || p.field() == StationField.LAT;
                    if (badLocation == null || !coordinate) {
                        problems.add(new RowProblem(row.rowNumber(), columns.column(p.field()), p.value(), p.code(), p.reason()));
                    }
                }
                continue;
            }
            CheckedStation s = result.station();
            Optional<String> earlier = duplicates.find(s.name(), s.lon(), s.lat());
            if (earlier.isPresent()) {
                badRows++;
                problems.add(new RowProblem(row.rowNumber(), columns.column(StationField.NAME), s.name(), ProblemCode.DUPLICATE,
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
     * The report with a warning when its good rows, read as WGS84 (or CGCS2000) as declared, sit as a whole where GCJ-02
     * or BD-09 coordinates would put them, compared by name with the region's places ({@link SystematicOffset}): the
     * file is likely an AMap/Tencent (or Baidu) export declared WGS84. Reports in another system, and files whose names
     * match too few places, are returned as they are.
     *
     * @param references named places of the region the file is imported into, in WGS84 (e.g. from its OSM extract)
     */
    public static ImportReport withOffsetCheck(ImportReport report, Collection<NamedPlace> references) {
        return withOffsetCheck(report, references, List.of());
    }

    /**
     * As above; when the names decide nothing (too few match), the points are tested against the region's building
     * outlines instead ({@link FootprintAlignment}; none given: no test).
     *
     * @param footprints building outlines of the region in WGS84 (e.g. from its OSM extract)
     */
    public static ImportReport withOffsetCheck(ImportReport report, Collection<NamedPlace> references,
                                               Collection<? extends Geometry> footprints) {
        CoordinateSystem crs = report.coordinateSystem();
        if (crs != CoordinateSystem.WGS84 && crs != CoordinateSystem.CGCS2000 || report.goodRows().isEmpty()) {
            return report;
        }
        SystematicOffset.Result byName = SystematicOffset.estimate(report.goodRows().stream()
                .map(r -> new NamedPlace(r.station().name(), r.station().lon(), r.station().lat())).toList(), references);
        if (byName.verdict() == SystematicOffset.Verdict.GCJ02 || byName.verdict() == SystematicOffset.Verdict.BD09) {
            CoordinateSystem likely = byName.likelySystem();
            long east = Math.round(byName.eastInMeters());
            long north = Math.round(byName.northInMeters());
            String towardsZh = (east >= 0 ? "东" : "西") + " " + Math.abs(east) + " 米、偏" + (north >= 0 ? "北" : "南") + " " + Math.abs(north) + " 米";
            String towardsEn = Math.abs(east) + " m " + (east >= 0 ? "east" : "west") + ", " + Math.abs(north) + " m " + (north >= 0 ? "north" : "south");
            return report.withWarning(offsetWarning(crs, likely, byName.matches() + " 个与本区域 OSM 地点同名的站点整体偏移约 "
                    + Math.round(byName.offsetInMeters()) + " 米（偏" + towardsZh + "），其中 " + byName.agreeing() + " 个与此处 "
                    + likely.label() + " 的偏移一致", byName.matches() + " points that share a name with an OSM place of the region sit about "
                    + Math.round(byName.offsetInMeters()) + " m off it (" + towardsEn + "), " + byName.agreeing() + " of them as " + likely
                    + " coordinates would here"));
        }
        if (byName.verdict() == SystematicOffset.Verdict.AS_DECLARED || footprints.isEmpty()) {
            return report;
        }
        FootprintAlignment.Result inside = FootprintAlignment.estimate(report.goodRows().stream()
                .map(r -> new LonLat(r.station().lon(), r.station().lat())).toList(), footprints);
        if (inside.verdict() != SystematicOffset.Verdict.GCJ02 && inside.verdict() != SystematicOffset.Verdict.BD09) {
            return report;
        }
        CoordinateSystem likely = inside.verdict() == SystematicOffset.Verdict.GCJ02 ? CoordinateSystem.GCJ02 : CoordinateSystem.BD09;
        int converted = likely == CoordinateSystem.GCJ02 ? inside.insideAsGcj() : inside.insideAsBd();
        return report.withWarning(offsetWarning(crs, likely, "站点名称与 OSM 地点对不上，但按 " + crs.label() + " 读时 " + inside.points() + " 个站点中只有 "
                + inside.insideAsDeclared() + " 个落在 OSM 建筑轮廓内，按 " + likely.label() + " 换算后有 " + converted + " 个",
                "the names match no OSM place, but read as " + crs + " only " + inside.insideAsDeclared() + " of " + inside.points()
                        + " points lie in an OSM building outline, and " + converted + " once converted from " + likely));
    }

    private static String offsetWarning(CoordinateSystem declared, CoordinateSystem likely, String evidenceZh, String evidenceEn) {
        return "坐标疑似为 " + likely.label() + " 而非所选的 " + declared.label() + "：" + evidenceZh + "；若文件来自高德、腾讯或百度，请改选 "
                + likely.label() + " 重新导入 (the coordinates look like " + likely + ", not the declared " + declared + ": " + evidenceEn
                + "; if the file comes from AMap, Tencent or Baidu, import it again declaring " + likely + ")";
    }

    /**
     * The system to read the file in: the declared one, else the POI export's, with a warning when the columns show an
     * export and the user declared none, or declared another system than the service's.
     */
    private static CoordinateSystem coordinateSystem(CoordinateSystem declared, Optional<PoiExport.Detection> poi, Warnings warnings) {
        if (poi.isEmpty()) {
            return declared;
        }
        PoiExport source = poi.get().source();
        List<String> telling = poi.get().columns();
        String evidence = quote(String.join("、", telling.subList(0, Math.min(4, telling.size()))) + (telling.size() > 4 ? "…" : ""));
        String evidenceEn = quote(String.join(", ", telling.subList(0, Math.min(4, telling.size()))) + (telling.size() > 4 ? "…" : ""));
        CoordinateSystem system = source.system();
        if (declared == null) {
            warnings.add("未选择坐标系：列“" + evidence + "”表明这是" + source.nameZh() + "导出的地点，坐标按 " + system.label()
                    + " 换算为 WGS84 (no coordinate system declared: the columns " + evidenceEn + " show a " + source.nameEn()
                    + " export, so its coordinates are read as " + system + " and converted to WGS84)");
            return system;
        }
        CoordinateSystem datum = declared == CoordinateSystem.CGCS2000 ? CoordinateSystem.WGS84 : declared;
        if (datum != system) {
            warnings.add("所选坐标系 " + declared.label() + " 与列名不符：列“" + evidence + "”表明这是" + source.nameZh() + "导出的地点，其坐标为 "
                    + system.label() + "；若文件是原样导出的，请改选 " + system.label() + " 重新导入，否则位置会偏差数百米 (" + declared
                    + " was declared, but the columns " + evidenceEn + " show a " + source.nameEn() + " export, whose coordinates are "
                    + system + ": if the file is the export as it came, import it again declaring " + system
                    + ", or every point will be some hundred metres off)");
        }
        return declared;
    }

    /**
     * Puts a row's one-column location into its longitude and latitude; the problem when the cell is not "lng,lat" (a
     * blank cell is left to the checker, which names the missing coordinates).
     */
    private static RowProblem split(SourceRow row, String column, Map<StationField, String> values) {
        String cell = row.cell(column);
        if (cell.isBlank()) {
            return new RowProblem(row.rowNumber(), column, null, ProblemCode.MISSING_VALUE,
                    "缺少坐标 (the location is required)");
        }
        Optional<LocationColumn.Parts> parts = LocationColumn.split(cell);
        if (parts.isEmpty()) {
            return new RowProblem(row.rowNumber(), column, cell, ProblemCode.BAD_LOCATION,
                    "“" + quote(cell) + "”不是“经度,纬度”形式的坐标，应为两个数，如 118.784,32.041 (the location must be two numbers, "
                            + "'longitude,latitude', e.g. 118.784,32.041)");
        }
        values.put(StationField.LON, parts.get().lon());
        values.put(StationField.LAT, parts.get().lat());
        return null;
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

    /**
     * Where a file's fields are: a column per field, and the one-column location if the file has one instead of separate
     * longitude and latitude columns.
     */
    private record Columns(Map<StationField, String> fields, String location) {

        /** The column a field's problem is reported in: the location column for longitude and latitude when it holds them. */
        String column(StationField field) {
            if (field == null) {
                return null;
            }
            if (location != null && (field == StationField.LON || field == StationField.LAT)) {
                return location;
            }
            return fields.get(field);
        }
    }

    private static Columns mapColumns(List<String> headers, Warnings warnings, Optional<PoiExport.Detection> poi) {
        Map<StationField, String> columns = new LinkedHashMap<>();
        String location = null;
        List<String> categories = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        for (String header : headers) {
            Optional<StationField> field = StationField.forHeader(header);
            if (poi.isPresent() && PoiExport.isCategoryColumn(header)) {
                categories.add(header); // the service's category of the place, not a station kind
            } else if (LocationColumn.isHeader(header)) {
                if (location == null) {
                    location = header;
                } else {
                    warnings.add("列“" + quote(header) + "”与“" + quote(location) + "”重复，仅使用后者 (duplicate column '"
                            + quote(header) + "' ignored)");
                }
            } else if (field.isEmpty()) {
                if (poi.isPresent() && PoiExport.isUnusedColumn(header)) {
                    unused.add(header);
                } else if (!header.isBlank()) {
                    warnings.add("忽略未识别的列“" + quote(header) + "” (column '" + quote(header) + "' ignored)");
                }
            } else if (columns.containsKey(field.get())) {
                warnings.add("列“" + quote(header) + "”与“" + quote(columns.get(field.get())) + "”重复，仅使用后者 (duplicate column '"
                        + quote(header) + "' ignored)");
            } else {
                columns.put(field.get(), header);
            }
        }
        if (location != null) {
            if (columns.containsKey(StationField.LON) && columns.containsKey(StationField.LAT)) {
                warnings.add("已有经度和纬度列，忽略列“" + quote(location) + "” (column '" + quote(location)
                        + "' ignored: the file has longitude and latitude columns)");
                location = null;
            } else {
                for (StationField f : List.of(StationField.LON, StationField.LAT)) {
                    String lone = columns.remove(f);
                    if (lone != null) {
                        warnings.add("坐标取自列“" + quote(location) + "”，忽略列“" + quote(lone) + "” (coordinates taken from column '"
                                + quote(location) + "'; column '" + quote(lone) + "' ignored)");
                    }
                }
            }
        }
        if (!categories.isEmpty()) {
            String source = poi.get().source().nameZh();
            warnings.add("列“" + quote(String.join("、", categories)) + "”是" + source + "的地点分类，不作站点类型" + (columns.containsKey(StationField.KIND)
                    ? "" : "；请加一列“站点类型”填写本系统的站点类型") + " (column(s) " + quote(String.join(", ", categories)) + " hold "
                    + poi.get().source().nameEn() + "'s place category, not a station kind" + (columns.containsKey(StationField.KIND)
                    ? ")" : ": add a column 站点类型 (kind) with the station kind)"));
        }
        if (!unused.isEmpty()) {
            warnings.add(poi.get().source().nameZh() + "导出的列“" + quote(String.join("、", unused)) + "”不导入 (columns of the "
                    + poi.get().source().nameEn() + " export not imported: " + quote(String.join(", ", unused)) + ")");
        }
        return new Columns(columns, location);
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
