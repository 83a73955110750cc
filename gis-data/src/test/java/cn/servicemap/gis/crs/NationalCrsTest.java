package cn.servicemap.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Chinese national grids to WGS84, against PROJ 9 (cs2cs, Debian proj-bin) as the independent oracle: the point on
 * 东铁管巷 in 新街口 (118.7785, 32.042) and one in 福州 (119.2965, 26.0745), projected by cs2cs into each system, must
 * come back to where they were within 1 cm (CGCS2000) — and Beijing 1954 / Xi'an 1980 with the datum parameters this
 * class documents, which cs2cs was given explicitly.
 */
class NationalCrsTest {

    private static final double LON = 118.7785;
    private static final double LAT = 32.042;
    /** 1 cm in degrees of latitude (and, at 32°N, a little more than 1 cm of longitude). */
    private static final double CM = 1e-2 / 111_000;

    /** The same point within a centimetre. */
    private static void assertAt(LonLat p, double lon, double lat) {
        assertThat(Geodesic.distanceMeters(p.lon(), p.lat(), lon, lat)).as(p + " against " + lon + ", " + lat).isLessThan(0.01);
    }

    @Test
    void shouldUnprojectCgcs2000GaussKrugerZonesAsProjDoes() {
        // cs2cs EPSG:4326 EPSG:4549 (3° CM 120E), 4528 (3° zone 40), 4498 (6° zone 20), and a Fuzhou point in 4549
        assertAt(NationalCrs.forEpsg(4549).orElseThrow().toWgs84(384625.4235, 3547162.2402), LON, LAT);
        assertAt(NationalCrs.forEpsg(4528).orElseThrow().toWgs84(40384625.4235, 3547162.2402), LON, LAT);
        assertAt(NationalCrs.forEpsg(4498).orElseThrow().toWgs84(20667991.2825, 3547893.2384), LON, LAT);
        assertAt(NationalCrs.parse("EPSG:4549").orElseThrow().toWgs84(429610.5796, 2885278.2669), 119.2965, 26.0745);
        NationalCrs cm120 = NationalCrs.parse("epsg 4549").orElseThrow();
        assertThat(cm120.centralMeridian()).isEqualTo(120);
        assertThat(cm120.falseEasting()).isEqualTo(500_000);
        assertThat(cm120.approximate()).isFalse();
        assertThat(cm120.name()).isEqualTo("CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)");
        // the registry's ranges, ends included (projinfo: 4491 zone 13 at 75E, 4512 CM 135E, 4533 zone 45, 4554 CM 135E)
        assertThat(NationalCrs.forEpsg(4491).orElseThrow().falseEasting()).isEqualTo(13_500_000);
        assertThat(NationalCrs.forEpsg(4491).orElseThrow().centralMeridian()).isEqualTo(75);
        assertThat(NationalCrs.forEpsg(4505).orElseThrow().centralMeridian()).isEqualTo(93);
        assertThat(NationalCrs.forEpsg(4512).orElseThrow().centralMeridian()).isEqualTo(135);
        assertThat(NationalCrs.forEpsg(4533).orElseThrow().falseEasting()).isEqualTo(45_500_000);
        assertThat(NationalCrs.forEpsg(4554).orElseThrow().centralMeridian()).isEqualTo(135);
        assertThat(NationalCrs.forEpsg(4490)).isEmpty(); // geographic CGCS2000 is a CoordinateSystem
        assertThat(NationalCrs.forEpsg(3857)).isEmpty();
        assertThat(NationalCrs.parse("GCJ02")).isEmpty();
    }

