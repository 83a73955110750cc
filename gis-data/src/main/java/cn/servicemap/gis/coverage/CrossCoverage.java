package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import java.util.Arrays;
import java.util.List;

/**
 * 交叉覆盖 (the 双15 goal that key urban areas reach more than one station): per district and band, the people whose
 * place reaches at least two different stations within the band — the trip to the second-nearest station (network
 * time from {@link TwoNearestSearch} at the cell's point on its street, plus the off-road walk, as for the nearest)
 * within the band. Over the same cells and people as the coverage report, so a district's people with two stations
 * never exceed those with one.
 *
 * <p><b>Road length.</b> Also per district and band, the metres of street from which two different stations are
 * within the band, over the same edges as {@link Coverage}'s road length (usable edges with a district) and with the
 * same linear model as its covered length: a point at fraction x of an edge reaches the base node in x · (the edge's
 * time against its direction) and the adj node in (1 − x) · (its time along it); a closed direction reaches nothing.
 * Station s reached through the base node in {@code t} ms covers {@code [0, a_s]} of the edge with
 * {@code a_s = (band − t) / time against}, through the adj node {@code [1 − b_s, 1]}; the two parts of one station are
 * merged first (a station met through both ends is still one station), and a point counts when it lies in the parts
 * of at least two stations. Only the two labels of each end node are needed: if a third station reaches a point
 * through an end, the end's first two stations are no slower to that end and reach the point the same way, so the
 * point already counts. Exact for this model: the length is summed between the sorted ends of the parts (at most
 * eight), O(edges × bands).
 *
 * <p>Limits: a station snapped on an edge is not counted on that edge's own length except through its end nodes, as
 * {@link Coverage}'s covered length ignores it too (so road length with two stations never exceeds road length
 * covered); people do count it (through {@link TwoNearestSearch.Result#reachAt}). Two stations at the same place count
 * as two. This record holds the figures only; {@link CrossCoverageState} holds what they are counted from and updates
 * them through what-ifs.
 *
 * @param bandMinutes ascending
 * @param region      the whole region's row (adcode and name null)
 * @param districts   per district, in the order of the coverage model
 */
public record CrossCoverage(List<Integer> bandMinutes, Row region, List<Row> districts) {

    /**
     * @param people            people on the network in the district (the population surface's cells)
     * @param peopleWithTwo     per band, people reaching two or more stations within it
     * @param roadMeters        metres of the district's streets the profile can use (as the coverage report counts them)
     * @param roadMetersWithTwo per band, metres of those streets from which two or more stations are within it
     */
    public record Row(String adcode, String nameZh, double people, List<Double> peopleWithTwo, double roadMeters,
                      List<Double> roadMetersWithTwo) {
        public Row {
            peopleWithTwo = List.copyOf(peopleWithTwo);
            roadMetersWithTwo = List.copyOf(roadMetersWithTwo);
        }
    }

    public CrossCoverage {
        bandMinutes = List.copyOf(bandMinutes);
        districts = List.copyOf(districts);
    }

    /**
     * Counts the people of every cell whose second-nearest station lies within each band, and the street length
     * from which two stations do.
     *
     * @param two the two nearest stations, searched with a limit of at least the largest band
     */
    public static CrossCoverage compute(CoverageModel model, TwoNearestSearch.Result two, List<Integer> bandMinutes) {
        return CrossCoverageState.compute(model, two, bandMinutes).report();
    }

    /**
     * The share of the edge (0..1) from which at least two different stations are within {@code limit} ms, from the
     * two labels of each end node (see the class comment).
     */
    static double shareWithTwo(TwoNearestSearch.Result two, RoadNetwork network, ProfileGraph graph, int edge, int limit) {
        int base = network.edgeBase(edge);
        int adj = network.edgeAdj(edge);
        int againstEdge = graph.timeInMillis(edge, true);
        int alongEdge = graph.timeInMillis(edge, false);
        // at most four stations: each end's two; fromBase / fromAdj is the share each covers from that end
        int[] station = new int[4];
        double[] fromBase = new double[4];
        double[] fromAdj = new double[4];
        int n = 0;
        int[][] labels = {
                {two.nearestTimeInMillis(base), two.nearestSource(base), 0},
                {two.secondTimeInMillis(base), two.secondSource(base), 0},
                {two.nearestTimeInMillis(adj), two.nearestSource(adj), 1},
                {two.secondTimeInMillis(adj), two.secondSource(adj), 1}};
        for (int[] label : labels) {
            boolean atBase = label[2] == 0;
            double share = Coverage.reachFraction(label[0], atBase ? againstEdge : alongEdge, limit);
            if (label[1] < 0 || share <= 0) {
                continue;
            }
            int k = 0;
            while (k < n && station[k] != label[1]) {
                k++;
            }
            if (k == n) {
                station[n++] = label[1];
            }
            if (atBase) {
                fromBase[k] = share;
            } else {
                fromAdj[k] = share;
            }
        }
        if (n < 2) {
            return 0;
        }
        double[] cuts = new double[2 * n + 2];
        int c = 0;
        cuts[c++] = 0;
        cuts[c++] = 1;
        for (int k = 0; k < n; k++) {
            cuts[c++] = fromBase[k];
            cuts[c++] = 1 - fromAdj[k];
        }
        Arrays.sort(cuts, 0, c);
        double share = 0;
        for (int i = 1; i < c; i++) {
            if (cuts[i] <= cuts[i - 1]) {
                continue;
            }
            // between two cuts every station either covers all of the piece or none: test its middle
            double mid = (cuts[i - 1] + cuts[i]) / 2;
            int reaching = 0;
            for (int k = 0; k < n; k++) {
                if (mid <= fromBase[k] || mid >= 1 - fromAdj[k]) {
                    reaching++;
                }
            }
            if (reaching >= 2) {
                share += cuts[i] - cuts[i - 1];
            }
        }
        return share;
    }
}
