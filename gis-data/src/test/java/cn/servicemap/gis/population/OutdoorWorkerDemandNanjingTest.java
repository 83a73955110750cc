package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.testdata.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The demand surfaces of riders, sanitation workers and drivers on the cells of the Nanjing Xinjiekou residents'
 * surface (real OSM, DataV districts, the 2020 census), each checked against a computation of its own: brute-force
 * point-in-polygon over every cell, per-way JTS intersections, the study area's road raster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutdoorWorkerDemandNanjingTest {

    /** 新街口 roundabout, the commercial centre of Nanjing (WGS84). */
    static final double XINJIEKOU_LON = 118.7844;
    static final double XINJIEKOU_LAT = 32.0415;

    PopulationSurface residents;
    List<OsmFeature> features;
    OutdoorWorkerDemand demand;

    @BeforeAll
    void build() {
        residents = PopulationSurface.fromOsm(TestData.nanjingOsm(), PopulationSurfaceNanjingTest.nanjingDistricts(),
                PopulationSurfaceNanjingTest.census(), PopulationSurface.Options.defaults());
        demand = OutdoorWorkerDemand.fromOsm(TestData.nanjingOsm(), residents, OutdoorWorkerDemand.Options.defaults());
        features = OsmFeatureReader.read(TestData.nanjingOsm(), OutdoorWorkerDemand.Options.defaults()::wants);
    }

    @Test
    void shouldPutEveryDemandOnTheResidentsCellsAndSayWhatItCounts() {
        for (PopulationSurface s : List.of(demand.riders(), demand.sanitation(), demand.drivers())) {
            assertThat(s.hasSameCells(residents)).isTrue();
            assertThat(residents.hasSameCells(s)).isTrue();
            assertThat(s.size()).isEqualTo(residents.size());
            assertThat(s.districtAdcodes()).isEqualTo(residents.districtAdcodes());
            for (int i = 0; i < s.size(); i++) {
                assertThat(s.lon(i)).isEqualTo(residents.lon(i));
                assertThat(s.districtIndex(i)).isEqualTo(residents.districtIndex(i));
                assertThat(s.people(i)).isNotNegative().isFinite();
            }
            assertThat(s.demand().methodZh()).isNotBlank();
            assertThat(s.demand().methodEn()).isNotBlank();
            assertThat(s.demand().relative()).isTrue();
            // each district's share keeps its areas and residents and states the demand's own sum there
            for (DistrictShare share : s.shares()) {
                DistrictShare r = residents.share(share.adcode());
                assertThat(share.coveredAreaKm2()).isEqualTo(r.coveredAreaKm2());
                assertThat(share.estimatedPeople()).isEqualTo(r.estimatedPeople());
                assertThat(share.method()).contains(r.coveredPart()).contains(s.demand().kind().labelEn())
                        .contains(share.cells() > 0 ? s.demand().unitEn() : "no cells");
            }
        }
        assertThat(residents.demand().kind()).isEqualTo(DemandKind.RESIDENTS);
        assertThat(demand.riders().demand().kind()).isEqualTo(DemandKind.RIDERS);
        assertThat(demand.riders().demand().methodEn()).contains("not a count of riders").contains("amenity=restaurant ×1");
        assertThat(demand.sanitation().demand().kind()).isEqualTo(DemandKind.SANITATION);
        assertThat(demand.drivers().demand().kind()).isEqualTo(DemandKind.DRIVERS);
        // the residents themselves are untouched
        assertThat(residents.totalPeople()).isBetween(50_000L, 100_000L);
    }

    @Test
    void shouldSumRiderDemandToTheWeightedOutletsThatLieInCells() {
        double[] expected = new double[residents.size()];
        double outside = 0;
        int outlets = 0;
        for (OsmFeature f : features) {
            double w = RiderDemand.DEFAULT_WEIGHTS.weightOf(f.tags());
            if (w == 0) {
                continue;
            }
            outlets++;
            int cell = cellByBruteForce(point(f.geometry()));
            if (cell < 0) {
                outside += w;
            } else {
                expected[cell] += w;
            }
        }
        double total = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(demand.riders().people(i)).as("cell %d", i).isCloseTo(expected[i], within(1e-9));
            total += expected[i];
        }
        // measured: 164 outlets in the cells weigh 167.25, 6 (4.5) lie beyond the study area
        assertThat(outlets).isEqualTo(170);
        assertThat(demand.riders().total()).isCloseTo(total, within(1e-9)).isCloseTo(167.25, within(1e-9));
        assertThat(outside).isEqualTo(4.5);
        assertThat(demand.riders().demand().methodEn()).contains("164 outlets in the cells weigh 167.25")
                .contains("6 outlets weighing 4.50 lie outside");
    }

    @Test
    void shouldConcentrateRiderDemandWhereTheRestaurantsAreNotWhereThePeopleLive() {
        Set<String> food = Set.of("restaurant", "fast_food", "cafe");
        int[] restaurants = new int[residents.size()];
        for (OsmFeature f : features) {
            if (food.contains(f.tags().getOrDefault("amenity", ""))) {
                int cell = cellByBruteForce(point(f.geometry()));
                if (cell >= 0) {
                    restaurants[cell]++;
                }
            }
        }
        int mostRestaurants = 0;
        int mostPeople = 0;
        for (int i = 0; i < residents.size(); i++) {
            mostRestaurants = restaurants[i] > restaurants[mostRestaurants] ? i : mostRestaurants;
            mostPeople = residents.people(i) > residents.people(mostPeople) ? i : mostPeople;
        }
        PopulationSurface riders = demand.riders();
        assertThat(restaurants[mostRestaurants]).isGreaterThanOrEqualTo(3);
        assertThat(riders.people(mostRestaurants)).isGreaterThan(riders.people(mostPeople));
        assertThat(residents.people(mostRestaurants)).isLessThan(residents.people(mostPeople));
        // and over a district-sized patch: the half kilometre around 新街口 holds a larger share of the riders' demand
        // than of the residents (measured: 23 % against 16 %)
        double riderShare = 0;
        double residentShare = 0;
        for (int i = 0; i < residents.size(); i++) {
            if (metresFromXinjiekou(i) < 500) {
                riderShare += riders.people(i) / riders.total();
                residentShare += residents.people(i) / residents.total();
            }
        }
        assertThat(riderShare).isGreaterThan(residentShare * 1.25);
    }

    @Test
    void shouldMeasureSanitationWithUnitWeightsAsTheWalkableRoadLengthInEachCell() {
        PopulationSurface metres = SanitationDemand.of(residents, features, SanitationDemand.UNIT_WEIGHTS);
        assertThat(metres.demand().relative()).isFalse();
        assertThat(metres.demand().unitEn()).isEqualTo("metres of walkable road");
        List<Geometry> walkable = walkableMetric();
        // the study area's own road raster, on the same grid lines (multiples of the cell size in the same projection)
        List<OsmFeature> roads = features.stream().filter(f -> WalkableRoads.isWalkable(f.tags())).toList();
        RoadRaster raster = RoadRaster.of(roads, residents.projection(), residents.cellSizeInMeters(), 0);
        double total = 0;
        int wholeSquares = 0;
        for (int i = 0; i < residents.size(); i++) {
            Polygon cell = metricOutline(i);
            double expected = 0;
            for (Geometry road : walkable) {
                if (road.getEnvelopeInternal().intersects(cell.getEnvelopeInternal())) {
                    expected += cell.intersection(road).getLength();
                }
            }
            assertThat(metres.people(i)).as("cell %d", i).isCloseTo(expected, within(1e-6 + expected * 1e-9));
            total += expected;
            if (residents.isWholeSquare(i)) {
                wholeSquares++;
                Envelope box = cell.getEnvelopeInternal();
                int square = raster.grid.cellAt(box.centre().x, box.centre().y);
                assertThat(metres.people(i)).as("whole square %d", i).isCloseTo(raster.lengthInMeters[square], within(1e-6));
            }
        }
        assertThat(wholeSquares).isGreaterThan(residents.size() / 2);
        assertThat(metres.total()).isCloseTo(total, within(1e-6));
        // measured: about 75 km of walkable road in the 5.3 km² study area
        assertThat(metres.total() / 1000).isBetween(50.0, 100.0);
        assertThat(metres.demand().methodEn()).startsWith("metres of walkable road per cell");
    }

    @Test
    void shouldWeighSanitationByRoadClass() {
        List<OsmFeature> roads = features.stream().filter(f -> WalkableRoads.isWalkable(f.tags())).toList();
        PopulationSurface weighted = demand.sanitation();
        double total = 0;
        for (OsmFeature road : roads) {
            double w = SanitationDemand.DEFAULT_WEIGHTS.weightOf(road.tags());
            Geometry line = residents.projection().toMetric(road.geometry() instanceof Polygon p ? p.getExteriorRing() : road.geometry());
            for (int i = 0; i < residents.size(); i++) {
                Polygon cell = metricOutline(i);
                if (line.getEnvelopeInternal().intersects(cell.getEnvelopeInternal())) {
                    total += w * cell.intersection(line).getLength();
                }
            }
        }
        assertThat(weighted.total()).isCloseTo(total, within(total * 1e-9));
        assertThat(SanitationDemand.DEFAULT_WEIGHTS.weightOf(java.util.Map.of("highway", "primary"))).isEqualTo(2);
        assertThat(SanitationDemand.DEFAULT_WEIGHTS.weightOf(java.util.Map.of("highway", "footway"))).isEqualTo(0.5);
        assertThat(SanitationDemand.DEFAULT_WEIGHTS.weightOf(java.util.Map.of("highway", "living_street"))).isEqualTo(1);
        assertThat(weighted.demand().unitEn()).isEqualTo("weighted road metres (relative units)");
    }

    @Test
    void shouldWeighDriversByTheirStopsAndCountTheFuelStation() {
        double[] expected = new double[residents.size()];
        for (OsmFeature f : features) {
            double w = DriverDemand.DEFAULT_PLACE_WEIGHTS.weightOf(f.tags());
            int cell = w > 0 ? cellByBruteForce(point(f.geometry())) : -1;
            if (cell >= 0) {
                expected[cell] += w;
            }
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(demand.drivers().people(i)).isCloseTo(expected[i], within(1e-9));
        }
        // the core's one fuel station (a way) and 13 car parks; no industrial land, no truck parking
        int fuel = features.stream().filter(f -> "fuel".equals(f.tag("amenity"))).mapToInt(f -> cellByBruteForce(point(f.geometry())))
                .findFirst().orElseThrow();
        assertThat(fuel).isNotNegative();
        assertThat(demand.drivers().people(fuel)).isGreaterThanOrEqualTo(1.0);
        assertThat(demand.drivers().total()).isCloseTo(1 + 13 * 0.1, within(1e-9));
        assertThat(demand.drivers().demand().methodEn()).contains("1 amenity=fuel, 13 amenity=parking");
    }

    @Test
    void shouldReadTheFileOnceForAllThree() {
        // the one reading keeps walkable roads and every weighted object, nothing else
        assertThat(features).allSatisfy(f -> assertThat(OutdoorWorkerDemand.Options.defaults().wants(f.tags())).isTrue());
        assertThat(demand.timings().readMs()).isPositive();
        OutdoorWorkerDemand again = OutdoorWorkerDemand.of(residents, features, OutdoorWorkerDemand.Options.defaults());
        for (int i = 0; i < residents.size(); i++) {
            assertThat(again.riders().people(i)).isEqualTo(demand.riders().people(i));
            assertThat(again.sanitation().people(i)).isEqualTo(demand.sanitation().people(i));
            assertThat(again.drivers().people(i)).isEqualTo(demand.drivers().people(i));
        }
    }

    private double metresFromXinjiekou(int cell) {
        Coordinate a = residents.projection().toMetric(residents.lon(cell), residents.lat(cell));
        Coordinate b = residents.projection().toMetric(XINJIEKOU_LON, XINJIEKOU_LAT);
        return a.distance(b);
    }

    private static Point point(Geometry g) {
        return g instanceof Point p ? p : g.getInteriorPoint();
    }

    /** The first cell whose WGS84 outline covers the point, by testing every cell: independent of CellLocator. */
    private int cellByBruteForce(Point p) {
        for (int i = 0; i < residents.size(); i++) {
            if (residents.cellPolygon(i).covers(p)) {
                return i;
            }
        }
        return -1;
    }

    /** The cell's WGS84 outline projected: independent of the surface's metric grid. */
    private Polygon metricOutline(int cell) {
        return (Polygon) residents.projection().toMetric(residents.cellPolygon(cell));
    }

    private List<Geometry> walkableMetric() {
        List<Geometry> out = new ArrayList<>();
        for (OsmFeature f : features) {
            if (WalkableRoads.isWalkable(f.tags())) {
                out.add(residents.projection().toMetric(f.geometry() instanceof Polygon p ? p.getExteriorRing() : f.geometry()));
            }
        }
        return out;
    }
}
