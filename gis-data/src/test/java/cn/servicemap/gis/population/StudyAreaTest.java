package cn.servicemap.gis.population;

import static cn.servicemap.gis.population.StreetPlan.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.testdata.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class StudyAreaTest {

    static final StudyArea.Options DEFAULTS = StudyArea.Options.defaults();

    @Nested
    class OnHandMadeNetworks {

        @Test
        void shouldTakeAStreetMeshButNotTheLoneRoadLeavingIt() {
            //  +-+-+-+-+-+-+-+-+-+-+            1 km × 1 km of streets every 100 m,
            //  | | | | | | | | | | |
            //  +-+-+-+-+-+-+-+-+-+-+------------------------------  and one road 3 km east
            //  | | | | | | | | | | |
            //  +-+-+-+-+-+-+-+-+-+-+
            StudyArea area = StudyArea.fromRoads(new StreetPlan()
                    .mesh(0, 0, 1000, 1000, 100, null)
                    .road("primary", 1000, 500, 4000, 500)
                    .ways(), DEFAULTS);

            assertThat(contains(area, 500, 500)).isTrue();
            assertThat(contains(area, 50, 950)).isTrue();
            assertThat(contains(area, 1500, 500)).isFalse();
            assertThat(contains(area, 3500, 500)).isFalse();
            // the mesh and at most the one-cell rim the 300 m window adds around it
            assertThat(area.areaKm2()).isBetween(1.0, 1.45);
            assertThat(area.geometry().isValid()).isTrue();
            assertThat(area.geometry().getSRID()).isEqualTo(4326);
            assertThat(area.geometry().getNumGeometries()).isEqualTo(1);
        }

        @Test
        void shouldDropADualCarriagewayWithSideStreetsAlongItsLength() {
            //      |     |     |     |     |          side streets of 100 m every 150 m
            //  ====+=====+=====+=====+=====+====      two carriageways 30 m apart, 4 km
            //  ====+=====+=====+=====+=====+====
            //      |     |     |     |     |
            // 11 km of road per km² and 4 junctions in every 300 m window: dense cells, but only a
            // strip 3 cells wide, which the 200 m opening removes.
            StreetPlan plan = new StreetPlan();
            for (double x = 0; x < 4000; x += 150) {
                plan.road("trunk", x, 0, x + 150, 0).road("trunk", x, 30, x + 150, 30);
                plan.road("residential", x, 30, x, 130).road("residential", x, 0, x, -100);
            }
            StudyArea area = StudyArea.fromRoads(plan.ways(), DEFAULTS);

            assertThat(area.geometry().isEmpty()).isTrue();
            assertThat(area.areaKm2()).isZero();
        }

        @Test
        void shouldFillASuperblockWithoutStreetsButNotALake() {
            // 2 km of mesh around a 500 m × 500 m block without streets (0.25 km² ≤ 0.5 km²)
            StudyArea superblock = StudyArea.fromRoads(new StreetPlan()
                    .mesh(0, 0, 2000, 2000, 100, new Envelope(700, 1200, 700, 1200)).ways(), DEFAULTS);
            assertThat(contains(superblock, 950, 950)).isTrue();
            assertThat(superblock.geometry().getNumGeometries()).isEqualTo(1);
            assertThat(((org.locationtech.jts.geom.Polygon) superblock.geometry().getGeometryN(0)).getNumInteriorRing())
                    .isZero();

            // 3 km of mesh around a 1.2 km × 1.2 km lake (1.44 km² > 0.5 km²)
            StudyArea lake = StudyArea.fromRoads(new StreetPlan()
                    .mesh(0, 0, 3000, 3000, 100, new Envelope(900, 2100, 900, 2100)).ways(), DEFAULTS);
            assertThat(contains(lake, 1500, 1500)).isFalse();
            assertThat(contains(lake, 500, 500)).isTrue();
            // 9 km² of mesh less the lake, give or take the rim the window adds inside and outside
            assertThat(lake.areaKm2()).isCloseTo(9.0 - 1.44, within(1.0));
        }

        @Test
        void shouldIgnoreFeaturesThatAreNotWalkableRoadsAndSayWhenThereAreNone() {
            List<OsmFeature> motorways = new ArrayList<>();
            for (OsmFeature way : new StreetPlan().mesh(0, 0, 1000, 1000, 100, null).ways()) {
                motorways.add(new OsmFeature('w', way.id(), Map.of("highway", "motorway"), way.geometry()));
            }
            assertThatThrownBy(() -> StudyArea.fromRoads(motorways, DEFAULTS)).hasMessageContaining("no walkable roads");
        }
    }

    @Nested
    class OnTheNanjingCore {

        final List<OsmFeature> roads = OsmFeatureReader.read(TestData.nanjingOsm(), WalkableRoads::isWalkable);

        @Test
        void shouldCoverTheDenseXinjiekouCoreOnly() {
            StudyArea area = StudyArea.fromRoads(roads, DEFAULTS);

            // measured: 5.20 km² in one part, lon 118.763–118.797, lat 32.035–32.053
            assertThat(area.areaKm2()).isBetween(4.5, 6.5);
            assertThat(area.geometry().isValid()).isTrue();
            assertThat(area.geometry().getNumGeometries()).isEqualTo(1);
            Envelope core = new Envelope(118.758, 118.802, 32.026, 32.058);
            assertThat(core.contains(area.geometry().getEnvelopeInternal())).isTrue();
            assertThat(area.contains(118.7835, 32.0420)).as("新街口").isTrue();
            assertThat(area.contains(118.7770, 32.0470)).as("上海路/汉中路 side").isTrue();
            assertThat(area.contains(118.8500, 32.0400)).as("5 km east of the core").isFalse();
            assertThat(area.method()).contains("5.20 km²").contains("100 m cells");
        }

        @Test
        void shouldNotFollowLongWaysFarOutOfTheCore() {
            // The extract's metro lines run 15 km out of the core. Taken as footways (the worst case:
            // a long way that is walkable), they must not drag the study area along.
            List<OsmFeature> withMetro = new ArrayList<>(roads);
            for (OsmFeature metro : OsmFeatureReader.read(TestData.nanjingOsm(), t -> "subway".equals(t.get("railway")))) {
                withMetro.add(new OsmFeature('w', metro.id(), Map.of("highway", "footway"), metro.geometry()));
            }
            Envelope metroExtent = new Envelope();
            withMetro.forEach(w -> metroExtent.expandToInclude(w.geometry().getEnvelopeInternal()));
            assertThat(metroExtent.getWidth()).as("the ways reach far").isGreaterThan(0.15);

            StudyArea area = StudyArea.fromRoads(withMetro, DEFAULTS);

            assertThat(new Envelope(118.758, 118.802, 32.026, 32.058).contains(area.geometry().getEnvelopeInternal())).isTrue();
            assertThat(area.contains(118.8434, 32.0398)).as("下马坊 station on line 2, 5 km east").isFalse();
            assertThat(area.contains(118.7913, 32.0913)).as("南京站 on line 3, 5 km north").isFalse();
            assertThat(area.areaKm2()).isLessThan(StudyArea.fromRoads(roads, DEFAULTS).areaKm2() * 1.1);
        }
    }
}
