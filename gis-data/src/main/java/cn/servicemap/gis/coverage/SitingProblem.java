package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.siting.CoveringProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Where new stations could go, as a covering problem ({@link CoveringProblem}) over a region's current coverage: the
 * demand is the people of every population cell that no station reaches within the band now (cells far from any road
 * are left out: no station helps them); a candidate site covers the cells it would bring within the band.
 *
 * <p>Each candidate is one incremental what-if on the current field ({@link AccessField#withSourceAdded}): only the
 * nodes whose time the new station improves are touched, and only the cells on the streets at those nodes (and on the
 * candidate's own street) are tested, so a candidate costs about one what-if (milliseconds on a million-edge city),
 * not a search of the whole network. Exact for any set of sites: the existing stations stay, a cell beyond the band
 * now is within it with new sites when one of them alone brings it there, so the cells a set covers are the union of
 * its members' cells.
 *
 * <p><b>交叉覆盖</b> ({@link #buildCross}): the objective of {@link CrossCoverage}, people reaching two different
 * stations within the band. The demand is the people of every cell on the network that fewer than two existing
 * stations reach within the band (by CrossCoverage's own rule: the nearest and the second-nearest station of the
 * cell's point, plus the off-road walk), each requiring {@code 2 − (stations reaching it now)} new sites; a candidate
 * covers the cells it reaches alone within the band (a what-if adding it to a field without stations, limited to the
 * band, so only what it reaches is touched). Exact for any set of sites: a cell reaches two stations with the new
 * sites when the existing ones within the band and the new ones that reach it make two, so a set's gain in people with
 * two stations is its covered people in the problem. A candidate at an existing station's place counts as another
 * station, as CrossCoverage counts two stations at one place.
 */
public final class SitingProblem {

    private final Coverage coverage;
    private final int bandMillis;
    private final List<Snap> candidates;
    private final int[] demandCell;
    /** Per demand place, how many new sites must reach it (null: one each). */
    private final int[] required;
    private final CoveringProblem problem;

    private SitingProblem(Coverage coverage, int bandMillis, List<Snap> candidates, int[] demandCell, int[] required,
                          CoveringProblem problem) {
        this.coverage = coverage;
        this.bandMillis = bandMillis;
        this.candidates = List.copyOf(candidates);
        this.demandCell = demandCell;
        this.required = required;
        this.problem = problem;
    }

    /**
     * @param coverage    the region's coverage now (its field's limit at least the band)
     * @param bandMinutes the band to bring people within, e.g. 15
     * @param candidates  candidate sites snapped onto the coverage's network and profile
     */
    public static SitingProblem build(Coverage coverage, int bandMinutes, List<Snap> candidates) {
        return build(coverage, bandMinutes, candidates, done -> { });
    }

    /**
     * As {@link #build(Coverage, int, List)}, telling {@code afterEach} how many candidates are done after each one (it
     * may throw to stop: a cancelled job).
     */
    public static SitingProblem build(Coverage coverage, int bandMinutes, List<Snap> candidates, IntConsumer afterEach) {
        AccessField field = coverage.field();
        int limit = bandMinutes * 60_000;
        if (bandMinutes <= 0 || limit > field.timeLimitInMillis()) {
            throw new IllegalArgumentException("the band must lie within the search limit of " + field.timeLimitInMillis() / 60_000
                    + " min, was " + bandMinutes);
        }
        CoverageModel model = coverage.model();
        int cells = model.cellCount();
        int[] demandOf = new int[cells];
        Arrays.fill(demandOf, -1);
        List<Integer> demandCells = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            int t = coverage.cellTimeInMillis(cell);
            if (t != Coverage.FAR_FROM_ROAD && !Coverage.within(t, limit) && model.surface().people(cell) > 0) {
                demandOf[cell] = demandCells.size();
                demandCells.add(cell);
            }
        }
        double[] weight = new double[demandCells.size()];
        for (int d = 0; d < weight.length; d++) {
            weight[d] = model.surface().people(demandCells.get(d));
        }
        int[][] covers = covers(coverage, field, candidates, demandOf, limit, afterEach);
        return new SitingProblem(coverage, limit, candidates, demandCells.stream().mapToInt(Integer::intValue).toArray(), null,
                new CoveringProblem(weight, covers));
    }

    /**
     * The 交叉覆盖 problem (see the class comment): bring people within the band of two different stations.
     *
     * @param coverage    the region's coverage now (for its model, its cells' off-road rule and its field's network,
     *                    profile and direction)
     * @param two         the two nearest existing stations, searched with a limit of at least the band
     * @param bandMinutes the band, e.g. 15
     * @param candidates  candidate sites snapped onto the coverage's network and profile
     * @param afterEach   told how many candidates are done after each one (it may throw to stop: a cancelled job)
     */
    public static SitingProblem buildCross(Coverage coverage, TwoNearestSearch.Result two, int bandMinutes, List<Snap> candidates,
                                           IntConsumer afterEach) {
        int limit = bandMinutes * 60_000;
        if (bandMinutes <= 0 || limit > two.timeLimitInMillis()) {
            throw new IllegalArgumentException("the band must lie within the two-nearest search's limit of "
                    + two.timeLimitInMillis() / 60_000 + " min, was " + bandMinutes);
        }
        CoverageModel model = coverage.model();
        int cells = model.cellCount();
        int[] demandOf = new int[cells];
        Arrays.fill(demandOf, -1);
        List<Integer> demandCells = new ArrayList<>();
        List<Integer> required = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            if (coverage.cellTimeInMillis(cell) == Coverage.FAR_FROM_ROAD || !(model.surface().people(cell) > 0)) {
                continue;
            }
            int[] reach = two.reachAt(model.cellEdge(cell), model.cellFraction(cell));
            int existing = (withinBand(model, cell, reach[0], limit) ? 1 : 0) + (withinBand(model, cell, reach[2], limit) ? 1 : 0);
            if (existing < 2) {
                demandOf[cell] = demandCells.size();
                demandCells.add(cell);
                required.add(2 - existing);
            }
        }
        double[] weight = new double[demandCells.size()];
        for (int d = 0; d < weight.length; d++) {
            weight[d] = model.surface().people(demandCells.get(d));
        }
        // no stations, limited to the band: a candidate added to it touches only the nodes it alone reaches in time
        AccessField field = coverage.field();
        AccessField none = new MultiSourceSearch(field.network(), field.profile(), bandMinutes * 60, field.direction()).run(List.of());
        int[][] covers = covers(coverage, none, candidates, demandOf, limit, afterEach);
        int[] r = required.stream().mapToInt(Integer::intValue).toArray();
        return new SitingProblem(coverage, limit, candidates, demandCells.stream().mapToInt(Integer::intValue).toArray(), r,
                new CoveringProblem(weight, r, covers));
    }

    /** CrossCoverage's rule: a station {@code streetMillis} from the cell's point is within the band with the off-road walk. */
    private static boolean withinBand(CoverageModel model, int cell, int streetMillis, int limit) {
        return streetMillis != AccessField.UNREACHED && (long) streetMillis + model.cellOffRoadMillis(cell) <= limit;
    }

    /**
     * Per candidate, the demand places (by {@code demandOf}, −1 for a cell that is none) within {@code limit} once it is
     * added to {@code field}, ascending: the cells on the streets at the nodes it changes and on its own street.
     */
    private static int[][] covers(Coverage coverage, AccessField field, List<Snap> candidates, int[] demandOf, int limit,
                                  IntConsumer afterEach) {
        CoverageModel model = coverage.model();
        int[][] covers = new int[candidates.size()][];
        int[] seen = new int[model.cellCount()];
        Arrays.fill(seen, -1);
        for (int c = 0; c < candidates.size(); c++) {
            AccessUpdate u = field.withSourceAdded(candidates.get(c));
            AccessField with = u.field();
            List<Integer> covered = new ArrayList<>();
            int[] nodes = u.changedNodes();
            List<int[]> edgeLists = new ArrayList<>(nodes.length + 1);
            for (int node : nodes) {
                edgeLists.add(model.edgesAt(node));
            }
            edgeLists.add(new int[]{candidates.get(c).edge()});
            for (int[] edges : edgeLists) {
                for (int e : edges) {
                    for (int i = model.edgeCellsBegin(e); i < model.edgeCellsEnd(e); i++) {
                        int cell = model.edgeCell(i);
                        if (demandOf[cell] < 0 || seen[cell] == c) {
                            continue;
                        }
                        seen[cell] = c;
                        if (Coverage.within(coverage.timeOf(with, cell), limit)) {
                            covered.add(demandOf[cell]);
                        }
                    }
                }
            }
            covers[c] = covered.stream().mapToInt(Integer::intValue).sorted().toArray();
            afterEach.accept(c + 1);
        }
        return covers;
    }

    /**
     * Street points where the people outside the band live: both end nodes of every street their cells hang on, the
     * {@code max} with the most such people on their streets (ties by node number), each as a site at its node.
     */
    public static List<Snap> streetCandidates(Coverage coverage, int bandMinutes, int max) {
        int limit = bandMinutes * 60_000;
        return streetCandidates(coverage.model(), max, cell -> {
            int t = coverage.cellTimeInMillis(cell);
            return t == Coverage.FAR_FROM_ROAD || Coverage.within(t, limit) ? 0 : coverage.model().surface().people(cell);
        });
    }

    /**
     * Street points for 交叉覆盖: as {@link #streetCandidates}, the people of each cell weighted by the stations it still
     * lacks within the band (2 with none, 1 with one, 0 with two: {@link #buildCross}'s rule).
     */
    public static List<Snap> crossStreetCandidates(Coverage coverage, TwoNearestSearch.Result two, int bandMinutes, int max) {
        CoverageModel model = coverage.model();
        int limit = bandMinutes * 60_000;
        return streetCandidates(model, max, cell -> {
            if (coverage.cellTimeInMillis(cell) == Coverage.FAR_FROM_ROAD) {
                return 0;
            }
            int[] reach = two.reachAt(model.cellEdge(cell), model.cellFraction(cell));
            int existing = (withinBand(model, cell, reach[0], limit) ? 1 : 0) + (withinBand(model, cell, reach[2], limit) ? 1 : 0);
            return (2 - existing) * model.surface().people(cell);
        });
    }

    /** Both end nodes of the street of every cell of positive weight, the {@code max} of most weight (ties by node). */
    private static List<Snap> streetCandidates(CoverageModel model, int max, java.util.function.IntToDoubleFunction weightOfCell) {
        RoadNetwork network = model.network();
        double[] weight = new double[network.nodeCount()];
        int[] edgeAt = new int[network.nodeCount()];
        for (int cell = 0; cell < model.cellCount(); cell++) {
            int edge = model.cellEdge(cell);
            double w = edge < 0 ? 0 : weightOfCell.applyAsDouble(cell);
            if (!(w > 0)) {
                continue;
            }
            for (int node : new int[]{network.edgeBase(edge), network.edgeAdj(edge)}) {
                weight[node] += w;
                edgeAt[node] = edge;
            }
        }
        return java.util.stream.IntStream.range(0, weight.length).filter(n -> weight[n] > 0).boxed()
                .sorted(java.util.Comparator.<Integer>comparingDouble(n -> -weight[n]).thenComparingInt(n -> n))
                .limit(max)
                .map(n -> network.onEdge(model.profile(), edgeAt[n], network.edgeBase(edgeAt[n]) == n ? 0 : 1))
                .toList();
    }

    public CoveringProblem problem() {
        return problem;
    }

    public List<Snap> candidates() {
        return candidates;
    }

    /** The population cell of demand place {@code d}. */
    public int cellOfDemand(int d) {
        return demandCell[d];
    }

    /**
     * How many of the new sites must reach demand place {@code d} for it to count: 1 for {@link #build}; for
     * {@link #buildCross} 2 where no existing station reaches the place within the band, 1 where one does.
     */
    public int requiredOfDemand(int d) {
        return required == null ? 1 : required[d];
    }

    /** The band, in ms. */
    public int bandMillis() {
        return bandMillis;
    }

    public Coverage coverage() {
        return coverage;
    }
}
