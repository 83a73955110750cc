package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.access.TwoNearestUpdate;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * 交叉覆盖 kept up to date through what-ifs: what {@link CrossCoverage} reports (per district and band, the people and
 * the street metres that reach two or more different stations within the band, by the rules stated there), with each
 * population cell's time to its second-nearest station, so that a what-if re-counts only what it can have changed.
 *
 * <p>{@link #apply} updates it from a {@link TwoNearestUpdate} as {@link Coverage#apply} does from an access update:
 * only the cells on streets meeting a changed node or carrying a station the what-if added, moved or removed, and those
 * streets' metres, are evaluated again, before and after, and the difference goes into the per-district sums. Exact:
 * a point's two nearest stations depend only on the two labels of each end node of its street and on the stations on
 * that street ({@link TwoNearestSearch.Result#reachAt}), a street's metres with two only on the end nodes' labels; so
 * {@code apply(update)} equals {@code compute(update.result())} up to floating-point summation order (tested).
 *
 * <p>Units: times in milliseconds (a cell far from any road has −1, one without two stations within the search limit
 * {@link AccessField#UNREACHED}), bands in minutes, lengths in metres, people as estimated by the
 * {@link PopulationSurface}. Costs: {@link #compute} O(cells + edges × bands); {@link #apply} O(cells and edges around
 * the changed nodes × bands), plus copying the cell times (4 bytes a cell) and the per-district sums. Holds the
 * two-nearest result (16 bytes a node): keep the small {@link #report()} where only the figures are needed.
 *
 * <p>Immutable; an update returns a new instance and leaves this one as it was.
 */
public final class CrossCoverageState {

    /** Cell time of a place farther than the off-road limit from any street. */
    static final int FAR_FROM_ROAD = Coverage.FAR_FROM_ROAD;

    private final CoverageModel model;
    private final TwoNearestSearch.Result two;
    private final List<Integer> bandMinutes;
    private final int[] bandMillis;
    private final int[] cellSecond;           // [cell]
    private final double[] people;            // [district], the same for every what-if
    private final double[] roadMeters;        // [district], the same for every what-if
    private final double[][] peopleWithTwo;   // [district][band]
    private final double[][] metersWithTwo;   // [district][band]

    private CrossCoverageState(CoverageModel model, TwoNearestSearch.Result two, List<Integer> bandMinutes, int[] cellSecond,
                               double[] people, double[] roadMeters, double[][] peopleWithTwo, double[][] metersWithTwo) {
        this.model = model;
        this.two = two;
        this.bandMinutes = List.copyOf(bandMinutes);
        this.bandMillis = bandMinutes.stream().mapToInt(m -> m * 60_000).toArray();
        this.cellSecond = cellSecond;
        this.people = people;
        this.roadMeters = roadMeters;
        this.peopleWithTwo = peopleWithTwo;
        this.metersWithTwo = metersWithTwo;
    }

    /**
     * Full computation: every cell's second-nearest station and every street's metres with two.
     *
     * @param two         the two nearest stations, searched with a limit of at least the largest band
     * @param bandMinutes ascending, e.g. 5, 10, 15
     */
    public static CrossCoverageState compute(CoverageModel model, TwoNearestSearch.Result two, List<Integer> bandMinutes) {
        requireSameNetwork(model, two);
        int districts = model.districtCount();
        int bands = bandMinutes.size();
        CrossCoverageState c = new CrossCoverageState(model, two, bandMinutes, new int[model.cellCount()], new double[districts],
                new double[districts], new double[districts][bands], new double[districts][bands]);
        PopulationSurface surface = model.surface();
        for (int cell = 0; cell < model.cellCount(); cell++) {
            c.people[model.cellDistrict(cell)] += surface.people(cell);
            c.cellSecond[cell] = c.secondOf(two, cell);
            c.count(cell, c.cellSecond[cell], 1);
        }
        RoadNetwork network = model.network();
        ProfileGraph graph = network.graph(model.profile());
        for (int e = 0; e < network.edgeCount(); e++) {
            int d = model.edgeDistrict(e);
            if (d < 0) {
                continue;
            }
            double length = network.edgeDistanceInMeters(e);
            c.roadMeters[d] += length;
            for (int b = 0; b < bands; b++) {
                c.metersWithTwo[d][b] += CrossCoverage.shareWithTwo(two, network, graph, e, c.bandMillis[b]) * length;
            }
        }
        return c;
    }

    /**
     * 交叉覆盖 after a what-if, counted again only where the what-if changed the two nearest stations.
     *
     * @param update       a what-if on this state's {@link #twoNearest()} result, of one station or of a batch
     *                     ({@link TwoNearestSearch.Result#withSourcesChanged})
     * @param touchedEdges further edges to count again; none are needed, as the edges of the stations the what-if added,
     *                     moved or removed are found by comparing the two results' stations (accepted for symmetry with
     *                     {@link Coverage#apply})
     */
    public CrossCoverageState apply(TwoNearestUpdate update, int... touchedEdges) {
        TwoNearestSearch.Result next = update.result();
        requireSameNetwork(model, next);
        if (next.timeLimitInMillis() != two.timeLimitInMillis()) {
            throw new IllegalArgumentException("the update searched with another time limit than this state");
        }
        CrossCoverageState c = new CrossCoverageState(model, next, bandMinutes, cellSecond.clone(), people, roadMeters,
                deepCopy(peopleWithTwo), deepCopy(metersWithTwo));
        RoadNetwork network = model.network();
        BitSet edges = new BitSet(network.edgeCount());
        for (int node : update.changedNodes()) {
            for (int e : model.edgesAt(node)) {
                edges.set(e);
            }
        }
        for (int e : touchedEdges) {
            if (e >= 0) {
                edges.set(e);
            }
        }
        // a station counts for the people on its own street directly, not only through the street's end nodes
        for (int i = 0; i < next.sourceCount(); i++) {
            var before = i < two.sourceCount() ? two.source(i) : null;
            var after = next.source(i);
            if (before != after) {
                if (before != null) {
                    edges.set(before.edge());
                }
                if (after != null) {
                    edges.set(after.edge());
                }
            }
        }
        ProfileGraph graph = network.graph(model.profile());
        for (int e = edges.nextSetBit(0); e >= 0; e = edges.nextSetBit(e + 1)) {
            int d = model.edgeDistrict(e);
            if (d >= 0) {
                double length = network.edgeDistanceInMeters(e);
                for (int b = 0; b < bandMillis.length; b++) {
                    double was = CrossCoverage.shareWithTwo(two, network, graph, e, bandMillis[b]);
                    double is = CrossCoverage.shareWithTwo(next, network, graph, e, bandMillis[b]);
                    if (is != was) {
                        c.metersWithTwo[d][b] += is * length - was * length;
                    }
                }
            }
            for (int i = model.edgeCellsBegin(e); i < model.edgeCellsEnd(e); i++) {
                int cell = model.edgeCell(i);
                int before = c.cellSecond[cell];
                int after = c.secondOf(next, cell);
                if (after != before) {
                    c.count(cell, before, -1);
                    c.count(cell, after, 1);
                    c.cellSecond[cell] = after;
                }
            }
        }
        return c;
    }

    /** The figures per district and for the whole region (adcode and name null), from the sums kept here. */
    public CrossCoverage report() {
        int d = model.districtCount();
        int bands = bandMillis.length;
        List<CrossCoverage.Row> rows = new ArrayList<>();
        double total = 0;
        double totalMeters = 0;
        double[] totalTwo = new double[bands];
        double[] totalMetersTwo = new double[bands];
        for (int i = 0; i < d; i++) {
            double[] people2 = new double[bands];
            double[] meters2 = new double[bands];
            for (int b = 0; b < bands; b++) {
                // sums of what-if differences can end a hair below zero where nothing is left (e.g. −1e−12 m)
                people2[b] = Math.max(0, peopleWithTwo[i][b]);
                meters2[b] = Math.max(0, metersWithTwo[i][b]);
                totalTwo[b] += people2[b];
                totalMetersTwo[b] += meters2[b];
            }
            total += people[i];
            totalMeters += roadMeters[i];
            rows.add(new CrossCoverage.Row(model.districtAdcodes().get(i), model.districtName(i), people[i], list(people2),
                    roadMeters[i], list(meters2)));
        }
        return new CrossCoverage(bandMinutes,
                new CrossCoverage.Row(null, null, total, list(totalTwo), totalMeters, list(totalMetersTwo)), rows);
    }

    /** The two nearest stations this state counts from: make the next what-if on this one. */
    public TwoNearestSearch.Result twoNearest() {
        return two;
    }

    public CoverageModel model() {
        return model;
    }

    public List<Integer> bandMinutes() {
        return bandMinutes;
    }

    /**
     * Time from the cell's place to its second-nearest station in ms (street time plus the off-road walk), or
     * {@link AccessField#UNREACHED} when fewer than two stations are within the search limit of its street point, or
     * −1 when it is far from any road.
     */
    public int cellSecondTimeInMillis(int cell) {
        return cellSecond[cell];
    }

    /** Adds ({@code sign} 1) or removes (−1) a cell's people from the bands its second-nearest time lies within. */
    private void count(int cell, int time, int sign) {
        if (time == FAR_FROM_ROAD || time == AccessField.UNREACHED) {
            return;
        }
        int d = model.cellDistrict(cell);
        double p = sign * model.surface().people(cell);
        for (int b = 0; b < bandMillis.length; b++) {
            if (time <= bandMillis[b]) {
                peopleWithTwo[d][b] += p;
            }
        }
    }

    /** The cell's second-nearest time with the off-road walk (not capped at the search limit: the bands are). */
    private int secondOf(TwoNearestSearch.Result result, int cell) {
        int edge = model.cellEdge(cell);
        if (edge < 0) {
            return FAR_FROM_ROAD;
        }
        int second = result.reachAt(edge, model.cellFraction(cell))[2];
        return second == AccessField.UNREACHED ? AccessField.UNREACHED : second + model.cellOffRoadMillis(cell);
    }

    private static void requireSameNetwork(CoverageModel model, TwoNearestSearch.Result two) {
        if (two.network() != model.network() || two.profile() != model.profile()) {
            throw new IllegalArgumentException("the two nearest stations are for another network or profile than the model");
        }
    }

    private static List<Double> list(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
