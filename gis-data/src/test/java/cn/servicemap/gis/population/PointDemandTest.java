package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.gis.table.ReadLimitException;
import cn.servicemap.gis.table.ReadLimits;
import cn.servicemap.gis.table.RowSource;
import cn.servicemap.gis.table.RowSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Uploaded demand points on the synthetic demo city's cells (3 × 3 km, 100 m cells, four districts whose edges cut some
 * squares into pieces): sums, points outside, coordinate systems, and files refused with their reasons.
 */
class PointDemandTest {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    final SyntheticCity city = SyntheticCity.demo();
    final PopulationSurface cells = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults());

    @TempDir
    Path dir;

    // --- sums and points outside

    @Test
    void shouldAddEachPointsWeightToItsCellAndCountThoseOutside() throws IOException {
        int first = cellOf(700, 800);
        int second = cellOf(2250, 1420);
        assertThat(first).isNotEqualTo(second);
        PointDemand.Result r = read("points.csv", """
                名称,经度,纬度,权重
                a,%s,2
                b,%s,3.5
                c,%s,1
                far,116.40,39.90,7
                sea,125.0,20.0,0.5
                """.formatted(near(first, -10, 5), near(first, 20, -30), near(second, 0, 0)), CoordinateSystem.WGS84);
        assertThat(r.points()).isEqualTo(5);
        assertThat(r.pointsInside()).isEqualTo(3);
        assertThat(r.weightInside()).isEqualTo(6.5);
        assertThat(r.pointsOutside()).isEqualTo(2);
        assertThat(r.weightOutside()).isEqualTo(7.5);
        assertThat(r.rowsOutside()).containsExactly(5, 6);
        PopulationSurface s = r.surface();
        assertThat(s.total()).isEqualTo(6.5);
        assertThat(s.people(first)).isEqualTo(5.5); // a and b share a cell
        assertThat(s.people(second)).isEqualTo(1);
        assertThat(s.hasSameCells(cells)).isTrue();
        assertThat(s.demand().kind()).isEqualTo(DemandKind.CUSTOM);
        assertThat(s.demand().relative()).isTrue();
        assertThat(s.demand().methodEn()).contains("3 points in the cells weigh 6.50")
                .contains("2 points weighing 7.50 lie outside every cell and are not counted (rows 5, 6)")
                .contains("column '权重'");
        assertThat(s.demand().methodZh()).contains("2 个点（权重 7.50）不在任何网格内，不计（第 5, 6 行）");
        // the cells are generated, and the demand on them says so wherever it is shown
        assertThat(s.demand().methodEn()).startsWith(SyntheticCity.LABEL);
        assertThat(s.demand().methodZh()).startsWith(SyntheticCity.LABEL);
        assertThat(s.shares()).allSatisfy(share -> assertThat(share.method()).startsWith(SyntheticCity.LABEL)
                .contains("uploaded points"));
    }

    @Test
    void shouldCountAPointInACutSquareInThePieceThatHoldsIt() throws IOException {
        // district edges and the grid lines do not meet, so squares along district edges are cut into pieces, each a
        // cell of its own district: a point inside each piece counts for that piece
        StringBuilder csv = new StringBuilder("lon,lat,count\n");
        java.util.List<Integer> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.isWholeSquare(i)) {
                Point inside = cells.cellPolygon(i).getInteriorPoint();
                csv.append(String.format(Locale.ROOT, "%.9f,%.9f,%d%n", inside.getX(), inside.getY(), i + 1));
                pieces.add(i);
            }
        }
        assertThat(pieces).hasSizeGreaterThan(20);
        PopulationSurface s = read("cut.csv", csv.toString(), CoordinateSystem.WGS84).surface();
        for (int i : pieces) {
            assertThat(s.people(i)).as("piece %d", i).isEqualTo(i + 1);
        }
        assertThat(s.total()).isEqualTo(pieces.stream().mapToDouble(i -> i + 1).sum());
    }

    @Test
    void shouldWeighEveryPointOneWithoutAWeightColumnAndTakeTheUnitGiven() throws IOException {
        int cell = cellOf(100, 100);
        Path file = write("plain.csv", "lng,lat\n%s\n%s\n%s\n".formatted(near(cell, 0, 0), near(cell, 10, 10), at(2900, 2900)));
        try (RowSource rows = RowSources.open(file, "plain.csv")) {
            PointDemand.Result r = PointDemand.read(cells, rows, CoordinateSystem.WGS84, "人", "people");
            assertThat(r.surface().total()).isEqualTo(3);
            assertThat(r.surface().people(cell)).isEqualTo(2);
            assertThat(r.surface().demand().unitEn()).isEqualTo("people");
            assertThat(r.surface().demand().relative()).isFalse();
            assertThat(r.surface().demand().methodEn()).contains("weight of 1 (the file has no weight column)");
        }
    }

    // --- coordinate systems

    @Test
    void shouldPutAGcj02OrBd09PointInTheSameCellAsItsWgs84Equivalent() throws IOException {
        LonLat wgs = wgs84(1234, 2345);
        LonLat gcj = ChinaCoordinates.gcj02FromWgs84(wgs.lon(), wgs.lat());
        LonLat bd = ChinaCoordinates.bd09FromWgs84(wgs.lon(), wgs.lat());
        int expected = cellOf(1234, 2345);
        assertThat(onlyCell(read("w.csv", "经度,纬度\n" + text(wgs) + "\n", CoordinateSystem.WGS84).surface())).isEqualTo(expected);
        assertThat(onlyCell(read("g.csv", "经度(GCJ-02),纬度(GCJ-02)\n" + text(gcj) + "\n", CoordinateSystem.GCJ02).surface()))
                .isEqualTo(expected);
        assertThat(onlyCell(read("b.csv", "经度,纬度\n" + text(bd) + "\n", CoordinateSystem.BD09).surface())).isEqualTo(expected);
        // the offset is several hundred metres here: the same GCJ-02 numbers taken as WGS84 land elsewhere
        assertThat(onlyCell(read("g2.csv", "经度,纬度\n" + text(gcj) + "\n", CoordinateSystem.WGS84).surface())).isNotEqualTo(expected);
    }

    @Test
    void shouldTakeTheCoordinateSystemAGeoJsonDeclaresAndRefuseAContradiction() throws IOException {
        LonLat p = wgs84(500, 500);
        String geojson = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4326"}},
                 "features":[{"type":"Feature","properties":{"weight":3},"geometry":{"type":"Point","coordinates":[%s]}}]}
                """.formatted(text(p));
        PointDemand.Result r = read("p.geojson", geojson, null);
        assertThat(r.surface().people(cellOf(500, 500))).isEqualTo(3);
        assertThat(r.surface().demand().methodEn()).contains("GeoJSON, WGS84 converted to WGS84");
        assertThatThrownBy(() -> read("p.geojson", geojson, CoordinateSystem.GCJ02))
                .isInstanceOf(DemandFileException.class)
                .hasMessageContaining("所选坐标系 GCJ-02（高德/腾讯） 与文件声明的 WGS84（GPS/天地图/OSM） 不一致")
                .hasMessageContaining("differs from the one the file declares");
        // CGCS2000 and WGS84 are one datum for this purpose
        assertThat(read("p.geojson", geojson, CoordinateSystem.CGCS2000).weightInside()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAFileWithoutAnyCoordinateSystem() {
        assertThatThrownBy(() -> read("n.csv", "lon,lat\n" + at(10, 10) + "\n", null))
                .isInstanceOf(DemandFileException.class)
                .hasMessageContaining("文件未声明坐标系")
                .hasMessageContaining("the file declares no coordinate system");
    }

    // --- files refused

    @Test
    void shouldRefuseAFileWithoutCoordinateColumns() {
        assertThatThrownBy(() -> read("x.csv", "名称,地址,权重\na,某路1号,2\n", CoordinateSystem.WGS84))
                .isInstanceOf(DemandFileException.class)
                .hasMessageContaining("缺少经度和纬度列")
                .hasMessageContaining("no longitude or latitude column")
                .hasMessageContaining("the file has 名称, 地址, 权重");
        assertThatThrownBy(() -> read("y.csv", "经度,权重\n115.6,2\n", CoordinateSystem.WGS84))
                .hasMessageContaining("缺少纬度列").hasMessageContaining("(no latitude column");
    }

    @Test
    void shouldRefuseNotANumberAndNameTheRow() {
        assertThatThrownBy(() -> read("nan.csv", "lon,lat,weight\n%s,1\n%s,NaN\n115.51,,1\nabc,29.51,1\n"
                .formatted(at(10, 10), at(20, 20)), CoordinateSystem.WGS84))
                .isInstanceOf(DemandFileException.class)
                .hasMessageContaining("需求点文件有 3 处问题，未使用 (the demand point file has 3 problems and was not used)")
                .hasMessageContaining("第 3 行：权重“NaN”不是有限数值 (row 3: the weight NaN is not a finite number)")
                .hasMessageContaining("第 4 行：纬度为空 (row 4: the latitude is empty)")
                .hasMessageContaining("第 5 行：经度“abc”不是数字 (row 5: the longitude abc is not a number)")
                .satisfies(e -> assertThat(((DemandFileException) e).problems()).hasSize(3));
        assertThatThrownBy(() -> read("inf.csv", "lon,lat\nInfinity,29.5\n", CoordinateSystem.WGS84))
                .hasMessageContaining("第 2 行：经度“Infinity”不是有限数值");
    }

    @Test
    void shouldRefuseANegativeWeight() {
        assertThatThrownBy(() -> read("neg.csv", "lon,lat,权重\n%s,2\n%s,-0.5\n".formatted(at(10, 10), at(20, 20)),
                CoordinateSystem.WGS84))
                .isInstanceOf(DemandFileException.class)
                .hasMessageContaining("第 3 行：权重“-0.5”为负数 (row 3: the weight -0.5 is negative)");
    }

    @Test
    void shouldRefuseSwappedAndOutOfRangeCoordinates() {
        assertThatThrownBy(() -> read("swap.csv", "lon,lat\n29.5,115.5\n200,10\n", CoordinateSystem.WGS84))
                .isInstanceOf(DemandFileException.class)
                .hasMessageContaining("第 2 行：经纬度疑似填反")
                .hasMessageContaining("(row 2: longitude and latitude look swapped")
                .hasMessageContaining("第 3 行：经度应在 -180 到 180 之间");
    }

    @Test
    void shouldRefuseAFileWithMoreRowsThanTheLimits() throws IOException {
        Path file = write("many.csv", "lon,lat\n" + (at(10, 10) + "\n").repeat(5));
        assertThatThrownBy(() -> {
            try (RowSource rows = RowSources.open(file, "many.csv", ReadLimits.DEFAULTS.withMaxRows(3))) {
                PointDemand.read(cells, rows, CoordinateSystem.WGS84, null, null);
            }
        }).isInstanceOf(ReadLimitException.class).hasMessage("表格超过 3 行数据 (more than 3 rows)");
    }

    @Test
    void shouldRefuseAFileWithoutRows() {
        assertThatThrownBy(() -> read("empty.csv", "lon,lat\n", CoordinateSystem.WGS84))
                .isInstanceOf(DemandFileException.class).hasMessage("文件没有数据行 (the file has no data rows)");
    }

    // --- helpers

    private PointDemand.Result read(String name, String content, CoordinateSystem crs) throws IOException {
        Path file = write(name, content);
        try (RowSource rows = RowSources.open(file, name)) {
            return PointDemand.read(cells, rows, crs, null, null);
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** WGS84 of a point x, y metres east and north of the city's south-west corner. */
    private LonLat wgs84(double x, double y) {
        return new LonLat(city.lon(x), city.lat(y));
    }

    private String at(double x, double y) {
        return text(wgs84(x, y));
    }

    /** WGS84 of a point dx, dy metres east and north of a cell's representative point. */
    private String near(int cell, double dx, double dy) {
        Coordinate m = cells.projection().toMetric(cells.lon(cell), cells.lat(cell));
        return text(cells.projection().toWgs84(m.x + dx, m.y + dy));
    }

    private static String text(LonLat p) {
        return String.format(Locale.ROOT, "%.9f,%.9f", p.lon(), p.lat());
    }

    /** The cell whose outline covers the point, found by testing every cell. */
    private int cellOf(double x, double y) {
        LonLat p = wgs84(x, y);
        Point point = WGS84.createPoint(new Coordinate(p.lon(), p.lat()));
        for (int i = 0; i < cells.size(); i++) {
            if (cells.cellPolygon(i).covers(point)) {
                return i;
            }
        }
        throw new AssertionError("no cell at " + x + ", " + y);
    }

    private static int onlyCell(PopulationSurface s) {
        int found = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.people(i) > 0) {
                assertThat(found).as("one cell only").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(s.total()).isCloseTo(1, within(1e-12));
        return found;
    }
}
