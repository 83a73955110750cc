package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.table.ReadLimitException;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.SourceRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A demand surface from points a planner uploads — workers' homes, order pick-ups, counts from a survey — each with a
 * weight: every point's weight is added to the cell that holds it.
 *
 * <p><b>Reading.</b> A {@link RowSource} of any format the project reads (CSV/TXT, XLSX, GeoJSON, zipped Shapefile,
 * under its {@link cn.servicemap.gis.table.ReadLimits}). Columns: longitude and latitude by the headers station files use
 * (经度/lon/lng/longitude/x, 纬度/lat/latitude/y; a GeoJSON's point geometry gives them), decimal degrees; a weight column
 * headed {@value #WEIGHT_HEADERS_TEXT} (else every point weighs 1). The coordinate system is the one declared, from the
 * caller or the file (a GeoJSON {@code crs}, a Shapefile's .prj); GCJ-02 and BD-09 are converted to WGS84
 * ({@link ChinaCoordinates}), WGS84 and CGCS2000 are taken as they are. Each point is then put in its cell
 * ({@link CellLocator}).
 *
 * <p><b>Refused as a whole</b> ({@link DemandFileException}, messages in Chinese and English): no longitude or latitude
 * column; no coordinate system declared, or the caller's and the file's disagree; no data rows; any row the reader
 * could not read, with a coordinate or weight that is not a decimal number, not finite (NaN, Infinity), out of range
 * (|lon| &gt; 180, |lat| &gt; 90; a latitude beyond 90 with a longitude that would be one is reported as swapped) or a
 * negative weight. A file beyond the read limits (too many rows, columns, …) is refused with the reader's
 * {@link ReadLimitException}. A demand surface missing some rows would misstate every share computed from it, so no
 * row is skipped.
 *
 * <p><b>Outside.</b> A valid point that lies in no cell (outside the study area, or another city) is not an error: it
 * is counted, with its weight and the first {@value #MAX_LISTED_ROWS} row numbers, in the {@link Result} and in the
 * method sentence — never dropped silently.
 */
public final class PointDemand {

    /** Row numbers of points outside every cell kept in the result. */
    public static final int MAX_LISTED_ROWS = 100;

    static final List<String> WEIGHT_HEADERS = List.of("权重", "需求", "数量", "人数", "weight", "demand", "count", "value");
    static final String WEIGHT_HEADERS_TEXT = "权重/需求/数量/人数/weight/demand/count/value";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity|∞)", Pattern.CASE_INSENSITIVE);

    /**
     * What the points made.
     *
     * @param surface       the demand surface on the given cells
     * @param points        valid points read (every data row)
     * @param pointsInside  points in a cell
     * @param weightInside  their weight: the surface's total
     * @param pointsOutside points in no cell
     * @param weightOutside their weight, not counted in the surface
     * @param rowsOutside   the row numbers of the first {@value #MAX_LISTED_ROWS} points outside
     */
    public record Result(PopulationSurface surface, int points, int pointsInside, double weightInside, int pointsOutside,
                         double weightOutside, List<Integer> rowsOutside) {

        public Result {
            rowsOutside = List.copyOf(rowsOutside);
        }
    }

    private PointDemand() {
    }

    /**
     * Reads the points and builds the surface; see the class comment.
     *
     * @param cells     the surface whose cells the demand is put on (usually the residents')
     * @param rows      the opened file; read to the end, not closed
     * @param crs       the coordinate system the user declared, or null to take the one the file declares
     * @param unitZh    what a weight counts, e.g. 人 (null: 点权重, a relative unit)
     * @param unitEn    the same in English, e.g. people (null: point weight)
     * @throws DemandFileException when the file is refused (see the class comment)
     * @throws ReadLimitException  when the file goes beyond the reader's limits
     * @throws IOException         when the file cannot be read
     */
    public static Result read(PopulationSurface cells, RowSource rows, CoordinateSystem crs, String unitZh, String unitEn)
            throws IOException {
        CoordinateSystem system = coordinateSystem(crs, rows.declaredCoordinateSystem().orElse(null));
        String lonColumn = null;
        String latColumn = null;
        String weightColumn = null;
        for (String header : rows.headers()) {
            Optional<StationField> field = StationField.forHeader(header);
            if (field.isPresent() && field.get() == StationField.LON && lonColumn == null) {
                lonColumn = header;
            } else if (field.isPresent() && field.get() == StationField.LAT && latColumn == null) {
                latColumn = header;
            } else if (weightColumn == null && WEIGHT_HEADERS.contains(normalise(header))) {
                weightColumn = header;
            }
        }
        if (lonColumn == null || latColumn == null) {
            throw new DemandFileException("缺少" + (lonColumn == null ? "经度" : "") + (lonColumn == null && latColumn == null ? "和" : "")
                    + (latColumn == null ? "纬度" : "") + "列，可用的列名：经度/lon/lng/longitude/x，纬度/lat/latitude/y",
                    "no " + (lonColumn == null ? "longitude" : "") + (lonColumn == null && latColumn == null ? " or " : "")
                            + (latColumn == null ? "latitude" : "") + " column; accepted headers: 经度, lon, lng, longitude, x "
                            + "and 纬度, lat, latitude, y; the file has " + String.join(", ", rows.headers()));
        }
        CellLocator locator = new CellLocator(cells);
        double[] values = new double[cells.size()];
        List<String> problems = new ArrayList<>();
        int problemCount = 0;
        int points = 0;
        int inside = 0;
        int outside = 0;
        double weightInside = 0;
        double weightOutside = 0;
        List<Integer> rowsOutside = new ArrayList<>();
        try {
            for (SourceRow row : rows) {
                List<String> rowProblems = new ArrayList<>(row.readProblems());
                Double lon = number(row.cell(lonColumn), "经度", "longitude", rowProblems);
                Double lat = number(row.cell(latColumn), "纬度", "latitude", rowProblems);
                Double weight = weightColumn == null ? Double.valueOf(1)
                        : number(row.cell(weightColumn), "权重", "weight", rowProblems);
                if (lon != null && lat != null) {
                    checkRange(lon, lat, rowProblems);
                }
                if (weight != null && weight < 0) {
                    rowProblems.add("权重“" + shown(row.cell(weightColumn)) + "”为负数 (the weight " + shown(row.cell(weightColumn))
                            + " is negative)");
                }
                if (!rowProblems.isEmpty()) {
                    for (String p : rowProblems) {
                        problemCount++;
                        if (problems.size() < DemandFileException.MAX_LISTED) {
                            problems.add(atRow(row.rowNumber(), p));
                        }
                    }
                    continue;
                }
                points++;
                LonLat wgs84 = ChinaCoordinates.toWgs84(system, lon, lat);
                int cell = locator.cellAt(wgs84.lon(), wgs84.lat());
                if (cell < 0) {
                    outside++;
                    weightOutside += weight;
                    if (rowsOutside.size() < MAX_LISTED_ROWS) {
                        rowsOutside.add(row.rowNumber());
                    }
                } else {
                    values[cell] += weight;
                    inside++;
                    weightInside += weight;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a read limit passed while iterating, or the file failed: the reader's own message
        }
        if (problemCount > 0) {
            throw new DemandFileException(problems, problemCount);
        }
        if (points == 0) {
            throw new DemandFileException("文件没有数据行", "the file has no data rows");
        }
        return new Result(cells.withDemand(values, demand(rows.format(), system, weightColumn, inside, weightInside, outside,
                weightOutside, rowsOutside, unitZh, unitEn)), points, inside, weightInside, outside, weightOutside, rowsOutside);
    }

    /** "第 3 行：经度为空 (row 3: the longitude is empty)"; a reader's problem without an English part gets "(row 3)". */
    static String atRow(int row, String problem) {
        int english = problem.indexOf(" (");
        return english < 0 ? "第 " + row + " 行：" + problem + " (row " + row + ")"
                : "第 " + row + " 行：" + problem.substring(0, english) + " (row " + row + ": " + problem.substring(english + 2);
    }

    private static CoordinateSystem coordinateSystem(CoordinateSystem declared, CoordinateSystem inFile) throws DemandFileException {
        if (declared == null && inFile == null) {
            throw new DemandFileException("文件未声明坐标系，请选择 WGS84、CGCS2000、GCJ-02（高德/腾讯）或 BD-09（百度）",
                    "the file declares no coordinate system: choose WGS84, CGCS2000, GCJ-02 (AMap/Tencent) or BD-09 (Baidu)");
        }
        if (declared != null && inFile != null && sameDatum(declared) != sameDatum(inFile)) {
            throw new DemandFileException("所选坐标系 " + declared.label() + " 与文件声明的 " + inFile.label() + " 不一致",
                    "the coordinate system chosen, " + declared + ", differs from the one the file declares, " + inFile);
        }
        return declared != null ? declared : inFile;
    }

    /** WGS84 and CGCS2000 differ by centimetres and are taken as one. */
    private static CoordinateSystem sameDatum(CoordinateSystem s) {
        return s == CoordinateSystem.CGCS2000 ? CoordinateSystem.WGS84 : s;
    }

    private static Double number(String raw, String nameZh, String nameEn, List<String> problems) {
        String v = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (v.isEmpty()) {
            problems.add(nameZh + "为空 (the " + nameEn + " is empty)");
            return null;
        }
        if (NOT_FINITE.matcher(v).matches()) {
            problems.add(nameZh + "“" + shown(raw) + "”不是有限数值 (the " + nameEn + " " + shown(raw) + " is not a finite number)");
            return null;
        }
        if (!DECIMAL.matcher(v).matches()) {
            problems.add(nameZh + "“" + shown(raw) + "”不是数字 (the " + nameEn + " " + shown(raw) + " is not a number)");
            return null;
        }
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            problems.add(nameZh + "“" + shown(raw) + "”不是有限数值 (the " + nameEn + " " + shown(raw) + " is not a finite number)");
            return null;
        }
        return d;
    }

    private static void checkRange(double lon, double lat, List<String> problems) {
        if (Math.abs(lat) > 90 && Math.abs(lon) <= 90 && Math.abs(lat) <= 180) {
            problems.add("经纬度疑似填反：纬度 " + lat + " 超出 ±90 (longitude and latitude look swapped: latitude " + lat
                    + " is beyond ±90)");
        } else if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            problems.add("经度应在 -180 到 180 之间，纬度应在 -90 到 90 之间 (longitude must lie within ±180 and latitude within "
                    + "±90, were " + lon + ", " + lat + ")");
        }
    }

    private static Demand demand(String format, CoordinateSystem system, String weightColumn, int inside, double weightInside,
                                 int outside, double weightOutside, List<Integer> rowsOutside, String unitZh, String unitEn) {
        boolean relative = unitZh == null || unitEn == null;
        String listed = rowsOutside.isEmpty() ? "" : " (rows " + joined(rowsOutside, outside) + ")";
        String listedZh = rowsOutside.isEmpty() ? "" : "（第 " + joined(rowsOutside, outside) + " 行）";
        String en = String.format(Locale.ROOT, "uploaded points (%s, %s converted to WGS84): each point's %s added to the "
                        + "cell holding it; %,d points in the cells weigh %s; %,d points weighing %s lie outside every cell "
                        + "and are not counted%s", format, system, weightColumn == null ? "weight of 1 (the file has no weight column)"
                        : "weight (column '" + weightColumn + "')", inside, PlaceTally.amount(weightInside), outside,
                PlaceTally.amount(weightOutside), listed);
        String zh = String.format(Locale.ROOT, "上传的点位（%s，%s 转为 WGS84）：每个点的%s计入其所在网格；网格内 %,d 个点，权重合计 %s；"
                        + "%,d 个点（权重 %s）不在任何网格内，不计%s", format, system.label(),
                weightColumn == null ? "权重按 1 计（文件没有权重列）" : "权重（“" + weightColumn + "”列）", inside,
                PlaceTally.amount(weightInside), outside, PlaceTally.amount(weightOutside), listedZh);
        return new Demand(DemandKind.CUSTOM, relative ? "点权重（相对值）" : unitZh, relative ? "point weights (relative units)" : unitEn,
                zh, en, relative);
    }

    /** The first ten row numbers, "…" when there are more. */
    private static String joined(List<Integer> rows, int total) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(10, rows.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(rows.get(i));
        }
        return b + (total > 10 ? ", …" : "");
    }

    /** A header as the weight column is looked up: full-width forms folded, case and spaces ignored, a trailing unit in brackets dropped. */
    static String normalise(String header) {
        String h = Normalizer.normalize(header, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return h.replaceAll("[(\\[（【].*[)\\]）】]$", "").replaceAll("\\s", "");
    }

    /** A value as a problem quotes it: at most 50 characters. */
    private static String shown(String value) {
        return value.length() <= 50 ? value : value.substring(0, 49) + "…";
    }
}