    @Test
    void shouldProjectWgs84IntoAGridAsProjDoes() {
        // the same cs2cs figures the other way: 东铁管巷 into CM 120E and zone 40, and the Fuzhou point, within a millimetre
        var cm120 = NationalCrs.forEpsg(4549).orElseThrow().fromWgs84();
        double[] p = cm120.apply(new LonLat(LON, LAT));
        assertThat(p[0]).isCloseTo(384625.4235, org.assertj.core.data.Offset.offset(0.001));
        assertThat(p[1]).isCloseTo(3547162.2402, org.assertj.core.data.Offset.offset(0.001));
        double[] fuzhou = cm120.apply(new LonLat(119.2965, 26.0745));
        assertThat(fuzhou[0]).isCloseTo(429610.5796, org.assertj.core.data.Offset.offset(0.001));
        assertThat(fuzhou[1]).isCloseTo(2885278.2669, org.assertj.core.data.Offset.offset(0.001));
        double[] zone40 = NationalCrs.forEpsg(4528).orElseThrow().fromWgs84().apply(new LonLat(LON, LAT));
        assertThat(zone40[0]).isCloseTo(40384625.4235, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void shouldUnprojectBeijing1954AndXian1980WithTheirDocumentedParameters() {
        // cs2cs +towgs84=15.8,-154.4,-82.3 on Krassowsky (Beijing 1954, 3° CM 120E = EPSG:2437, zone 40 = 2416)
        assertAt(NationalCrs.forEpsg(2437).orElseThrow().toWgs84(384562.9003, 3547217.4091), LON, LAT);
        assertAt(NationalCrs.forEpsg(2416).orElseThrow().toWgs84(40384562.9003, 3547217.4091), LON, LAT);
        // IAG 1975 ellipsoid, no shift (Xi'an 1980, 3° CM 120E = EPSG:2385)
        assertAt(NationalCrs.forEpsg(2385).orElseThrow().toWgs84(384625.3694, 3547163.9169), LON, LAT);
        assertAt(NationalCrs.forEpsg(4214).orElseThrow().toWgs84(118.77785964, 32.04192335), LON, LAT);
        assertThat(NationalCrs.forEpsg(2437).orElseThrow().approximate()).isTrue();
        assertThat(NationalCrs.forEpsg(2385).orElseThrow().datum()).isEqualTo(NationalCrs.Datum.XIAN_1980);
        assertThat(NationalCrs.forEpsg(21413).orElseThrow().falseEasting()).isEqualTo(13_500_000);
        assertThat(NationalCrs.forEpsg(2390).orElseThrow().centralMeridian()).isEqualTo(135);
    }

    @Test
    void shouldReadAnEsriPrjFromItsParametersOrItsAuthority() {
        String esri = "PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
                + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
                + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        NationalCrs fromEsri = NationalCrs.fromWkt(esri).orElseThrow();
        assertThat(fromEsri.name()).isEqualTo("CGCS2000_3_Degree_GK_CM_120E");
        assertAt(fromEsri.toWgs84(384625.4235, 3547162.2402), LON, LAT);
        String zone40 = esri.replace("CM_120E", "Zone_40").replace("500000.0", "40500000.0");
        assertAt(NationalCrs.fromWkt(zone40).orElseThrow().toWgs84(40384625.4235, 3547162.2402), LON, LAT);
        String beijing = "PROJCS[\"Beijing_1954_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\","
                + "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                + "PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],"
                + "UNIT[\"Meter\",1.0]]";
        assertAt(NationalCrs.fromWkt(beijing).orElseThrow().toWgs84(384562.9003, 3547217.4091), LON, LAT);
        // an OGC WKT with the system's EPSG authority: the registry's definition
        String ogc = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 120E\",GEOGCS[\"China Geodetic Coordinate System 2000\","
                + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
                + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]],"
                + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",120],"
                + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],"
                + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"4549\"]]";
        assertThat(NationalCrs.fromWkt(ogc).orElseThrow().name()).endsWith("(EPSG:4549)");
        // geographic WGS 84 and CGCS2000 are the readers' own; Xi'an 1980 lon/lat is converted
        assertThat(NationalCrs.fromWkt("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]")).isEmpty();
        assertThat(NationalCrs.fromWkt("GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\",SPHEROID[\"Xian_1980\",6378140.0,298.257]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]").orElseThrow().datum()).isEqualTo(NationalCrs.Datum.XIAN_1980);
    }

    @Test
    void shouldNameWhatItCannotConvert() {
        String lambert = "PROJCS[\"Asia_Lambert_Conformal_Conic\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\","
                + "6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"Central_Meridian\",105.0],UNIT[\"Meter\",1.0]]";
        assertThatThrownBy(() -> NationalCrs.fromWkt(lambert)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Asia_Lambert_Conformal_Conic").hasMessageContaining("高斯-克吕格");
        String feet = "PROJCS[\"CGCS2000_GK_feet\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
                + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"Central_Meridian\",120.0],UNIT[\"Foot_US\",0.3048006096012192]]";
        assertThatThrownBy(() -> NationalCrs.fromWkt(feet)).hasMessageContaining("不是米");
        String tokyo = "GEOGCS[\"GCS_Tokyo\",DATUM[\"D_Tokyo\",SPHEROID[\"Bessel_1841\",6377397.155,299.1528128]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        assertThatThrownBy(() -> NationalCrs.fromWkt(tokyo)).hasMessageContaining("GCS_Tokyo").hasMessageContaining("大地基准");
    }

    @Test
    void shouldTellTheEastingFromTheNorthingWhicheverWayRoundTheyCome() {
        assertThat(NationalCrs.firstIsEasting(384625.4, 3547162.2)).isTrue();
        assertThat(NationalCrs.firstIsEasting(3547162.2, 384625.4)).isFalse(); // surveying's X = northing
        assertThat(NationalCrs.firstIsEasting(40384625.4, 3547162.2)).isTrue();
        assertThat(NationalCrs.firstIsEasting(3547162.2, 40384625.4)).isFalse();
        assertThat(NationalCrs.firstIsEasting(2885278.3, 429610.6)).isFalse();
    }
}
