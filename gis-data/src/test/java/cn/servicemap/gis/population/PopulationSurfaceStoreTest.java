package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A region loaded again reads its surface back: the same cells, people, outlines and shares, or builds it anew. */
class PopulationSurfaceStoreTest {

    @TempDir
    Path dir;

    final List<DistrictBoundary> districts = PopulationSurfaceNanjingTest.nanjingDistricts();
    final Map<String, CensusRecord> census = PopulationSurfaceNanjingTest.census();
    final PopulationSurface.Options options = PopulationSurface.Options.defaults();

    @Test
    void shouldReadBackExactlyTheSurfaceItStored() throws IOException {
        PopulationSurface built = PopulationSurfaceStore.fromOsm(TestData.nanjingOsm(), districts, census, options, dir);
        assertThat(stored()).hasSize(1);

        PopulationSurface read = PopulationSurfaceStore.fromOsm(TestData.nanjingOsm(), districts, census, options, dir);

        assertThat(read).isNotSameAs(built);
        assertSame(read, built);
    }

    @Test
    void shouldBuildAgainWhenTheCensusChangesAndKeepOnlyTheNewFile() throws IOException {
        PopulationSurface before = PopulationSurfaceStore.fromOsm(TestData.nanjingOsm(), districts, census, options, dir);
        Path first = stored().get(0);
        Map<String, CensusRecord> more = new LinkedHashMap<>(census);
        CensusRecord xuanwu = more.get(PopulationSurfaceNanjingTest.XUANWU);
        more.put(xuanwu.adcode(), new CensusRecord(xuanwu.adcode(), xuanwu.name(), xuanwu.population() * 2, xuanwu.urbanShare()));

        PopulationSurface after = PopulationSurfaceStore.fromOsm(TestData.nanjingOsm(), districts, more, options, dir);

        assertThat(after.share(xuanwu.adcode()).censusPeople()).isEqualTo(2 * before.share(xuanwu.adcode()).censusPeople());
        assertThat(stored()).hasSize(1).doesNotContain(first);
    }

    @Test
    void shouldBuildAgainFromATruncatedFile() throws IOException {
        PopulationSurface built = PopulationSurfaceStore.fromOsm(TestData.nanjingOsm(), districts, census, options, dir);
        Path file = stored().get(0);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        PopulationSurface again = PopulationSurfaceStore.fromOsm(TestData.nanjingOsm(), districts, census, options, dir);

        assertSame(again, built);
        assertThat(Files.size(stored().get(0))).isEqualTo(bytes.length);
    }

    private List<Path> stored() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".population")).toList();
        }
    }

    private static void assertSame(PopulationSurface a, PopulationSurface b) {
        assertThat(a.size()).isEqualTo(b.size()).isGreaterThan(100);
        assertThat(a.totalPeople()).isEqualTo(b.totalPeople());
        assertThat(a.cellSizeInMeters()).isEqualTo(b.cellSizeInMeters());
        assertThat(a.projection().centreLon()).isEqualTo(b.projection().centreLon());
        assertThat(a.studyArea()).isEqualTo(b.studyArea());
        assertThat(a.districtAdcodes()).isEqualTo(b.districtAdcodes());
        assertThat(a.shares()).isEqualTo(b.shares());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.lon(i)).isEqualTo(b.lon(i));
            assertThat(a.lat(i)).isEqualTo(b.lat(i));
            assertThat(a.people(i)).isEqualTo(b.people(i));
            assertThat(a.areaInSquareMeters(i)).isEqualTo(b.areaInSquareMeters(i));
            assertThat(a.districtIndex(i)).isEqualTo(b.districtIndex(i));
            assertThat(a.cellPolygon(i).equalsExact(b.cellPolygon(i))).isTrue();
        }
    }
}
