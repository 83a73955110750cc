package cn.servicemap.gis.districts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;

class DistrictLocatorTest {

    static DistrictBoundary square(String adcode, String wkt) throws Exception {
        MultiPolygon mp = (MultiPolygon) new WKTReader(new GeometryFactory(new PrecisionModel(), 4326)).read(wkt);
        return new DistrictBoundary(adcode, adcode, null, "district", mp, 1);
    }

    //  +--------+--------+
    //  | 000001 | 000002 |   two 0.01° squares side by side at latitude 32°
    //  +--------+--------+
    final List<DistrictBoundary> two() throws Exception {
        return List.of(
                square("000001", "MULTIPOLYGON (((118.00 32.00, 118.01 32.00, 118.01 32.01, 118.00 32.01, 118.00 32.00)))"),
                square("000002", "MULTIPOLYGON (((118.01 32.00, 118.02 32.00, 118.02 32.01, 118.01 32.01, 118.01 32.00)))"));
    }

    @Test
    void shouldFindTheContainingDistrict() throws Exception {
        DistrictLocator locator = new DistrictLocator(two(), 200);
        assertThat(locator.locate(118.005, 32.005)).contains("000001");
        assertThat(locator.locate(118.015, 32.005)).contains("000002");
    }

    @Test
    void shouldGiveTheNearestDistrictOnlyWithinTheTolerance() throws Exception {
        DistrictLocator locator = new DistrictLocator(two(), 200);
        // ~111 m north of 000002's top edge: inside the tolerance
        assertThat(locator.locate(118.015, 32.011)).contains("000002");
        // ~333 m south of the bottom edge: outside the region
        assertThat(locator.locate(118.005, 31.997)).isEmpty();
        assertThat(new DistrictLocator(List.of(), 200).isEmpty()).isTrue();
    }
}
