package cn.servicemap.gis.population;

import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Weighted places per cell: each OSM object that {@link TagWeights} gives a positive weight adds that weight to the
 * cell holding its point — a node's own position, a way's or relation's interior point ({@link Geometry#getInteriorPoint},
 * inside a polygon, on a line), so a restaurant mapped as a building outline counts once, like one mapped as a node.
 * Objects in no cell ({@link CellLocator}) are counted apart. Costs O(cells + objects).
 *
 * @param values         weight per cell, in cell order
 * @param placesInside   objects that landed in a cell
 * @param weightInside   their weight, = the sum of {@code values}
 * @param placesOutside  objects with a positive weight in no cell (beyond the study area)
 * @param weightOutside  their weight
 * @param countByCondition objects in cells by the condition that gave their weight, in the weights' order
 */
record PlaceTally(double[] values, int placesInside, double weightInside, int placesOutside, double weightOutside,
                  Map<String, Integer> countByCondition) {

    static PlaceTally of(PopulationSurface cells, List<OsmFeature> features, TagWeights weights) {
        CellLocator locator = new CellLocator(cells);
        double[] values = new double[cells.size()];
        Map<String, Integer> byCondition = new LinkedHashMap<>();
        weights.weights().keySet().forEach(c -> byCondition.put(c, 0));
        int inside = 0;
        int outside = 0;
        double weightInside = 0;
        double weightOutside = 0;
        for (OsmFeature f : features) {
            String condition = weights.conditionOf(f.tags());
            if (condition == null || f.geometry().isEmpty()) {
                continue;
            }
            double w = weights.weights().get(condition);
            Point p = f.geometry() instanceof Point point ? point : f.geometry().getInteriorPoint();
            int cell = p.isEmpty() ? -1 : locator.cellAt(p.getX(), p.getY());
            if (cell < 0) {
                outside++;
                weightOutside += w;
            } else {
                values[cell] += w;
                inside++;
                weightInside += w;
                byCondition.merge(condition, 1, Integer::sum);
            }
        }
        byCondition.values().removeIf(n -> n == 0);
        return new PlaceTally(values, inside, weightInside, outside, weightOutside, Collections.unmodifiableMap(byCondition));
    }

    /** "36 amenity=restaurant, 28 amenity=cafe, …": what landed in the cells, for a method sentence. */
    String counted() {
        List<String> parts = new ArrayList<>();
        countByCondition.forEach((condition, n) -> parts.add(n + " " + condition));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    static String amount(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }
}
