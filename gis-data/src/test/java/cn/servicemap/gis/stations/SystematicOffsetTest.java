package cn.servicemap.gis.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.osm.NamedPlaces;
import cn.servicemap.gis.osm.NamedPlaces.NamedPlace;
import cn.servicemap.gis.testdata.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offset estimate on real data: the named places of the Nanjing Xinjiekou OSM extract, made into station files
 * at their true WGS84 position (with the 10–40 m scatter a POI service has against OSM), and the same files in GCJ-02
 * and BD-09 read as WGS84.
 */
class SystematicOffsetTest {

    static List<NamedPlace> osm;

    @BeforeAll
    static void readOsm() {
        osm = NamedPlaces.read(TestData.nanjingOsm());
    }

    /** The OSM places as a POI service would give them: each moved by 10–40 m in a random direction (seeded). */
    static List<NamedPlace> asFile(CoordinateSystem system, long seed) {
        Random random = new Random(seed);
        List<NamedPlace> out = new ArrayList<>();
        for (NamedPlace p : osm) {
            LonLat moved = Geodesic.destination(p.lon(), p.lat(), random.nextDouble() * 360, 10 + random.nextDouble() * 30);
            LonLat in = ChinaCoordinates.fromWgs84(system, moved.lon(), moved.lat());
            out.add(new NamedPlace(p.name(), in.lon(), in.lat()));
        }
        return out;
    }

    @Test
    void shouldReadHundredsOfNamedPlacesFromTheNanjingCore() {
        assertThat(osm).hasSizeGreaterThan(150);
        assertThat(osm).allSatisfy(p -> assertThat(p.lon()).isBetween(118.6, 118.9));
    }

    @Test
    void shouldFindNoOffsetInAFileAtItsTrueWgs84Position() {
        SystematicOffset.Result r = SystematicOffset.estimate(asFile(CoordinateSystem.WGS84, 1), osm);
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.AS_DECLARED);
        assertThat(r.matches()).isGreaterThan(100);
        assertThat(r.offsetInMeters()).isLessThan(20);
    }

    @Test
    void shouldRecogniseGcj02CoordinatesReadAsWgs84() {
        SystematicOffset.Result r = SystematicOffset.estimate(asFile(CoordinateSystem.GCJ02, 2), osm);
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.GCJ02);
        assertThat(r.likelySystem()).isEqualTo(CoordinateSystem.GCJ02);
        // Nanjing: GCJ-02 is about 491 m east and 228 m south of WGS84
        assertThat(r.gcjEastInMeters()).isCloseTo(491, within(10.0));
        assertThat(r.gcjNorthInMeters()).isCloseTo(-228, within(10.0));
        assertThat(r.eastInMeters()).isCloseTo(r.gcjEastInMeters(), within(20.0));
        assertThat(r.northInMeters()).isCloseTo(r.gcjNorthInMeters(), within(20.0));
        assertThat(r.agreeing()).isGreaterThan(r.matches() / 2);
    }

    @Test
    void shouldRecogniseBd09CoordinatesReadAsWgs84() {
        SystematicOffset.Result r = SystematicOffset.estimate(asFile(CoordinateSystem.BD09, 3), osm);
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.BD09);
        assertThat(r.offsetInMeters()).isGreaterThan(1000);
    }

    @Test
    void shouldStillRecogniseGcj02WhenAThirdOfTheNamesPointAtOtherPlaces() {
        List<NamedPlace> file = new ArrayList<>(asFile(CoordinateSystem.GCJ02, 4));
        Random random = new Random(5);
        for (int i = 0; i < file.size(); i += 3) {
            // a namesake: the same name, somewhere else within 1.5 km
            NamedPlace p = file.get(i);
            LonLat elsewhere = Geodesic.destination(p.lon(), p.lat(), random.nextDouble() * 360, 200 + random.nextDouble() * 1300);
            file.set(i, new NamedPlace(p.name(), elsewhere.lon(), elsewhere.lat()));
        }
        assertThat(SystematicOffset.estimate(file, osm).verdict()).isEqualTo(SystematicOffset.Verdict.GCJ02);
    }

    @Test
    void shouldStayUndecidedOnAFewMatches() {
        List<NamedPlace> few = asFile(CoordinateSystem.GCJ02, 6).subList(0, 40).stream()
                .filter(p -> SystematicOffset.normalise(p.name()).length() >= SystematicOffset.MIN_NAME_CHARS)
                .limit(SystematicOffset.MIN_MATCHES - 1).toList();
        SystematicOffset.Result r = SystematicOffset.estimate(few, osm);
        assertThat(r.matches()).isLessThan(SystematicOffset.MIN_MATCHES);
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.UNDECIDED);
    }

    @Test
    void shouldStayUndecidedOnNamesThatMatchNothing() {
        List<NamedPlace> stations = new ArrayList<>();
        List<NamedPlace> file = asFile(CoordinateSystem.GCJ02, 7);
        for (int i = 0; i < file.size(); i++) {
            stations.add(new NamedPlace("爱心驿站" + (i + 1), file.get(i).lon(), file.get(i).lat()));
        }
        SystematicOffset.Result r = SystematicOffset.estimate(stations, osm);
        assertThat(r.matches()).isZero();
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.UNDECIDED);
    }

    /** A POI service names branches ("肯德基(新街口店)") where OSM often has the brand alone: compared without the bracket. */
    @Test
    void shouldMatchNamesWithABranchInBracketsToTheNameAlone() {
        List<NamedPlace> branches = asFile(CoordinateSystem.GCJ02, 8).stream()
                .map(p -> new NamedPlace(p.name() + "（新街口店）", p.lon(), p.lat())).toList();
        SystematicOffset.Result r = SystematicOffset.estimate(branches, osm);
        assertThat(r.verdict()).isEqualTo(SystematicOffset.Verdict.GCJ02);
        assertThat(r.matches()).isGreaterThan(100);
        List<NamedPlace> right = asFile(CoordinateSystem.WGS84, 9).stream()
                .map(p -> new NamedPlace(p.name() + "(新街口店)", p.lon(), p.lat())).toList();
        assertThat(SystematicOffset.estimate(right, osm).verdict()).isEqualTo(SystematicOffset.Verdict.AS_DECLARED);
        assertThat(SystematicOffset.base("肯德基【新街口店】")).isEqualTo("肯德基");
    }

    @Test
    void shouldCompareNamesWithoutSpacesBracketsOrWidth() {
        assertThat(SystematicOffset.normalise("中国银行（新街口 支行）")).isEqualTo(SystematicOffset.normalise("中国银行(新街口支行)"));
        assertThat(SystematicOffset.normalise("ＫＦＣ 肯德基")).isEqualTo("kfc肯德基");
    }
}
