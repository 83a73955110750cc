package cn.servicemap.gis.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.StationChecker;
import cn.servicemap.gis.testdata.TestData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class SyntheticCityTest {

    final SyntheticCity city = SyntheticCity.demo();

    @Test
    void shouldTileItsBoundsWithDistrictsThatSumToTheCityArea() {
        List<DistrictBoundary> districts = city.districts();
        assertThat(districts).hasSize(4).allSatisfy(d -> assertThat(d.adcode()).startsWith("9901"));
        Geometry union = UnaryUnionOp.union(districts.stream().map(d -> (Geometry) d.geometry()).toList());
        assertThat(union.getEnvelopeInternal()).isEqualTo(city.bounds());
        assertThat(union.getArea()).isCloseTo(city.bounds().getArea(), within(1e-12));
        double km2 = districts.stream().mapToDouble(DistrictBoundary::areaKm2).sum();
        assertThat(km2).isCloseTo(3.0 * 3.0, within(0.05)); // 20 blocks of 150 m each way
    }

    @Test
    void shouldGiveEveryDistrictADenseCityPopulation() {
        for (DistrictBoundary d : city.districts()) {
            CensusRecord r = city.census().get(d.adcode());
            assertThat(r.population() / d.areaKm2()).isBetween(8_000.0, 20_000.0);
        }
    }

    @Test
    void shouldPlaceValidSyntheticStationsAtDistinctCorners() {
        StationChecker checker = new StationChecker(TestData.catalog(), new DistrictLocator(city.districts(), 50));
        Set<String> corners = new HashSet<>();
        for (var in : city.stations(24)) {
            StationChecker.Result r = checker.check(in, CoordinateSystem.WGS84);
            assertThat(r.problems()).isEmpty();
            CheckedStation s = r.station();
            assertThat(s.source()).contains("synthetic");
            assertThat(s.adcode()).startsWith("9901");
            assertThat(corners.add(s.lon() + "," + s.lat())).isTrue();
        }
        assertThat(corners).hasSize(24);
    }

    @Test
    void shouldWriteStreetsAndARiverCrossedOnlyAtBridges(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path osm = dir.resolve("city.osm");
        long segments = city.writeOsm(osm, 4);
        // 21 east-west streets of 20 segments, 21 north-south streets of 19 segments + bridges at columns 0, 4, ..., 20
        assertThat(segments).isEqualTo(21 * 20 + 21 * 19 + 6);
        var streets = cn.servicemap.gis.osm.OsmFeatureReader.read(osm, t -> t.containsKey("highway"));
        assertThat(streets).hasSize(21 + 21 * 2 + 6);
        assertThat(streets).filteredOn(f -> "yes".equals(f.tag("bridge"))).hasSize(6);
        assertThat(streets).allSatisfy(f -> assertThat(f.tag("name")).startsWith("合成"));
        var water = cn.servicemap.gis.osm.OsmFeatureReader.read(osm, t -> "water".equals(t.get("natural")));
        assertThat(water).singleElement().satisfies(f -> assertThat(f.geometry().getArea()).isPositive());
        // No street but a bridge crosses the river.
        for (var street : streets) {
            if (!"yes".equals(street.tag("bridge"))) {
                assertThat(street.geometry().crosses(water.get(0).geometry())).as(street.tag("name")).isFalse();
            }
        }
    }

    @Test
    void shouldWriteBlocksThatARouterAndTheBasemapCanRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path osm = dir.resolve("city.osm");
        long segments = city.writeOsm(osm, 6, true);
        // GraphHopper wants every node before the first way: the import fails otherwise.
        var network = cn.servicemap.gis.network.RoadNetwork.open(osm, dir.resolve("cache"),
                java.util.EnumSet.of(cn.servicemap.gis.network.TravelProfile.WALK));
        assertThat((long) network.edgeCount()).isEqualTo(segments);
        var blocks = cn.servicemap.gis.osm.OsmFeatureReader.read(osm, t -> t.containsKey("building"));
        assertThat(blocks).hasSize(20 * 19).allSatisfy(b -> assertThat(b.geometry().isValid()).isTrue());
    }

    /**
     * A generated city is a full region: its boundary file and census table read back through the readers a real
     * city's files go through, and the population surface of its own OSM file (which declares its bounds) counts
     * every district's whole census, as for a city-wide extract.
     */
    @Test
    void shouldWriteItsDistrictsAndCensusAsTheFilesOfARealRegion(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SyntheticCity city = new SyntheticCity(7L, 116.0, 30.0, 24, 16, 150, 4, 2);
        java.nio.file.Path geojson = dir.resolve("districts.json");
        java.nio.file.Path csv = dir.resolve("census.csv");
        java.nio.file.Path osm = dir.resolve("city.osm");
        city.writeDistricts(geojson);
        city.writeCensus(csv);
        city.writeOsm(osm, 4);
        java.util.List<cn.servicemap.gis.districts.DistrictBoundary> read;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(geojson)) {
            read = cn.servicemap.gis.districts.DistrictBoundaryReader.read(in, cn.servicemap.gis.crs.CoordinateSystem.WGS84);
        }
        assertThat(read).hasSize(8);
        for (int i = 0; i < read.size(); i++) {
            cn.servicemap.gis.districts.DistrictBoundary expected = city.districts().get(i);
            assertThat(read.get(i).adcode()).isEqualTo(expected.adcode());
            assertThat(read.get(i).nameZh()).isEqualTo(expected.nameZh());
            assertThat(read.get(i).parentAdcode()).isEqualTo(expected.parentAdcode());
            assertThat(read.get(i).areaKm2()).isCloseTo(expected.areaKm2(), org.assertj.core.data.Offset.offset(1e-4));
        }
        java.util.Map<String, cn.servicemap.gis.districts.CensusRecord> census;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(csv)) {
            census = cn.servicemap.gis.districts.CensusTable.read(in).records();
        }
        assertThat(census).isEqualTo(city.census());
        cn.servicemap.gis.population.PopulationSurface surface = cn.servicemap.gis.population.PopulationSurface.fromOsm(osm, read,
                census, cn.servicemap.gis.population.PopulationSurface.Options.defaults());
        for (cn.servicemap.gis.population.DistrictShare share : surface.shares()) {
            assertThat(share.estimatedPeople()).as(share.adcode()).isEqualTo(share.censusPeople());
            assertThat(share.method()).contains("wholly inside the OSM extract");
        }
    }

    /**
     * Several generated cities in one instance: each names its districts after its own adcode, and its station list
     * passes the import check a union's file goes through, every row inside its districts.
     */
    @Test
    void shouldNameItsDistrictsAfterItsCodeAndWriteAStationListThatImportsCleanly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        SyntheticCity city = new SyntheticCity(9L, 117.0, 31.0, 30, 20, 150, 3, 3, "990300");
        assertThat(city.districts()).extracting(cn.servicemap.gis.districts.DistrictBoundary::adcode)
                .containsExactly("990301", "990302", "990303", "990304", "990305", "990306", "990307", "990308", "990309");
        assertThat(city.districts()).allSatisfy(d -> assertThat(d.parentAdcode()).isEqualTo("990300"));
        assertThat(new SyntheticCity(9L, 117.0, 31.0, 30, 20, 150, 3, 3).districts().get(0).adcode()).isEqualTo("990101");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SyntheticCity(9L, 117.0, 31.0, 30, 20, 150, 3, 3, "320100"))
                .isInstanceOf(IllegalArgumentException.class);

        java.nio.file.Path csv = dir.resolve("stations.csv");
        city.writeStations(csv, 40);
        StationChecker checker = new StationChecker(TestData.catalog(), new DistrictLocator(city.districts(), 50));
        cn.servicemap.gis.stations.ImportReport report;
        try (cn.servicemap.gis.table.RowSource rows = cn.servicemap.gis.table.RowSources.open(csv, "stations.csv")) {
            report = cn.servicemap.gis.stations.StationImportCheck.check(rows, "stations.csv",
                    cn.servicemap.gis.crs.CoordinateSystem.WGS84, checker, java.util.List.of());
        }
        assertThat(report.problems()).isEmpty();
        assertThat(report.goodRows()).hasSize(40);
        assertThat(report.goodRows()).allSatisfy(r -> assertThat(r.station().adcode()).startsWith("9903"));
    }
}
