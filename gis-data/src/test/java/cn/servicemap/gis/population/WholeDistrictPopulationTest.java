package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A district wholly inside the area an extract declares (its {@code <bounds>}) gets all its census people; one
 * reaching beyond it keeps the covered share; a file without bounds changes nothing. On the Nanjing core extract,
 * with a made-up district the size of the core (partly without roads, so its covered share is below one) and the
 * real 秦淮区 (reaching far beyond the core).
 */
class WholeDistrictPopulationTest {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final String CORE = "999001";
    private static final long CORE_PEOPLE = 50_000;

    @TempDir
    Path dir;

    @Test
    void shouldCountAllPeopleOfADistrictWhollyInsideTheExtractAndTheCoveredShareOfOthers() throws IOException {
        DistrictBoundary qinhuai = PopulationSurfaceNanjingTest.nanjingDistricts().stream()
                .filter(d -> d.adcode().equals(PopulationSurfaceNanjingTest.QINHUAI)).findFirst().orElseThrow();
        Map<String, CensusRecord> census = new LinkedHashMap<>(PopulationSurfaceNanjingTest.census());

        // without bounds (the fixture is an Overpass answer): the covered share only
        PopulationSurface.Options options = PopulationSurface.Options.defaults();
        Envelope roads = PopulationSurface.fromOsm(TestData.nanjingOsm(), List.of(qinhuai), census, options)
                .studyArea().geometry().getEnvelopeInternal();
        DistrictBoundary core = new DistrictBoundary(CORE, "核心测试区", "320100", "district", rectangle(roads), 1);
        census.put(CORE, new CensusRecord(CORE, "核心测试区", CORE_PEOPLE, null));
        List<DistrictBoundary> districts = List.of(core, qinhuai);
        PopulationSurface plain = PopulationSurface.fromOsm(TestData.nanjingOsm(), districts, census, options);
        DistrictShare coreShare = plain.share(CORE);
        assertThat(coreShare.coveredShareOfArea()).isBetween(0.3, 0.95);
        assertThat(coreShare.estimatedPeople()).isEqualTo(Math.round(CORE_PEOPLE * coreShare.coveredShareOfArea()));

        // the same file declaring bounds a little larger than the core district
        Envelope declared = new Envelope(roads);
        declared.expandBy(0.002);
        PopulationSurface bounded = PopulationSurface.fromOsm(withBounds(declared), districts, census, options);
        DistrictShare whole = bounded.share(CORE);
        assertThat(whole.estimatedPeople()).isEqualTo(CORE_PEOPLE);
        assertThat(peopleOf(bounded, CORE)).isEqualTo(CORE_PEOPLE);
        assertThat(whole.coveredShareOfArea()).isEqualTo(coreShare.coveredShareOfArea());
        assertThat(whole.method()).contains("wholly inside the OSM extract").contains("50,000");
        // 秦淮区 reaches beyond the declared bounds: unchanged
        DistrictShare q = bounded.share(PopulationSurfaceNanjingTest.QINHUAI);
        assertThat(q.estimatedPeople()).isEqualTo(plain.share(PopulationSurfaceNanjingTest.QINHUAI).estimatedPeople())
                .isLessThan(q.censusPeople() / 4);
        assertThat(q.method()).contains("mean density").doesNotContain("wholly inside");
    }

    private static long peopleOf(PopulationSurface surface, String adcode) {
        int index = surface.districtAdcodes().indexOf(adcode);
        double sum = 0;
        for (int i = 0; i < surface.size(); i++) {
            if (surface.districtIndex(i) == index) {
                sum += surface.people(i);
            }
        }
        return Math.round(sum);
    }

    private static MultiPolygon rectangle(Envelope e) {
        Polygon p = (Polygon) WGS84.toGeometry(e);
        return WGS84.createMultiPolygon(new Polygon[]{p});
    }

    /** The fixture with a {@code <bounds>} element where the OSM API puts it, written to a temporary file. */
    private Path withBounds(Envelope e) throws IOException {
        String osm = Files.readString(TestData.nanjingOsm(), StandardCharsets.UTF_8);
        int at = osm.indexOf("<node");
        String bounds = String.format(Locale.ROOT, "<bounds minlat=\"%.7f\" minlon=\"%.7f\" maxlat=\"%.7f\" maxlon=\"%.7f\"/>\n  ",
                e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX());
        Path file = dir.resolve("core-with-bounds.osm");
        Files.writeString(file, osm.substring(0, at) + bounds + osm.substring(at), StandardCharsets.UTF_8);
        return file;
    }
}
