package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.Reach;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.BitSet;
import java.util.List;

/**
 * Who and what the stations of an {@link AccessField} cover: each population cell's travel time to its
 * nearest station (street time from the field plus the off-road walk to the street), summed per district
 * and band, street length within reach per band, and the travel-time distribution (0.1-minute buckets)
 * for mean and 90th percentile.
 *
 * <p>{@link #apply} updates all of it incrementally from an {@link AccessUpdate}: only the cells on
 * streets meeting a changed node, and those streets, are recomputed — the what-if path. A cell's time
 * depends only on its street's two end nodes and on stations on that street, so this is exact
 * ({@code apply(update)} equals {@code compute(update.field())}, up to floating-point summation order).
 *
 * <p>Units: times in milliseconds (a cell far from any road has {@link #FAR_FROM_ROAD}, one with no station
 * within the field's search limit has {@link AccessField#UNREACHED}), bands in minutes, lengths in metres,
 * people as estimated by the {@link PopulationSurface}. Costs: {@link #compute} is O(cells + edges × bands);
 * {@link #apply} O(cells and edges around the changed nodes × bands), plus copying the per-district sums.
 *
 * <p>What is derived from a coverage lives beside it: {@link #report()} (per-district figures,
 * {@code CoverageReportBuilder}), {@link CoverageComparison} (people gained and lost between two coverages)
 * and {@link CoverageGaps} (uncovered areas and where a new station would help most, {@code SiteSuggestions}).
 *
 * <p>Immutable; an update returns a new instance and leaves this one as it was.
 */
public final class Coverage {

    /** Cell time of a place farther than the off-road limit from any street. */
    static final int FAR_FROM_ROAD = -1;
    /** Width of a travel-time histogram bucket: 0.1 minute. */
    static final int BUCKET_MILLIS = 6_000;

    private final CoverageModel model;
    private final AccessField field;
    private final List<Integer> bandMinutes;
    private final int[] bandMillis;
    private final int[] cellTime;
    private final double[] people;            // [district]
    private final double[] roadMeters;        // [district]
    private final double[][] coveredPeople;   // [district][band]
    private final double[][] coveredMeters;   // [district][band]
    private final double[][] histogram;       // [district][bucket]
    private final double[] beyondLimit;       // [district]
    private final double[] farFromRoad;       // [district]

    private Coverage(CoverageModel model, AccessField field, List<Integer> bandMinutes, int[] cellTime, double[] people,
                     double[] roadMeters, double[][] coveredPeople, double[][] coveredMeters, double[][] histogram,
                     double[] beyondLimit, double[] farFromRoad) {
        this.model = model;
        this.field = field;
        this.bandMinutes = List.copyOf(bandMinutes);
        this.bandMillis = bandMinutes.stream().mapToInt(m -> m * 60_000).toArray();
        this.cellTime = cellTime;
        this.people = people;
        this.roadMeters = roadMeters;
        this.coveredPeople = coveredPeople;
        this.coveredMeters = coveredMeters;
        this.histogram = histogram;
        this.beyondLimit = beyondLimit;
        this.farFromRoad = farFromRoad;
    }

    /**
     * Full computation.
     *
     * @param field       travel times to the stations ({@code TO_SOURCES}); its limit should be at least the largest band
     * @param bandMinutes ascending, e.g. 5, 10, 15
     */
    public static Coverage compute(CoverageModel model, AccessField field, List<Integer> bandMinutes) {
        if (field.network() != model.network() || field.profile() != model.profile()) {
            throw new IllegalArgumentException("the access field is for another network or profile than the model");
        }
        for (int i = 1; i < bandMinutes.size(); i++) {
            if (bandMinutes.get(i) <= bandMinutes.get(i - 1)) {
                throw new IllegalArgumentException("bands must ascend: " + bandMinutes);
            }
        }
        int districts = model.districtCount();
        int bands = bandMinutes.size();
        int buckets = field.timeLimitInMillis() / BUCKET_MILLIS + 1;
        Coverage c = new Coverage(model, field, bandMinutes, new int[model.cellCount()], new double[districts],
                new double[districts], new double[districts][bands], new double[districts][bands],
                new double[districts][buckets], new double[districts], new double[districts]);
        PopulationSurface surface = model.surface();
        for (int cell = 0; cell < model.cellCount(); cell++) {
            c.people[model.cellDistrict(cell)] += surface.people(cell);
            c.cellTime[cell] = c.timeOf(field, cell);
            c.count(cell, c.cellTime[cell], 1);
        }
        RoadNetwork network = model.network();
        for (int e = 0; e < network.edgeCount(); e++) {
            int d = model.edgeDistrict(e);
            if (d < 0) {
                continue;
            }
            c.roadMeters[d] += network.edgeDistanceInMeters(e);
            for (int b = 0; b < bands; b++) {
                c.coveredMeters[d][b] += c.coveredLength(field, e, c.bandMillis[b]);
            }
        }
        return c;
    }

