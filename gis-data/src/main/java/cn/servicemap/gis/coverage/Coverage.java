package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.Reach;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.population.DistrictShare;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

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
 * <p>Immutable; an update returns a new instance and leaves this one as it was.
 */
public final class Coverage {

    /** Cell time of a place farther than the off-road limit from any street. */
    static final int FAR_FROM_ROAD = -1;
    private static final int BUCKET_MILLIS = 6_000;

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
     * The coverage after a what-if, updated only where the update changed travel times.
     *
     * @param touchedEdges edges a station was added to, moved from or to, or removed from
     */
    public Coverage apply(AccessUpdate update, int... touchedEdges) {
        AccessField next = update.field();
        Coverage c = new Coverage(model, next, bandMinutes, cellTime.clone(), people, roadMeters, deepCopy(coveredPeople),
                deepCopy(coveredMeters), deepCopy(histogram), beyondLimit.clone(), farFromRoad.clone());
        BitSet edges = new BitSet(model.network().edgeCount());
        for (int node : update.changedNodes()) {
            for (int i = model.nodeEdgesBegin(node); i < model.nodeEdgesEnd(node); i++) {
                edges.set(model.nodeEdge(i));
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

    public CoverageReport report() {
        List<DistrictCoverage> rows = new ArrayList<>();
        int districts = model.districtCount();
        for (int d = 0; d < districts; d++) {
            Optional<DistrictShare> share = model.share(d);
            rows.add(row(model.districtAdcodes().get(d), model.districtName(d), share.map(DistrictShare::censusPeople).orElse(null),
                    share.map(DistrictShare::districtAreaKm2).orElse(0.0), share.map(DistrictShare::coveredAreaKm2).orElse(0.0),
                    share.map(DistrictShare::coveredShareOfArea).orElse(0.0),
                    share.map(DistrictShare::method).orElse("no population surface for this district"),
                    new int[]{d}));
        }
        long census = 0;
        boolean censusKnown = true;
        double districtArea = 0;
        double coveredArea = 0;
        for (DistrictCoverage r : rows) {
            if (r.censusPeople() == null) {
                censusKnown = false;
            } else {
                census += r.censusPeople();
            }
            districtArea += r.districtAreaKm2();
            coveredArea += r.coveredAreaKm2();
        }
        DistrictCoverage region = row(null, "全区域", censusKnown ? census : null, districtArea, coveredArea,
                districtArea > 0 ? coveredArea / districtArea : 0, "sum of the districts", java.util.stream.IntStream.range(0, districts).toArray());
        return new CoverageReport(model.profile(), bandMinutes, field.timeLimitInMillis() / 60_000, region, rows);
    }

    /** People newly inside and no longer inside each band, this coverage against {@code baseline}. */
    public CoverageDelta compare(Coverage baseline) {
        if (baseline.model != model || !baseline.bandMinutes.equals(bandMinutes)) {
            throw new IllegalArgumentException("can only compare coverages of the same model and bands");
        }
        int districts = model.districtCount();
        int bands = bandMillis.length;
        double[][] gained = new double[districts + 1][bands];
        double[][] lost = new double[districts + 1][bands];
        for (int cell = 0; cell < cellTime.length; cell++) {
            int before = baseline.cellTime[cell];
            int after = cellTime[cell];
            if (before == after) {
                continue;
            }
            int d = model.cellDistrict(cell);
            double p = model.surface().people(cell);
            for (int b = 0; b < bands; b++) {
                boolean was = within(before, bandMillis[b]);
                boolean is = within(after, bandMillis[b]);
                if (is && !was) {
                    gained[d][b] += p;
                    gained[districts][b] += p;
                } else if (was && !is) {
                    lost[d][b] += p;
                    lost[districts][b] += p;
                }
            }
        }
        List<CoverageDelta.Row> rows = new ArrayList<>();
        for (int d = 0; d < districts; d++) {
            rows.add(new CoverageDelta.Row(model.districtAdcodes().get(d), model.districtName(d), gained[d], lost[d]));
        }
        rows.add(new CoverageDelta.Row(null, "全区域", gained[districts], lost[districts]));
        return new CoverageDelta(rows);
    }

    /**
     * Connected areas outside the band, ranked by the people living in them, each with the street point
     * where one new station would cover the most uncovered people (searched among the street nodes
     * serving the gap, at most {@code siteCandidates} of them, tried as incremental what-ifs).
     *
     * @param minPeople gaps holding fewer people are left out
     */
    public List<Gap> gaps(int bandIndex, int limit, double minPeople, int siteCandidates) {
        int band = bandMillis[bandIndex];
        PopulationSurface surface = model.surface();
        Map<Long, List<Integer>> squares = new HashMap<>();
        for (int cell = 0; cell < cellTime.length; cell++) {
            if (!within(cellTime[cell], band)) {
                squares.computeIfAbsent(square(model.cellColumn(cell), model.cellRow(cell)), k -> new ArrayList<>()).add(cell);
            }
        }
        BitSet seen = new BitSet(cellTime.length);
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
            gaps.add(new Gap(r + 1, bandMinutes.get(bandIndex), componentPeople.get(order[r]), area / 1e6, outline,
                    model.districtAdcodes().get(major), suggestSite(cells, band, siteCandidates)));
        }
        return gaps;
    }

    private SuggestedSite suggestSite(int[] gapCells, int band, int candidates) {
        RoadNetwork network = model.network();
        PopulationSurface surface = model.surface();
        ProfileGraph graph = network.graph(model.profile());
        Map<Integer, Double> weight = new HashMap<>();
        for (int cell : gapCells) {
            Snap s = model.cellSnap(cell);
            if (s != null) {
                weight.merge(s.baseNode(), surface.people(cell), Double::sum);
                weight.merge(s.adjNode(), surface.people(cell), Double::sum);
            }
        }
        List<Integer> nodes = weight.entrySet().stream()
                .filter(e -> graph.componentOfNode(e.getKey()) >= 0
                        && graph.component(graph.componentOfNode(e.getKey())).main())
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(candidates).map(Map.Entry::getKey).toList();
        SuggestedSite best = null;
        for (int node : nodes) {
            int edge = -1;
            double fraction = 0;
            for (int i = model.nodeEdgesBegin(node); i < model.nodeEdgesEnd(node) && edge < 0; i++) {
                int e = model.nodeEdge(i);
                edge = e;
                fraction = network.edgeBase(e) == node ? 0 : 1;
            }
            if (edge < 0) {
                continue;
            }
            Snap site = network.onEdge(model.profile(), edge, fraction);
            Coverage with = apply(field.withSourceAdded(site), edge);
            double gain = 0;
            for (int cell = 0; cell < cellTime.length; cell++) {
                if (!within(cellTime[cell], band) && within(with.cellTime[cell], band)) {
                    gain += surface.people(cell);
                }
            }
            if (best == null || gain > best.peopleNewlyCovered()) {
                best = new SuggestedSite(network.nodeLon(node), network.nodeLat(node), streetAt(node), gain);
            }
        }
        return best;
    }

    private String streetAt(int node) {
        for (int i = model.nodeEdgesBegin(node); i < model.nodeEdgesEnd(node); i++) {
            String name = model.network().edgeName(model.nodeEdge(i));
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return "";
    }

    private DistrictCoverage row(String adcode, String name, Long census, double districtArea, double coveredArea,
                                 double coveredShare, String method, int[] districts) {
        double peopleSum = 0;
        double roads = 0;
        double beyond = 0;
        double far = 0;
        double[] covered = new double[bandMillis.length];
        double[] meters = new double[bandMillis.length];
        double[] hist = new double[histogram.length == 0 ? 0 : histogram[0].length];
        for (int d : districts) {
            peopleSum += people[d];
            roads += roadMeters[d];
            beyond += beyondLimit[d];
            far += farFromRoad[d];
            for (int b = 0; b < covered.length; b++) {
                covered[b] += coveredPeople[d][b];
                meters[b] += coveredMeters[d][b];
            }
            for (int k = 0; k < hist.length; k++) {
                hist[k] += histogram[d][k];
            }
        }
        List<BandCoverage> bands = new ArrayList<>();
        for (int b = 0; b < covered.length; b++) {
            bands.add(new BandCoverage(bandMinutes.get(b), covered[b], peopleSum > 0 ? Math.min(1, covered[b] / peopleSum) : 0,
                    meters[b] / 1000, roads > 0 ? Math.min(1, meters[b] / roads) : 0));
        }
        double reached = 0;
        double weighted = 0;
        for (int k = 0; k < hist.length; k++) {
            reached += hist[k];
            weighted += hist[k] * (k + 0.5) * BUCKET_MILLIS / 60_000.0;
        }
        Double mean = reached > 0 ? weighted / reached : null;
        Double p90 = null;
        double target = 0.9 * peopleSum;
        double running = 0;
        for (int k = 0; k < hist.length && peopleSum > 0; k++) {
            running += hist[k];
            if (running >= target) {
                p90 = (k + 1) * BUCKET_MILLIS / 60_000.0;
                break;
            }
        }
        return new DistrictCoverage(adcode, name, census, districtArea, coveredArea, coveredShare, peopleSum, method,
                roads / 1000, bands, mean, p90, beyond, far);
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

    private int timeOf(AccessField f, int cell) {
        Snap s = model.cellSnap(cell);
        if (s == null) {
            return FAR_FROM_ROAD;
        }
        Reach r = f.reachAt(s);
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

    private static double reachFraction(int nodeTime, int edgeTime, int limit) {
        if (nodeTime == AccessField.UNREACHED || edgeTime < 0 || nodeTime > limit) {
            return 0;
        }
        return edgeTime == 0 ? 1 : Math.min(1, (double) (limit - nodeTime) / edgeTime);
    }

    private static boolean within(int time, int limit) {
        return time >= 0 && time != AccessField.UNREACHED && time <= limit;
    }

    private static long square(int column, int row) {
        return ((long) column << 32) | (row & 0xffffffffL);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
