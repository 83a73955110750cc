package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.ArrayList;
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
 * covered); people do count it (through {@link TwoNearestSearch.Result#reachAt}). Computed from scratch, not updated
 * by what-ifs. Two stations at the same place count as two.
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
        int d = model.districtCount();
        int bands = bandMinutes.size();
        double[] people = new double[d];
        double[][] withTwo = new double[d][bands];
        PopulationSurface surface = model.surface();
        for (int cell = 0; cell < model.cellCount(); cell++) {
            int district = model.cellDistrict(cell);
            double p = surface.people(cell);
            people[district] += p;
            int edge = model.cellEdge(cell);
            if (edge < 0) {
                continue;
            }
            int second = two.reachAt(edge, model.cellFraction(cell))[2];
            if (second == AccessField.UNREACHED) {
                continue;
            }
            long t = (long) second + model.cellOffRoadMillis(cell);
            for (int b = 0; b < bands; b++) {
                if (t <= bandMinutes.get(b) * 60_000L) {
                    withTwo[district][b] += p;
                }
            }
        }
        double[] meters = new double[d];
        double[][] metersWithTwo = new double[d][bands];
        RoadNetwork network = model.network();
        ProfileGraph graph = network.graph(model.profile());
        for (int e = 0; e < network.edgeCount(); e++) {
            int district = model.edgeDistrict(e);
            if (district < 0) {
                continue;
            }
            double length = network.edgeDistanceInMeters(e);
            meters[district] += length;
            for (int b = 0; b < bands; b++) {
                metersWithTwo[district][b] += shareWithTwo(two, network, graph, e, bandMinutes.get(b) * 60_000) * length;
            }
        }
        List<Row> rows = new ArrayList<>();
        double total = 0;
        double totalMeters = 0;
        double[] totalTwo = new double[bands];
        double[] totalMetersTwo = new double[bands];
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < bands; b++) {
                totalTwo[b] += withTwo[i][b];
                totalMetersTwo[b] += metersWithTwo[i][b];
            }
            total += people[i];
            totalMeters += meters[i];
            rows.add(new Row(model.districtAdcodes().get(i), model.districtName(i), people[i], list(withTwo[i]), meters[i],
                    list(metersWithTwo[i])));
        }
        return new CrossCoverage(bandMinutes, new Row(null, null, total, list(totalTwo), totalMeters, list(totalMetersTwo)),
                rows);
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

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
