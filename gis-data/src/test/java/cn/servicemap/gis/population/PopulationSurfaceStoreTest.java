package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.CacheDiskFullException;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.testdata.SmallDisk;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    @Test
    void shouldDeleteThePartialFileAndSayHowMuchIsFreeWhenTheDiskFillsUp() throws IOException {
        try (SmallDisk disk = SmallDisk.mount("1m")) {
            Path small = disk.root().resolve("population");
            Files.createDirectories(small);
            Files.write(small.resolve("0123456789abcdef.population"), new byte[4 << 10]); // a surface of other inputs
            disk.fill("filler", 8 << 10); // the new surface takes about 50 KB: 8 are left, and the old file's 4

            assertThatThrownBy(() -> PopulationSurfaceStore.fromOsm(TestData.nanjingOsm(), districts, census, options, small))
                    .isInstanceOf(CacheDiskFullException.class)
                    .hasMessageStartingWith("人口分布缓存文件夹 " + small.toAbsolutePath() + " 所在的磁盘已满。")
                    .hasMessageContaining("(the disk of the population surface cache folder " + small.toAbsolutePath() + " is full.")
                    .hasMessageContaining(String.format(Locale.ROOT, "%,d bytes", disk.usableBytes()))
                    .rootCause().hasMessage("No space left on device");
            // the old surface was deleted before the new one was written, the partial file after the failure
            assertThat(disk.contents()).containsExactly("filler", "population");
        }
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
