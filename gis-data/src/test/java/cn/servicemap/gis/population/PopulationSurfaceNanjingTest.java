package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.CensusTable;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.districts.DistrictBoundaryReader;
import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** The population surface of the Nanjing Xinjiekou extract, with the real districts and the 2020 census. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PopulationSurfaceNanjingTest {

    static final String XUANWU = "320102";
    static final String QINHUAI = "320104";
    static final String GULOU = "320106";
    static final String JIANYE = "320105";
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    List<DistrictBoundary> districts;
    Map<String, CensusRecord> census;
    PopulationSurface surface;

    @BeforeAll
    void build() throws IOException {
        districts = nanjingDistricts();
        census = census();
        surface = PopulationSurface.fromOsm(TestData.nanjingOsm(), districts, census, PopulationSurface.Options.defaults());
    }

    static List<DistrictBoundary> nanjingDistricts() {
        try (InputStream in = Files.newInputStream(TestData.sharedFile("admin-boundaries-datav/320100_full.json"))) {
            return DistrictBoundaryReader.read(in, CoordinateSystem.GCJ02);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, CensusRecord> census() {
        try (InputStream in = Files.newInputStream(TestData.sharedFile("census2020-county/population.csv"))) {
            return CensusTable.read(in).records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldCoverOnlyASmallPartOfTheThreeCoreDistricts() {
        Set<String> covered = surface.shares().stream().filter(s -> s.coveredAreaKm2() > 0)
                .map(DistrictShare::adcode).collect(Collectors.toSet());
        assertThat(covered).contains(XUANWU, QINHUAI, GULOU).isSubsetOf(XUANWU, QINHUAI, GULOU, JIANYE);
        assertThat(surface.districtAdcodes()).containsExactlyInAnyOrderElementsOf(covered);
        // measured: 玄武 1.51 of 75.5 km², 秦淮 2.88 of 49.1, 鼓楼 0.81 of 55.1 (the DataV outlines)
        assertThat(surface.share(XUANWU).coveredAreaKm2()).isBetween(1.0, 2.5);
        assertThat(surface.share(QINHUAI).coveredAreaKm2()).isBetween(2.0, 4.0);
        assertThat(surface.share(GULOU).coveredAreaKm2()).isBetween(0.5, 1.5);
        for (String adcode : covered) {
            DistrictShare s = surface.share(adcode);
            assertThat(s.coveredShareOfArea()).as(s.nameZh()).isLessThan(0.10);
            assertThat(s.districtAreaKm2()).as(s.nameZh()).isCloseTo(districtArea(adcode), within(districtArea(adcode) * 0.001));
        }
        double coveredKm2 = surface.shares().stream().mapToDouble(DistrictShare::coveredAreaKm2).sum();
        assertThat(coveredKm2).isBetween(4.5, 6.5).isCloseTo(surface.studyArea().areaKm2(), within(0.05));
        DistrictShare jiangning = surface.share("320115");
        assertThat(jiangning.weighting()).isEqualTo(Weighting.NOT_COVERED);
        assertThat(jiangning.estimatedPeople()).isZero();
        assertThat(jiangning.method()).contains("江宁区 is not covered");
    }

    @Test
    void shouldEstimateTheCoveredPartFromTheMeanDensityAndNeverExceedTheCensus() {
        for (DistrictShare s : surface.shares()) {
            assertThat(s.estimatedPeople()).as(s.nameZh()).isLessThanOrEqualTo(s.censusPeople())
                    .isLessThanOrEqualTo(census.get(s.adcode()).population());
            assertThat((double) s.estimatedPeople()).as(s.nameZh())
                    .isCloseTo(s.censusPeople() * s.coveredShareOfArea(), within(1.0));
        }
        // measured: 10,737 + 43,429 + 13,883; far below the 2.2 million of the three districts
        assertThat(surface.share(XUANWU).estimatedPeople()).isBetween(7_000L, 18_000L);
        assertThat(surface.share(QINHUAI).estimatedPeople()).isBetween(30_000L, 60_000L);
        assertThat(surface.share(GULOU).estimatedPeople()).isBetween(8_000L, 25_000L);
        assertThat(surface.totalPeople()).isBetween(50_000L, 100_000L);
    }

    @Test
    void shouldSumEachDistrictsCellsToItsEstimateAndItsCoveredArea() {
        Map<Integer, Double> people = new HashMap<>();
        Map<Integer, Double> areaM2 = new HashMap<>();
        Map<Integer, Integer> count = new HashMap<>();
        for (int i = 0; i < surface.size(); i++) {
            people.merge(surface.districtIndex(i), surface.people(i), Double::sum);
            areaM2.merge(surface.districtIndex(i), surface.areaInSquareMeters(i), Double::sum);
            count.merge(surface.districtIndex(i), 1, Integer::sum);
            assertThat(surface.people(i)).isNotNegative().isEqualTo(Math.rint(surface.people(i)));
            assertThat(surface.areaInSquareMeters(i)).isBetween(PopulationSurface.MIN_PIECE_IN_SQUARE_METERS, 100.0 * 100.0 + 1e-6);
        }
        for (int d = 0; d < surface.districtAdcodes().size(); d++) {
            DistrictShare s = surface.share(surface.districtAdcodes().get(d));
            assertThat(people.get(d)).as(s.nameZh()).isEqualTo((double) s.estimatedPeople());
            assertThat(areaM2.get(d) / 1e6).as(s.nameZh()).isCloseTo(s.coveredAreaKm2(), within(1e-5)); // slivers
            assertThat(count.get(d)).isEqualTo(s.cells());
        }
    }

    @Test
    void shouldPlaceEveryCellPointInsideItsCellItsDistrictAndTheStudyArea() {
        Map<String, DistrictBoundary> byCode = districts.stream()
                .collect(Collectors.toMap(DistrictBoundary::adcode, d -> d));
        for (int i = 0; i < surface.size(); i++) {
            Point p = WGS84.createPoint(new Coordinate(surface.lon(i), surface.lat(i)));
            DistrictBoundary d = byCode.get(surface.districtAdcodes().get(surface.districtIndex(i)));
            assertThat(surface.cellPolygon(i).isValid()).as("cell %d valid", i).isTrue();
            assertThat(surface.cellPolygon(i).getSRID()).isEqualTo(4326);
            assertThat(surface.cellPolygon(i).covers(p)).as("cell %d holds its point", i).isTrue();
            assertThat(d.geometry().covers(p)).as("cell %d in %s", i, d.nameZh()).isTrue();
            assertThat(surface.studyArea().geometry().covers(p)).as("cell %d in the study area", i).isTrue();
        }
        assertThat(surface.cellSizeInMeters()).isEqualTo(100);
        // ~5.2 km² of 1 ha cells, plus the pieces at district boundaries and the study area's edge
        assertThat(surface.size()).isBetween(520, 800);
    }

    @Test
    void shouldKeepCellsInTheCoreAndNoneFiveKilometresOut() {
        Envelope core = new Envelope(118.758, 118.802, 32.026, 32.058);
        for (int i = 0; i < surface.size(); i++) {
            assertThat(core.contains(surface.lon(i), surface.lat(i))).as("cell %d", i).isTrue();
        }
        assertThat(surface.studyArea().contains(118.8500, 32.0400)).isFalse();
        assertThat(surface.studyArea().contains(118.7835, 32.0420)).isTrue();
    }

    @Test
    void shouldPutMorePeopleInCellsWithResidentialTowersThanInCellsWithOnlyRoads() {
        List<OsmFeature> buildings = OsmFeatureReader.read(TestData.nanjingOsm(), BuildingTags::isBuilding);
        // building=residential|apartments of 20 storeys and more: 科巷新寓 (35), 长发中心 C/D座 (45) …
        List<Point> towers = buildings.stream()
                .filter(b -> Set.of("residential", "apartments").contains(b.tag("building")))
                .filter(b -> BuildingTags.levels(b.tags(), 6) >= 20)
                .map(b -> b.geometry().getInteriorPoint()).toList();
        assertThat(towers).hasSizeGreaterThanOrEqualTo(3);
        List<Double> towerCells = new ArrayList<>();
        List<Double> roadOnlyCells = new ArrayList<>();
        for (int i = 0; i < surface.size(); i++) {
            var cell = surface.cellPolygon(i);
            if (towers.stream().anyMatch(cell::covers)) {
                towerCells.add(surface.people(i));
            } else if (buildings.stream().noneMatch(b -> b.geometry().intersects(cell))) {
                roadOnlyCells.add(surface.people(i));
            }
        }
        assertThat(towerCells).isNotEmpty();
        assertThat(roadOnlyCells).hasSizeGreaterThan(10);
        double towerMean = towerCells.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double roadMean = roadOnlyCells.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(towerMean).isGreaterThan(2 * roadMean);
        assertThat(towerCells.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isGreaterThan(roadOnlyCells.stream().mapToDouble(Double::doubleValue).max().orElseThrow() / 2);
    }

    @Test
    void shouldSpreadByDwellingsAndNotIntoOfficeTowersOrMetroStations() {
        for (String adcode : surface.districtAdcodes()) {
            DistrictShare s = surface.share(adcode);
            assertThat(s.weighting()).as(s.nameZh()).isEqualTo(Weighting.BUILDING_FLOOR_AREA);
            assertThat(s.cellsWithBuildings()).as(s.nameZh()).isGreaterThan(s.cells() / 2);
        }
        // 新华大厦 (way 429783113: office=yes, 52 storeys, 4,600 m² footprint): as a dwelling it would make
        // its cell the fullest of the core; as an office its cell holds no more than an ordinary one.
        OsmFeature xinhua = OsmFeatureReader.read(TestData.nanjingOsm(), t -> "新华大厦".equals(t.get("name"))).get(0);
        Point inside = xinhua.geometry().getInteriorPoint();
        int found = 0;
        double median = median();
        for (int i = 0; i < surface.size(); i++) {
            if (surface.cellPolygon(i).covers(inside)) {
                found++;
                assertThat(surface.people(i)).isLessThan(3 * median);
            }
        }
        assertThat(found).isEqualTo(1);
    }

    @Test
    void shouldNameTheCoveredShareAndTheEstimateInTheMethodForTheReport() {
        DistrictShare xuanwu = surface.share(XUANWU);
        assertThat(xuanwu.method())
                .startsWith(String.format(Locale.ROOT, "covered part of 玄武区: %.2f km² of %.2f km² (%.1f %%)",
                        xuanwu.coveredAreaKm2(), xuanwu.districtAreaKm2(), 100 * xuanwu.coveredShareOfArea()))
                .contains("mean density").contains("census 537,825 people")
                .contains(String.format(Locale.ROOT, "= %,d people", xuanwu.estimatedPeople()))
                .contains("building floor area");
        assertThat(xuanwu.coveredPart()).matches("covered part of 玄武区: \\d\\.\\d\\d km² of 75\\.\\d\\d km² \\(\\d\\.\\d %\\)");
    }

    @Test
    void shouldGiveTheSameEstimatesOnCoarserCells() {
        PopulationSurface coarse = PopulationSurface.fromOsm(TestData.nanjingOsm(), districts, census,
                PopulationSurface.Options.defaults().withCellSizeInMeters(250));
        assertThat(coarse.cellSizeInMeters()).isEqualTo(250);
        assertThat(coarse.size()).isLessThan(surface.size() / 3);
        for (String adcode : surface.districtAdcodes()) {
            assertThat(coarse.share(adcode).estimatedPeople()).isCloseTo(surface.share(adcode).estimatedPeople(),
                    within(2L));
        }
        assertThat(coarse.totalPeople()).isCloseTo(surface.totalPeople(), within(5L));
    }

    @Test
    void shouldSayWhichDistrictLacksACensusFigure() {
        Map<String, CensusRecord> withoutXuanwu = new HashMap<>(census);
        withoutXuanwu.remove(XUANWU);
        List<OsmFeature> roads = OsmFeatureReader.read(TestData.nanjingOsm(), WalkableRoads::isWalkable);
        assertThatThrownBy(() -> PopulationSurface.build(districts, withoutXuanwu, roads, List.of(),
                PopulationSurface.Options.defaults()))
                .hasMessageContaining("320102").hasMessageContaining("玄武区").hasMessageContaining("census");
    }

    private double districtArea(String adcode) {
        return districts.stream().filter(d -> d.adcode().equals(adcode)).findFirst().orElseThrow().areaKm2();
    }

    private double median() {
        double[] people = new double[surface.size()];
        for (int i = 0; i < people.length; i++) {
            people[i] = surface.people(i);
        }
        java.util.Arrays.sort(people);
        return people[people.length / 2];
    }
}
