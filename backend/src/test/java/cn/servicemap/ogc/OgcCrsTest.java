package cn.servicemap.ogc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.system.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The OGC API's coordinate systems without a server: which URIs are taken, which zones a region is offered (Nanjing and
 * Ürümqi, 31° of longitude apart), axis order, and bboxes given in another CRS — each bad one a field error.
 */
class OgcCrsTest {

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    @Test
    void shouldTakeTheOfferedUrisAndRefuseOthersNamingTheField() {
        assertThat(OgcCrs.of(null, "crs")).isEqualTo(OgcCrs.CRS84);
        assertThat(OgcCrs.of(OgcCrs.CRS84_URI, "crs")).isEqualTo(OgcCrs.CRS84);
        assertThat(OgcCrs.of("EPSG:4490", "crs").latFirst()).isTrue();
        assertThat(OgcCrs.of("http://www.opengis.net/def/crs/EPSG/0/4326", "crs").uri()).endsWith("/4326");
        assertThat(OgcCrs.of("epsg:4549", "crs").grid().centralMeridian()).isEqualTo(120);
        assertThat(OgcCrs.of("http://www.opengis.net/def/crs/EPSG/0/4491", "crs").grid().falseEasting()).isEqualTo(13_500_000);
        for (String bad : new String[]{"EPSG:3857", "EPSG:4555", "EPSG:2437", "EPSG:45490", "http://example.org/crs/4549", "CRS84; DROP"}) {
            assertThatThrownBy(() -> OgcCrs.of(bad, "bbox-crs")).as(bad).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field()).isEqualTo("bbox-crs"));
        }
    }

    @Test
    void shouldOfferTheZonesARegionReaches() {
        assertThat(OgcCrs.offered(null)).containsExactly(OgcCrs.CRS84_URI, OgcCrs.EPSG + 4326, OgcCrs.EPSG + 4490);
        // 新街口 core: 3° CM 120°E (4549), 6° CM 117°E (4509)
        assertThat(OgcCrs.offered(new double[]{118.7, 31.9, 118.95, 32.2})).endsWith(OgcCrs.EPSG + 4549, OgcCrs.EPSG + 4509);
        // Nanjing city, 118.37°–119.23°E, straddles 118.5°E: CM 117°E and 120°E 3° zones
        assertThat(OgcCrs.offered(new double[]{118.37, 31.2, 119.23, 32.6})).contains(OgcCrs.EPSG + 4548, OgcCrs.EPSG + 4549, OgcCrs.EPSG + 4509);
        // Ürümqi 87.6°E: 3° CM 87°E (4538) and 6° CM 87°E (4504)
        assertThat(OgcCrs.offered(new double[]{87.3, 43.6, 87.9, 44.1})).endsWith(OgcCrs.EPSG + 4538, OgcCrs.EPSG + 4504);
        for (String uri : OgcCrs.offered(new double[]{73.5, 18, 135, 53.5})) {
            OgcCrs.of(uri, "crs"); // every offered CRS is one that is taken
        }
    }

    @Test
    void shouldOrderAxesAsTheRegistryDoes() {
        Geometry p = GEOMETRIES.createPoint(new Coordinate(118.7785, 32.042));
        Coordinate latLon = OgcCrs.of("EPSG:4326", "crs").convert(p).getCoordinate();
        assertThat(latLon.x).isEqualTo(32.042);
        assertThat(latLon.y).isEqualTo(118.7785);
        Coordinate grid = OgcCrs.of("EPSG:4549", "crs").convert(p).getCoordinate();
        assertThat(grid.x).as("northing").isCloseTo(3547162.2402, within(0.01));
        assertThat(grid.y).as("easting").isCloseTo(384625.4235, within(0.01));
        assertThat(p.getCoordinate().x).as("the original is left as it was").isEqualTo(118.7785);
        assertThat(OgcCrs.CRS84.convert(p)).isSameAs(p);
    }

    @Test
    void shouldReadABboxInItsCrsAxisOrder() {
        BoundingBox latFirst = OgcCrs.of("EPSG:4490", "bbox-crs").toCrs84("32.03,118.77,32.05,118.79", "bbox");
        assertThat(latFirst).isEqualTo(new BoundingBox(118.77, 32.03, 118.79, 32.05));
        BoundingBox fromGrid = OgcCrs.of("EPSG:4549", "bbox-crs").toCrs84("3547062.2402,384525.4235,3547262.2402,384725.4235", "bbox");
        assertThat(fromGrid.contains(118.7785, 32.042)).isTrue();
        assertThat(fromGrid.maxLon() - fromGrid.minLon()).isCloseTo(0.0021, within(0.0003)); // 200 m of easting at 32°N
        for (String bad : new String[]{"1,2,3", "a,b,c,d", "3547262,384725,3547062,384525", "-1e300,-1e300,1e300,1e300", "NaN,NaN,NaN,NaN", "0,0,Infinity,1"}) {
            assertThatThrownBy(() -> OgcCrs.of("EPSG:4549", "bbox-crs").toCrs84(bad, "bbox")).as(bad)
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field()).isEqualTo("bbox"));
        }
        assertThatThrownBy(() -> OgcCrs.CRS84.toCrs84("200,0,201,1", "bbox")).isInstanceOf(InvalidRequestException.class);
        assertThat(OgcCrs.CRS84.toCrs84(null, "bbox")).isNull();
    }
}
