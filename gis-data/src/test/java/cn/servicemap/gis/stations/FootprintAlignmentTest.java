package cn.servicemap.gis.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.osm.BuildingFootprints;
import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.testdata.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The building test on real data: the shop, bank, restaurant and office nodes of the Nanjing Xinjiekou OSM extract (not
 * the buildings themselves) as a station file, against the extract's building outlines.
 */
class FootprintAlignmentTest {

    static List<Geometry> buildings;
    static List<LonLat> places;

    @BeforeAll
    static void readOsm() {
        buildings = BuildingFootprints.read(TestData.nanjingOsm());
        places = new ArrayList<>();
        for (OsmFeature f : OsmFeatureReader.read(TestData.nanjingOsm(), t -> !t.containsKey("building")
                && (t.containsKey("amenity") || t.containsKey("shop") || t.containsKey("office") || t.containsKey("tourism")))) {
            if (f.geometry() instanceof Point p) {
                places.add(new LonLat(p.getX(), p.getY()));
            }
        }
    }

    /** The places as a service would give them: moved by up to {@code scatterInMeters} (seeded), in {@code system}. */
    static List<LonLat> asFile(CoordinateSystem system, double scatterInMeters, long seed) {
        Random random = new Random(seed);
        List<LonLat> out = new ArrayList<>();
        for (LonLat p : places) {
            LonLat moved = Geodesic.destination(p.lon(), p.lat(), random.nextDouble() * 360, random.nextDouble() * scatterInMeters);
            out.add(ChinaCoordinates.fromWgs84(system, moved.lon(), moved.lat()));
        }
        return out;
    }

    @Test
    void shouldReadTheBuildingsAndPlacesOfTheNanjingCore() {
        assertThat(buildings).hasSizeGreaterThan(1000);
        assertThat(places).hasSizeGreaterThan(200);
    }

    @Test
    void shouldFindAWgs84FileInBuildingsAsDeclared() {
        FootprintAlignment.Result r = FootprintAlignment.estimate(asFile(CoordinateSystem.WGS84, 10, 1), buildings);
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.AS_DECLARED);
        assertThat(r.insideAsDeclared()).isGreaterThan(r.points() / 2);
        assertThat(r.insideAsGcj()).isLessThan(r.points() / 4);
    }

    @Test
    void shouldRecogniseGcj02AndBd09FilesByTheBuildingsTheirPointsFallInOnceConverted() {
        assertThat(FootprintAlignment.estimate(asFile(CoordinateSystem.GCJ02, 10, 2), buildings).verdict())
                .isEqualTo(SystematicOffset.Verdict.GCJ02);
        assertThat(FootprintAlignment.estimate(asFile(CoordinateSystem.BD09, 10, 3), buildings).verdict())
                .isEqualTo(SystematicOffset.Verdict.BD09);
    }

    @Test
    void shouldStillRecogniseGcj02WithThirtyMetresOfScatter() {
        FootprintAlignment.Result r = FootprintAlignment.estimate(asFile(CoordinateSystem.GCJ02, 30, 4), buildings);
        assertThat(r.verdict()).as(r.toString()).isEqualTo(SystematicOffset.Verdict.GCJ02);
        assertThat(FootprintAlignment.estimate(asFile(CoordinateSystem.WGS84, 30, 5), buildings).verdict())
                .isEqualTo(SystematicOffset.Verdict.AS_DECLARED);
    }

    @Test
    void shouldStayUndecidedOnAFewPointsOrWhereNoBuildingsAreMapped() {
        assertThat(FootprintAlignment.estimate(asFile(CoordinateSystem.GCJ02, 10, 6).subList(0, 15), buildings).verdict())
                .isEqualTo(SystematicOffset.Verdict.UNDECIDED);
        List<LonLat> east = asFile(CoordinateSystem.GCJ02, 10, 7).stream().map(p -> new LonLat(p.lon() + 0.5, p.lat())).toList();
        FootprintAlignment.Result r = FootprintAlignment.estimate(east, buildings);
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.UNDECIDED);
        assertThat(r.insideAsDeclared() + r.insideAsGcj() + r.insideAsBd()).isZero();
    }

    @Test
    void shouldComputeTheSignTestExactly() {
        assertThat(FootprintAlignment.signTestP(0, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(FootprintAlignment.signTestP(10, 10)).isCloseTo(1 / 1024.0, within(1e-12));
        assertThat(FootprintAlignment.signTestP(8, 10)).isCloseTo(56 / 1024.0, within(1e-12));
        assertThat(FootprintAlignment.signTestP(3000, 4000)).isLessThan(1e-100);
    }
}
