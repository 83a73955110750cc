package cn.servicemap.gis.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTReader;

class CoordinateMappingTest {

    @Test
    void shouldMapEveryPointOfEveryPartIntoANewGeometryOfTheFactoryAndKeepZ() throws Exception {
        Geometry input = new WKTReader(new GeometryFactory(new PrecisionModel(), 0)).read(
                "GEOMETRYCOLLECTION (POINT Z (1 2 7), POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 2 2)))");
        Geometry before = input.copy();

        Geometry out = CoordinateMapping.copy(input, new GeometryFactory(new PrecisionModel(), 4490),
                (x, y, xy) -> {
                    xy[0] = y * 2; // swapped and scaled: each axis from the other
                    xy[1] = x + 100;
                });

        assertThat(input.equalsExact(before)).as("the input is not modified").isTrue();
        assertThat(out.getSRID()).isEqualTo(4490);
        assertThat(out.getGeometryN(1).getSRID()).isEqualTo(4490);
        assertThat(out.getGeometryN(0).getCoordinate()).isEqualTo(new Coordinate(4, 101, 7));
        assertThat(out.getGeometryN(0).getCoordinate().getZ()).as("z kept").isEqualTo(7);
        assertThat(out.getGeometryN(1).getNumPoints()).isEqualTo(input.getGeometryN(1).getNumPoints());
        assertThat(out.getGeometryN(1).getCoordinates()[2]).isEqualTo(new Coordinate(20, 110));
        // the hole moved with the shell: area scaled by 2 (one axis doubled), still valid
        assertThat(out.getGeometryN(1).getArea()).isEqualTo(input.getGeometryN(1).getArea() * 2);
        assertThat(out.getGeometryN(1).isValid()).isTrue();
        assertThat(out.getEnvelopeInternal().getMaxX()).as("cached envelope recomputed").isEqualTo(20);
    }
}