    /**
     * The coverage after a what-if, updated only where the update changed travel times. A batch update
     * ({@link AccessField#withSourcesChanged}) is applied the same way, with the edges of every station it removed
     * and added: a cell's time depends only on its street's end nodes (among the changed nodes if they changed) and
     * on the stations on its street, so those edges are all that can change.
     *
     * @param touchedEdges edges a station was added to, moved from or to, or removed from (repeats are harmless)
     */
    public Coverage apply(AccessUpdate update, int... touchedEdges) {
        AccessField next = update.field();
        Coverage c = new Coverage(model, next, bandMinutes, cellTime.clone(), people, roadMeters, deepCopy(coveredPeople),
                deepCopy(coveredMeters), deepCopy(histogram), beyondLimit.clone(), farFromRoad.clone());
        BitSet edges = new BitSet(model.network().edgeCount());
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
        for (int e = edges.nextSetBit(0); e >= 0; e = edges.nextSetBit(e + 1)) {
            int d = model.edgeDistrict(e);
            if (d >= 0) {
                for (int b = 0; b < bandMillis.length; b++) {
                    c.coveredMeters[d][b] += coveredLength(next, e, bandMillis[b]) - coveredLength(field, e, bandMillis[b]);
                }
            }
            for (int i = model.edgeCellsBegin(e); i < model.edgeCellsEnd(e); i++) {
                int cell = model.edgeCell(i);
                int before = c.cellTime[cell];
                int after = c.timeOf(next, cell);
                if (after != before) {
                    c.count(cell, before, -1);
                    c.count(cell, after, 1);
                    c.cellTime[cell] = after;
                }
            }
        }
        return c;
    }

    public AccessField field() {
        return field;
    }

    public CoverageModel model() {
        return model;
    }

    public List<Integer> bandMinutes() {
        return bandMinutes;
    }

    /** Travel time from the cell's place to its nearest station in ms, or {@link AccessField#UNREACHED}, or -1 when far from any road. */
    public int cellTimeInMillis(int cell) {
        return cellTime[cell];
    }

    /**
     * Coverage per district and for the whole region, from the sums kept here (no pass over the cells);
     * see {@code CoverageReportBuilder}. The region row has a null adcode and a null name: the caller labels it.
     */
    public CoverageReport report() {
        return CoverageReportBuilder.build(this);
    }

    // Per-district sums for the report (people in persons, lengths in metres), package-private.

    int bandCount() {
        return bandMillis.length;
    }

    /** The band's limit in ms. */
    int bandMillis(int band) {
        return bandMillis[band];
    }

    double people(int district) {
        return people[district];
    }

    double roadMeters(int district) {
        return roadMeters[district];
    }

    double coveredPeople(int district, int band) {
        return coveredPeople[district][band];
    }

    double coveredMeters(int district, int band) {
        return coveredMeters[district][band];
    }

    /** Number of travel-time buckets of {@link #BUCKET_MILLIS}; the last one holds times up to the search limit. */
    int bucketCount() {
        return histogram.length == 0 ? 0 : histogram[0].length;
    }

    /** People of the district whose time falls in the bucket. */
    double histogram(int district, int bucket) {
        return histogram[district][bucket];
    }

    double peopleBeyondLimit(int district) {
        return beyondLimit[district];
    }

    double peopleFarFromRoad(int district) {
        return farFromRoad[district];
    }

    /** Adds ({@code sign} 1) or removes (-1) a cell's people from the sums for its time. */
    private void count(int cell, int time, int sign) {
        int d = model.cellDistrict(cell);
        double p = sign * model.surface().people(cell);
        if (time == FAR_FROM_ROAD) {
            farFromRoad[d] += p;
            return;
        }
        if (time == AccessField.UNREACHED) {
            beyondLimit[d] += p;
            return;
        }
        for (int b = 0; b < bandMillis.length; b++) {
            if (time <= bandMillis[b]) {
                coveredPeople[d][b] += p;
            }
        }
        histogram[d][Math.min(histogram[d].length - 1, time / BUCKET_MILLIS)] += p;
    }

    int timeOf(AccessField f, int cell) {
        int edge = model.cellEdge(cell);
        if (edge < 0) {
            return FAR_FROM_ROAD;
        }
        Reach r = f.reachAt(edge, model.cellFraction(cell));
        if (!r.isReached()) {
            return AccessField.UNREACHED;
        }
        long t = (long) r.timeInMillis() + model.cellOffRoadMillis(cell);
        return t > f.timeLimitInMillis() ? AccessField.UNREACHED : (int) t;
    }

    /**
     * Metres of the edge from which a station is within {@code limit}: a point at fraction x reaches the
     * base node in x·(time against the edge) and the adj node in (1−x)·(time along it); the covered
     * parts are an interval from each end, and together at most the whole edge.
     */
    private double coveredLength(AccessField f, int edge, int limit) {
        ProfileGraph graph = model.network().graph(model.profile());
        double toBase = reachFraction(f.timeInMillis(model.network().edgeBase(edge)), graph.timeInMillis(edge, true), limit);
        double toAdj = reachFraction(f.timeInMillis(model.network().edgeAdj(edge)), graph.timeInMillis(edge, false), limit);
        return Math.min(1, toBase + toAdj) * model.network().edgeDistanceInMeters(edge);
    }

    /**
     * The share of an edge, from one end, within {@code limit} of a station that is {@code nodeTime} from that end:
     * {@code (limit − nodeTime) / edgeTime}, between 0 and 1; 0 when the node is unreached or the way from the edge
     * into that end is closed ({@code edgeTime < 0}).
     */
    static double reachFraction(int nodeTime, int edgeTime, int limit) {
        if (nodeTime == AccessField.UNREACHED || edgeTime < 0 || nodeTime > limit) {
            return 0;
        }
        return edgeTime == 0 ? 1 : Math.min(1, (double) (limit - nodeTime) / edgeTime);
    }

    /** Whether a cell time (ms, or {@link AccessField#UNREACHED}, or {@link #FAR_FROM_ROAD}) is within the limit in ms. */
    static boolean within(int time, int limit) {
        return time >= 0 && time != AccessField.UNREACHED && time <= limit;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
