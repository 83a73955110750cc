package cn.servicemap.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class ChinaCoordinatesTest {

    /** Published test vectors, compared to the formula they were produced with. */
    @Nested
    class PublishedVectors {

        /**
         * wgsLon, wgsLat, gcjLon, gcjLat from github.com/googollee/eviltransform
         * (python/test.py and go/transform_test.go: Shanghai, Shenzhen, Beijing).
         */
        @ParameterizedTest
        @CsvSource({
            "121.5272106, 31.1774276, 121.531541859215,   31.17530398364597",
            "113.912316,  22.543847,  113.9171764808363,  22.540796131694766",
            "116.377817,  39.911954,  116.38404722455657, 39.91334545536069",
        })
        void shouldMatchEviltransformWgsToGcjVectors(double wLon, double wLat, double gLon, double gLat) {
            LonLat gcj = ChinaCoordinates.gcj02FromWgs84(wLon, wLat);
            assertThat(gcj.lon()).isCloseTo(gLon, within(1e-9));
            assertThat(gcj.lat()).isCloseTo(gLat, within(1e-9));

            LonLat back = ChinaCoordinates.wgs84FromGcj02(gLon, gLat);
            assertThat(metres(back, wLon, wLat)).isLessThan(0.001);
        }

        /** github.com/wandergis/coordtransform test/app.js: wgs84togcj02(116.404, 39.915) and gcj02tobd09(116.404, 39.915). */
        @Test
        void shouldMatchCoordtransformForwardVectors() {
            LonLat gcj = ChinaCoordinates.gcj02FromWgs84(116.404, 39.915);
            assertThat(gcj.lon()).isCloseTo(116.41024449916938, within(1e-11));
            assertThat(gcj.lat()).isCloseTo(39.91640428150164, within(1e-11));

            LonLat bd = ChinaCoordinates.bd09FromGcj02(116.404, 39.915);
            assertThat(bd.lon()).isCloseTo(116.41036949371029, within(1e-11));
            assertThat(bd.lat()).isCloseTo(39.92133699351021, within(1e-11));
        }

        /**
         * coordtransform's inverses (gcj02towgs84 → [116.39775550083061, 39.91359571849836],
         * bd09togcj02 → [116.39762729119315, 39.90865673957631]) are one-step approximations (up to
         * 5 m off in China, 5–6 cm here); ours are exact: their forward image reproduces the input.
         */
        @Test
        void shouldAgreeWithOneStepInversesToAboutAMetreAndBeExactThemselves() {
            LonLat wgs = ChinaCoordinates.wgs84FromGcj02(116.404, 39.915);
            assertThat(metres(wgs, 116.39775550083061, 39.91359571849836)).isBetween(0.01, 0.2);
            LonLat again = ChinaCoordinates.gcj02FromWgs84(wgs.lon(), wgs.lat());
            assertThat(metres(again, 116.404, 39.915)).isLessThan(0.001);

            LonLat gcj = ChinaCoordinates.gcj02FromBd09(116.404, 39.915);
            assertThat(metres(gcj, 116.39762729119315, 39.90865673957631)).isBetween(0.01, 0.2);
            LonLat bdAgain = ChinaCoordinates.bd09FromGcj02(gcj.lon(), gcj.lat());
            assertThat(metres(bdAgain, 116.404, 39.915)).isLessThan(0.001);
        }

        /**
         * City points from github.com/hujiulong/gcoord test/fixtures/china-cities.json (WGS84, GCJ02
         * and BD09 of the same place, 7 decimals): name, wgsLon, wgsLat, gcjLon, gcjLat, bdLon, bdLat.
         * They appear to come from the online services rather than the formula: the public GCJ-02
         * reconstruction reproduces them to about 0.6 m (gcoord itself tests them to 4 decimals).
         */
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "驻马店,  114.0164322, 33.0133556, 114.022306,  33.0115324, 114.0287781, 33.0176697",
            "邵阳,    111.4622119, 27.242124,  111.4677938, 27.2388981, 111.4742271, 27.2451662",
            "那曲,    92.0499619,  31.4784436, 92.0512438,  31.4762063, 92.0576832,  31.4824421",
            "沈阳,    123.4253306, 41.8032629, 123.4314787, 41.8057023, 123.438095,  41.8114013",
            "锡林浩特, 116.0414035, 43.9312805, 116.0482308, 43.9334573, 116.0546232, 43.9397782",
            "酒泉,    98.4937175,  39.7319946, 98.4943595,  39.7328234, 98.5008441,  39.7388949",
            "泰州,    119.9183831, 32.4580023, 119.9231242, 32.4557802, 119.9296902, 32.4615531",
            "钦州,    108.6503952, 21.9828281, 108.6541485, 21.9799392, 108.6607283, 21.9856319",
        })
        void shouldMatchGcoordCityFixtures(String city, double wLon, double wLat, double gLon, double gLat,
                double bLon, double bLat) {
            assertThat(metres(ChinaCoordinates.gcj02FromWgs84(wLon, wLat), gLon, gLat)).isLessThan(1.0);
            assertThat(metres(ChinaCoordinates.bd09FromGcj02(gLon, gLat), bLon, bLat)).isLessThan(0.02);
            assertThat(metres(ChinaCoordinates.wgs84FromGcj02(gLon, gLat), wLon, wLat)).isLessThan(1.0);
            assertThat(metres(ChinaCoordinates.wgs84FromBd09(bLon, bLat), wLon, wLat)).isLessThan(1.0);
            assertThat(metres(ChinaCoordinates.bd09FromWgs84(wLon, wLat), bLon, bLat)).isLessThan(1.0);
        }
    }

    @Test
    void shouldRoundTripGcjAndBaiduToUnderAMillimetreAcrossChina() {
        double worstGcj = 0;
        double worstBd = 0;
        int points = 0;
        for (double lon = 73.5; lon <= 135.0; lon += 0.37) {
            for (double lat = 18.1; lat <= 53.5; lat += 0.29) {
                LonLat gcj = ChinaCoordinates.gcj02FromWgs84(lon, lat);
                worstGcj = Math.max(worstGcj, metres(ChinaCoordinates.wgs84FromGcj02(gcj.lon(), gcj.lat()), lon, lat));
                LonLat bd = ChinaCoordinates.bd09FromWgs84(lon, lat);
                worstBd = Math.max(worstBd, metres(ChinaCoordinates.wgs84FromBd09(bd.lon(), bd.lat()), lon, lat));
                points++;
            }
        }
        assertThat(points).isGreaterThan(20_000);
        assertThat(worstGcj).isLessThan(0.001);
        assertThat(worstBd).isLessThan(0.001);
    }

    @Test
    void shouldOffsetNanjingAbout490MetresEastAnd230MetresSouth() {
        // Matches /work/shared/data/admin-boundaries-datav/SOURCE.md ("Nanjing ≈ 490 m E, 230 m S").
        LonLat gcj = ChinaCoordinates.gcj02FromWgs84(118.78, 32.04);
        Coordinate offset = new LocalMetricProjection(118.78, 32.04).toMetric(gcj.lon(), gcj.lat());
        assertThat(offset.x).isCloseTo(490, within(60.0));
        assertThat(offset.y).isCloseTo(-230, within(60.0));
    }

    @ParameterizedTest
    @CsvSource({
        "139.767125, 35.681236",  // Tokyo
        "2.3522,     48.8566",    // Paris
        "-104.9903,  39.7392",    // Denver
        "153.0251,  -27.4698",    // Brisbane
        "37.6173,    55.7558",    // Moscow
    })
    void shouldLeaveGcjEqualToWgsOutsideChina(double lon, double lat) {
        assertThat(ChinaCoordinates.isOutsideChina(lon, lat)).isTrue();
        assertThat(ChinaCoordinates.gcj02FromWgs84(lon, lat)).isEqualTo(new LonLat(lon, lat));
        assertThat(ChinaCoordinates.wgs84FromGcj02(lon, lat)).isEqualTo(new LonLat(lon, lat));
        assertThat(ChinaCoordinates.toWgs84(CoordinateSystem.GCJ02, lon, lat)).isEqualTo(new LonLat(lon, lat));
    }

    @Test
    void shouldTreatPointsInChinaAsInside() {
        assertThat(ChinaCoordinates.isOutsideChina(118.78, 32.04)).isFalse();
        assertThat(ChinaCoordinates.isOutsideChina(87.6, 43.8)).isFalse();   // Ürümqi
        assertThat(ChinaCoordinates.isOutsideChina(109.5, 18.25)).isFalse(); // Sanya
    }

    @Test
    void shouldDispatchBySystemAndTreatCgcs2000AsWgs84() {
        assertThat(ChinaCoordinates.toWgs84(CoordinateSystem.CGCS2000, 118.78, 32.04)).isEqualTo(new LonLat(118.78, 32.04));
        assertThat(ChinaCoordinates.toWgs84(CoordinateSystem.WGS84, 118.78, 32.04)).isEqualTo(new LonLat(118.78, 32.04));
        assertThat(ChinaCoordinates.toWgs84(CoordinateSystem.GCJ02, 118.78, 32.04))
                .isEqualTo(ChinaCoordinates.wgs84FromGcj02(118.78, 32.04));
        assertThat(ChinaCoordinates.toWgs84(CoordinateSystem.BD09, 118.78, 32.04))
                .isEqualTo(ChinaCoordinates.wgs84FromBd09(118.78, 32.04));
        assertThat(ChinaCoordinates.fromWgs84(CoordinateSystem.GCJ02, 118.78, 32.04))
                .isEqualTo(ChinaCoordinates.gcj02FromWgs84(118.78, 32.04));
        assertThat(ChinaCoordinates.fromWgs84(CoordinateSystem.BD09, 118.78, 32.04))
                .isEqualTo(ChinaCoordinates.bd09FromWgs84(118.78, 32.04));
        assertThat(ChinaCoordinates.fromWgs84(CoordinateSystem.CGCS2000, 118.78, 32.04)).isEqualTo(new LonLat(118.78, 32.04));
    }

    @Test
    void shouldConvertEveryCoordinateOfAGeometryAndSetSrid() throws ParseException {
        Geometry gcj = new WKTReader(new GeometryFactory())
                .read("MULTIPOLYGON (((118.78 32.04, 118.79 32.04, 118.79 32.05, 118.78 32.04)),"
                        + " ((118.80 32.06, 118.81 32.06, 118.81 32.07, 118.80 32.06)))");
        Geometry original = gcj.copy();

        Geometry wgs = ChinaCoordinates.toWgs84(CoordinateSystem.GCJ02, gcj);

        assertThat(gcj.equalsExact(original)).as("input unchanged").isTrue();
        assertThat(wgs.getSRID()).isEqualTo(4326);
        assertThat(wgs.getGeometryN(1).getSRID()).isEqualTo(4326);
        assertThat(wgs.getGeometryType()).isEqualTo("MultiPolygon");
        Coordinate[] in = gcj.getCoordinates();
        Coordinate[] out = wgs.getCoordinates();
        assertThat(out).hasSameSizeAs(in);
        for (int i = 0; i < in.length; i++) {
            LonLat expected = ChinaCoordinates.wgs84FromGcj02(in[i].x, in[i].y);
            assertThat(out[i].x).isEqualTo(expected.lon());
            assertThat(out[i].y).isEqualTo(expected.lat());
        }
        assertThat(wgs.isValid()).isTrue();
    }

    private static double metres(LonLat p, double lon, double lat) {
        return Geodesic.distanceMeters(p.lon(), p.lat(), lon, lat);
    }
}
