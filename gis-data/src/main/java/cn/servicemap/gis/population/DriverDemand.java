package cn.servicemap.gis.population;

import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Where truck and ride-hailing drivers (货车/网约车司机) stop: a demand surface from the places they refuel, charge,
 * park and load. They travel by car, so coverage of this surface is computed with the car profile.
 *
 * <p><b>Method.</b> Two parts added per cell. <em>Places</em>: every OSM object the place weights give a positive
 * weight adds it to the cell holding its point ({@link PlaceTally}; an object takes one entry's weight, that of the
 * most specific entry it meets, {@link TagWeights}).
 * <em>Land</em>: every polygonal object the land weights give a positive weight adds weight × hectares of it inside
 * the cell; outlines of the same kind (the same condition) are unioned first so that overlapping ones are not counted
 * twice, while different kinds add up (a warehouse on industrial land counts both). A cell's value is the sum.
 *
 * <p><b>Default weights</b>, an assumption stated in every report. Places ({@link #DEFAULT_PLACE_WEIGHTS}): 1 for a
 * fuel or charging station (most ride-hailing cars in Chinese cities are electric and charge during the shift); 2 for
 * truck parking ({@code amenity=parking} with {@code hgv=yes|designated}) and motorway service areas (trucks wait there
 * for hours), 1 for a rest area; 0.5 for a taxi rank; 0.1 for any other car park (where a ride-hailing car can stop
 * between trips). Land per hectare ({@link #DEFAULT_LAND_WEIGHTS_PER_HECTARE}): 2 for logistics land
 * ({@code landuse=industrial} with {@code industrial=logistics|warehouse}, or {@code landuse=logistics}) and warehouse
 * buildings (loading bays), 0.5 for other industrial land (deliveries to factories) — so a 10 ha logistics park weighs
 * as much as 20 fuel stations.
 *
 * <p><b>Unit: weighted places, relative.</b> Not a number of drivers; only shares and comparisons mean something.
 * Limits: a city core (the Nanjing extract) has almost none of these places, and the surface is then nearly empty;
 * roads themselves (where trucks drive) are not weighted.
 */
public final class DriverDemand {

    /** Places counted once each; see the class comment. */
    public static final TagWeights DEFAULT_PLACE_WEIGHTS = TagWeights.of(
            "amenity=fuel", 1, "amenity=charging_station", 1, "amenity=parking&hgv=yes", 2,
            "amenity=parking&hgv=designated", 2, "highway=services", 2, "highway=rest_area", 1, "amenity=taxi", 0.5,
            "amenity=parking", 0.1);

    /** Land counted per hectare; see the class comment. */
    public static final TagWeights DEFAULT_LAND_WEIGHTS_PER_HECTARE = TagWeights.of(
            "landuse=industrial&industrial=logistics", 2, "landuse=industrial&industrial=warehouse", 2,
            "landuse=logistics", 2, "building=warehouse", 2, "landuse=industrial", 0.5);

    private static final double SQUARE_METERS_PER_HECTARE = 10_000;

    private DriverDemand() {
    }

    /** With the default weights. */
    public static PopulationSurface of(PopulationSurface cells, List<OsmFeature> features) {
        return of(cells, features, DEFAULT_PLACE_WEIGHTS, DEFAULT_LAND_WEIGHTS_PER_HECTARE);
    }

    /**
     * @param cells                the surface whose cells the demand is put on (usually the residents')
     * @param features             OSM objects; those neither weights give anything are ignored
     * @param placeWeights         weight of a place, counted once at its point
     * @param landWeightsPerHectare weight of a hectare of land, counted by area (polygonal objects only)
     */
    public static PopulationSurface of(PopulationSurface cells, List<OsmFeature> features, TagWeights placeWeights,
                                       TagWeights landWeightsPerHectare) {
        PlaceTally places = PlaceTally.of(cells, features, placeWeights);
        double[] values = places.values().clone();
        // the land of each kind, unioned, cut into parts of few vertices and indexed
        Map<String, List<Geometry>> byKind = new LinkedHashMap<>();
        for (OsmFeature f : features) {
            String kind = landWeightsPerHectare.conditionOf(f.tags());
            if (kind != null && f.geometry() instanceof Polygonal) {
                Geometry m = cells.projection().toMetric(f.geometry());
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(m.isValid() ? m : GeometryFixer.fix(m));
            }
        }
        STRtree land = new STRtree();
        double hectaresMapped = 0;
        for (Map.Entry<String, List<Geometry>> e : byKind.entrySet()) {
            Geometry union = UnaryUnionOp.union(e.getValue());
            hectaresMapped += union.getArea() / SQUARE_METERS_PER_HECTARE;
            double perSquareMeter = landWeightsPerHectare.weights().get(e.getKey()) / SQUARE_METERS_PER_HECTARE;
            for (Polygon part : LandIndex.parts(union)) {
                part.setUserData(perSquareMeter);
                land.insert(part.getEnvelopeInternal(), part);
            }
        }
        land.build();
        double landWeight = 0;
        double hectaresInside = 0;
        if (!byKind.isEmpty()) {
            for (int i = 0; i < values.length; i++) {
                Polygon cell = cells.metricCellPolygon(i);
                Envelope box = cell.getEnvelopeInternal();
                boolean whole = cells.isWholeSquare(i);
                for (Object o : land.query(box)) {
                    Polygon part = (Polygon) o;
                    // a whole square by clipping its rings, a cut piece (rare) by an overlay
                    double m2 = whole ? LandIndex.clippedArea(part, box) : LandIndex.overlapArea(cell, part);
                    values[i] += m2 * (Double) part.getUserData();
                    landWeight += m2 * (Double) part.getUserData();
                    hectaresInside += m2 / SQUARE_METERS_PER_HECTARE;
                }
            }
        }
        String en = String.format(Locale.ROOT, "place- and land-weighted demand in relative units, not a count of drivers: "
                        + "each fuel or charging station, truck park and other stop of the OSM extract counted at its weight "
                        + "(%s) in the cell holding it, and logistics and industrial land by area (per hectare: %s); %,d places "
                        + "in the cells weigh %s (%s), %,d weighing %s lie outside the study area and are not counted; "
                        + "%.2f ha of such land in the cells weigh %s (%.2f ha mapped in all)", placeWeights.describe(),
                landWeightsPerHectare.describe(), places.placesInside(), PlaceTally.amount(places.weightInside()),
                places.counted(), places.placesOutside(), PlaceTally.amount(places.weightOutside()), hectaresInside,
                PlaceTally.amount(landWeight), hectaresMapped);
        String zh = String.format(Locale.ROOT, "按场所和用地加权的需求（相对值，不是司机人数）：OSM 中每个加油站、充电站、货车停车场等停靠点按权重（%s）"
                        + "计入其所在网格，物流和工业用地按面积计（每公顷：%s）；网格内 %,d 个场所，权重合计 %s，研究区外 %,d 个场所（权重 %s）不计；"
                        + "网格内此类用地 %.2f 公顷，权重合计 %s", placeWeights.describe(), landWeightsPerHectare.describe(),
                places.placesInside(), PlaceTally.amount(places.weightInside()), places.placesOutside(),
                PlaceTally.amount(places.weightOutside()), hectaresInside, PlaceTally.amount(landWeight));
        return cells.withDemand(values, new Demand(DemandKind.DRIVERS, "加权停靠点数（相对值）",
                "stop weights (relative units)", zh, en, true));
    }
}
