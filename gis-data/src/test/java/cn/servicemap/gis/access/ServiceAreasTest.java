package cn.servicemap.gis.access;

import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

import java.util.List;

import static cn.servicemap.gis.network.TravelProfile.WALK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Service-area polygons on hand-drawn graphs (node (x, y) = x*100 m east, y*100 m north). */
class ServiceAreasTest {
    private final GeometryFactory gf = new GeometryFactory();

    private Point at(double x, double y) {
        return gf.createPoint(new Coordinate(Tiny.lon(x), Tiny.lat(y)));
    }

    /*
     *   S 0 -------------------------------- 1        one street, 500 m, walk 5 km/h; S at node 0
     */
    @Test
    void shouldEndTheBandWhereTheTimeCrossesTheLimitInsideAnEdge() {
        RoadNetworkBuilder b = RoadNetwork.builder();
        b.access(WALK, b.addEdge(Tiny.node(b, 0, 0), Tiny.node(b, 5, 0)), 5, false);
        RoadNetwork net = b.build();
        AccessField field = MultiSourceSearch.compute(net, WALK, List.of(net.onEdge(WALK, 0, 0)), 120);
        ServiceAreas areas = ServiceAreas.build(field, ServiceAreaOptions.defaults().withBands(List.of(60, 120)));
        List<ServiceBand> nested = areas.nested();
        // 120 s at 5 km/h = 166.7 m
        assertThat(nested.get(1).area().contains(at(1.55, 0))).isTrue();
        assertThat(nested.get(1).area().contains(at(1.85, 0))).isFalse();
        assertThat(nested.get(0).area().contains(at(0.75, 0))).isTrue();
        assertThat(nested.get(0).area().contains(at(0.95, 0))).isFalse();
        // off-road reach 60 m
        assertThat(nested.get(1).area().contains(at(1.0, 0.45))).isTrue();
        assertThat(nested.get(1).area().contains(at(1.0, 0.75))).isFalse();
        for (ServiceBand band : nested)
            assertThat(band.area().isValid()).isTrue();
        assertThat(nested.get(1).area().covers(nested.get(0).area())).isTrue();
        List<ServiceBand> rings = areas.rings();
        assertThat(rings.get(1).area().intersection(rings.get(0).area()).getArea()).isZero();
        assertThat(rings.get(0).areaInSquareMeters() + rings.get(1).areaInSquareMeters())
                .isCloseTo(nested.get(1).areaInSquareMeters(), within(1e-6));
    }

    /*
     *   2 ------------------------------------------------ 3      north bank street
     *                          ~ ~ river ~ ~                |      bridge at the east end (1.5 km away)
     *   0 ------------------------------------------------ 1      south bank street, S at 0
     *   streets 100 m apart; 15 min = 1250 m reaches the whole south street but only the north
     *   street's eastern part beyond the bridge is out of reach too: the north bank near S is unreached
     */
    @Test
    void shouldLeaveARealGapAcrossARiverWithoutACrossing() {
        RoadNetworkBuilder b = RoadNetwork.builder();
        int s0 = Tiny.node(b, 0, 0), s1 = Tiny.node(b, 15, 0), n0 = Tiny.node(b, 0, 1), n1 = Tiny.node(b, 15, 1);
        b.access(WALK, b.addEdge(s0, s1), 5, false);
        b.access(WALK, b.addEdge(n0, n1), 5, false);
        b.access(WALK, b.addEdge(s1, n1), 5, false);
        RoadNetwork net = b.build();
        AccessField field = MultiSourceSearch.compute(net, WALK, List.of(net.onEdge(WALK, 0, 0.0)), 900);
        ServiceAreas areas = ServiceAreas.build(field);
        Geometry band15 = areas.nested().get(2).area();
        assertThat(band15.isValid()).isTrue();
        assertThat(band15.contains(at(5, 0))).isTrue();
        assertThat(band15.contains(at(5, 0.3))).isTrue();
        assertThat(band15.contains(at(5, 1.0))).as("north bank, 3 km walk via the bridge").isFalse();
        assertThat(band15.contains(at(5, 0.7))).as("nearer to the unreached north bank").isFalse();
        assertThat(areas.catchments()).hasSize(1);
    }

    /*
     *   A block 400 m x 400 m with streets all round and no street inside: the interior (280 m x 280 m
     *   beyond the 60 m off-road reach) is a block interior, filled; the same block with an unreachable
     *   street inside keeps its hole.
     *
     *   3 -------- 2
     *   |          |
     *   |   (x)    |      (x) = optional street inside, linked to 2 only by a 3 km lane
     *   |          |
     *   0 -------- 1      S at node 0
     */
    @Test
    void shouldFillStreetFreeBlockInteriorsButNotHolesWithUnreachedStreets() {
        for (boolean inner : new boolean[]{false, true}) {
            RoadNetworkBuilder b = RoadNetwork.builder();
            int c0 = Tiny.node(b, 0, 0), c1 = Tiny.node(b, 4, 0), c2 = Tiny.node(b, 4, 4), c3 = Tiny.node(b, 0, 4);
            b.access(WALK, b.addEdge(c0, c1), 5, false);
            b.access(WALK, b.addEdge(c1, c2), 5, false);
            b.access(WALK, b.addEdge(c2, c3), 5, false);
            b.access(WALK, b.addEdge(c3, c0), 5, false);
            if (inner) {
                int i0 = Tiny.node(b, 1.8, 2), i1 = Tiny.node(b, 2.2, 2);
                b.access(WALK, b.addEdge(i0, i1), 5, false);
                // a long winding lane (3 km) links it to corner 2: on the network, but not within 15 min
                b.access(WALK, b.addEdge(i1, c2, 3000), 5, false);
            }
            RoadNetwork net = b.build();
            AccessField field = MultiSourceSearch.compute(net, WALK, List.of(net.onEdge(WALK, 0, 0.0)), 900);
            Geometry band = ServiceAreas.build(field).nested().get(2).area();
            assertThat(band.isValid()).isTrue();
            assertThat(band.contains(at(2, 2.2))).as("block centre, inner street " + inner).isEqualTo(!inner);
            assertThat(band.contains(at(2, 1.0))).as("100 m from the nearest street, inner street " + inner)
                    .isEqualTo(!inner);
            assertThat(band.contains(at(2, 0.5))).isTrue();
        }
    }
}
