package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.CacheDiskFullException;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.NanjingCore;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.population.PopulationSurfaceStore;
import cn.servicemap.gis.testdata.SmallDisk;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A region loaded as the app loads it (graph and population surface in one cache folder, at the same time) onto a disk
 * of 2 MB: one exception, and once the caller has it, no part is still writing and no graph or manifest is left.
 */
class RegionModelDiskFullTest {

    @Test
    void shouldThrowOneExceptionAfterBothPartsHaveStoppedAndLeaveNoPartialCache() throws IOException {
        List<DistrictBoundary> districts;
        try (InputStream in = Files.newInputStream(TestData.sharedFile("admin-boundaries-datav/320100_full.json"))) {
            districts = DistrictBoundaryReader.read(in, CoordinateSystem.GCJ02);
        }
        Map<String, cn.servicemap.gis.districts.CensusRecord> census;
        try (InputStream in = Files.newInputStream(TestData.sharedFile("census2020-county/population.csv"))) {
            census = CensusTable.read(in).records();
        }
        Path osm = NanjingCore.osmFile();
        try (SmallDisk disk = SmallDisk.mount("2m")) {
            Path cache = disk.root().resolve("nanjing");
            RegionModel.SurfaceSource surface = () -> PopulationSurfaceStore.fromOsm(osm, districts, census,
                    PopulationSurface.Options.defaults(), cache.resolve("population"));

            assertThatThrownBy(() -> RegionModel.load(osm, cache, EnumSet.allOf(TravelProfile.class), surface,
                    new DistrictLocator(districts, 200), 200, 2))
                    .isInstanceOf(CacheDiskFullException.class)
                    .hasMessageContaining("the disk of the road network cache folder " + cache.toAbsolutePath() + " is full");

            List<String> left = disk.contents();
            // the surface (about 50 KB) was stored whole before the graph filled the disk, or its partial file deleted
            assertThat(left).doesNotContain("nanjing/graph", "nanjing/manifest.properties")
                    .noneMatch(p -> p.endsWith(".tmp"))
                    .allMatch(p -> p.equals("nanjing") || p.startsWith("nanjing/population"));
        }
    }
}
