package cn.servicemap.gis.coverage;

import cn.servicemap.gis.population.PopulationSurface;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Connected areas of the study area outside a band of a {@link Coverage}, ranked by the people living in
 * them, each with the street point where one new station would cover the most of its people.
 *
 * <p>Method: the population cells outside the band (beyond it, beyond the search limit, or far from any
 * road) are grouped by their square of the population grid (metric, the surface's cell size), and the
 * squares flood-filled with 4-neighbourhood (edge-adjacent squares; corner contact does not connect).
 * A gap's outline is the union of its cells' polygons (WGS84), its area the sum of the cells' areas, its
 * district the one holding most of its people. The site of each reported gap comes from
 * {@code SiteSuggestions}.
 *
 * <p>Limits: gaps are areas of the population surface, so land outside the study area or without people
 * is never a gap; a gap's people are surface estimates, fractional. Costs O(cells) for the flood fill, plus
 * {@code siteCandidates} incremental what-ifs and one pass over the cells each, for each of at most
 * {@code limit} gaps.
 */
public final class CoverageGaps {

    private CoverageGaps() {
    }

    /**
     * The largest gaps outside one band, most people first.
     *
     * @param bandIndex      index into {@link Coverage#bandMinutes()}
     * @param limit          at most this many gaps (ranks 1..limit)
     * @param minPeople      gaps holding fewer people are left out (and gaps with nobody, always)
     * @param siteCandidates street nodes tried per gap for the suggested site
     */
    public static List<Gap> find(Coverage coverage, int bandIndex, int limit, double minPeople, int siteCandidates) {
        CoverageModel model = coverage.model();
        int band = coverage.bandMillis(bandIndex);
        PopulationSurface surface = model.surface();
        int cellCount = model.cellCount();
        Map<Long, List<Integer>> squares = new HashMap<>();
        for (int cell = 0; cell < cellCount; cell++) {
            if (!Coverage.within(coverage.cellTimeInMillis(cell), band)) {
                squares.computeIfAbsent(square(model.cellColumn(cell), model.cellRow(cell)), k -> new ArrayList<>()).add(cell);
            }
        }
        BitSet seen = new BitSet(cellCount);
        List<int[]> components = new ArrayList<>();
        List<Double> componentPeople = new ArrayList<>();
        for (List<Integer> start : squares.values()) {
            if (seen.get(start.get(0))) {
                continue;
            }
            List<Integer> cells = new ArrayList<>();
            ArrayDeque<Long> queue = new ArrayDeque<>();
            long first = square(model.cellColumn(start.get(0)), model.cellRow(start.get(0)));
            queue.add(first);
            start.forEach(seen::set);
            double sum = 0;
            while (!queue.isEmpty()) {
                long key = queue.poll();
                for (int cell : squares.get(key)) {
                    cells.add(cell);
                    sum += surface.people(cell);
                }
                int col = (int) (key >> 32);
                int row = (int) key;
                for (long next : new long[]{square(col + 1, row), square(col - 1, row), square(col, row + 1), square(col, row - 1)}) {
                    List<Integer> neighbour = squares.get(next);
                    if (neighbour != null && !seen.get(neighbour.get(0))) {
                        neighbour.forEach(seen::set);
                        queue.add(next);
                    }
                }
            }
            if (sum >= minPeople && sum > 0) {
                components.add(cells.stream().mapToInt(Integer::intValue).toArray());
                componentPeople.add(sum);
            }
        }
        Integer[] order = new Integer[components.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -componentPeople.get(i)));
        List<Gap> gaps = new ArrayList<>();
        for (int r = 0; r < Math.min(limit, order.length); r++) {
            int[] cells = components.get(order[r]);
            List<Geometry> polygons = new ArrayList<>(cells.length);
            double area = 0;
            double[] byDistrict = new double[model.districtCount()];
            for (int cell : cells) {
                polygons.add(surface.cellPolygon(cell));
                area += surface.areaInSquareMeters(cell);
                byDistrict[model.cellDistrict(cell)] += surface.people(cell);
            }
            int major = 0;
            for (int d = 1; d < byDistrict.length; d++) {
                if (byDistrict[d] > byDistrict[major]) {
                    major = d;
                }
            }
            Geometry outline = UnaryUnionOp.union(polygons);
            gaps.add(new Gap(r + 1, coverage.bandMinutes().get(bandIndex), componentPeople.get(order[r]), area / 1e6, outline,
                    model.districtAdcodes().get(major), SiteSuggestions.best(coverage, cells, band, siteCandidates)));
        }
        return gaps;
    }

    /** A square of the population grid as one key: column in the high 32 bits, row in the low. */
    private static long square(int column, int row) {
        return ((long) column << 32) | (row & 0xffffffffL);
    }
}
