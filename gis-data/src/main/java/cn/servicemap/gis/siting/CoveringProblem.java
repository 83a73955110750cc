package cn.servicemap.gis.siting;

import java.util.Arrays;

/**
 * A covering problem for siting new stations: demand places with weights (people not yet within the band of any
 * existing station) and candidate sites, each covering the demand places within the band of it. Built by the caller
 * from travel times on the road network; this class only checks and holds it (copies; immutable).
 *
 * <p>Each place may require more than one site: place d counts as covered when at least {@code r_d} of the chosen
 * sites cover it — for 交叉覆盖, r = 2 where no existing station reaches a place and r = 1 where one does. Without
 * requirements every r is 1, the classic problem. Any r ≥ 1 is accepted; a place fewer than r candidates cover can
 * never be covered.
 *
 * <p>Places the existing stations already cover are left out by the caller: they cannot be gained.
 */
public final class CoveringProblem {

    private final double[] weight;
    private final int[] required;
    private final int[][] covers;
    private final boolean hasRequirements;

    /**
     * Every place covered by one site.
     *
     * @param weight per demand place, ≥ 0 (people)
     * @param covers per candidate, the demand places it covers: ascending, no repeats
     */
    public CoveringProblem(double[] weight, int[][] covers) {
        this(weight, null, covers);
    }

    /**
     * @param weight   per demand place, ≥ 0 (people)
     * @param required per demand place, how many chosen sites must cover it, ≥ 1 (null: 1 for all)
     * @param covers   per candidate, the demand places it covers: ascending, no repeats
     */
    public CoveringProblem(double[] weight, int[] required, int[][] covers) {
        weight = weight.clone();
        covers = covers.clone();
        for (int d = 0; d < weight.length; d++) {
            if (!(weight[d] >= 0) || Double.isInfinite(weight[d])) {
                throw new IllegalArgumentException("demand " + d + " has weight " + weight[d] + "; weights are people, ≥ 0");
            }
        }
        int[] r = new int[weight.length];
        Arrays.fill(r, 1);
        if (required != null) {
            if (required.length != weight.length) {
                throw new IllegalArgumentException(required.length + " requirements for " + weight.length + " demand places");
            }
            for (int d = 0; d < r.length; d++) {
                if (required[d] < 1) {
                    throw new IllegalArgumentException("demand " + d + " requires " + required[d] + " sites; at least 1");
                }
                r[d] = required[d];
            }
        }
        for (int c = 0; c < covers.length; c++) {
            int[] list = covers[c].clone();
            for (int k = 0; k < list.length; k++) {
                if (list[k] < 0 || list[k] >= weight.length || k > 0 && list[k] <= list[k - 1]) {
                    throw new IllegalArgumentException("candidate " + c + " covers " + Arrays.toString(covers[c])
                            + "; each list must be ascending demand indexes below " + weight.length);
                }
            }
            covers[c] = list;
        }
        this.weight = weight;
        this.required = r;
        this.covers = covers;
        this.hasRequirements = Arrays.stream(r).anyMatch(x -> x > 1);
    }

    public int demandCount() {
        return weight.length;
    }

    public int candidateCount() {
        return covers.length;
    }

    /** Whether some place requires more than one site (then the objective is not submodular: see {@link MaximalCovering}). */
    public boolean hasRequirements() {
        return hasRequirements;
    }

    /** How many (candidate, place) pairs the cover lists hold: the size of the problem for an exact solver. */
    public long pairCount() {
        long n = 0;
        for (int[] list : covers) {
            n += list.length;
        }
        return n;
    }

    /** The people of the demand places a set of candidates covers together (each place by its required number; a site listed twice counts once). */
    public double coveredBy(int[] sites) {
        int[] count = new int[weight.length];
        boolean[] chosen = new boolean[covers.length];
        double sum = 0;
        for (int c : sites) {
            if (chosen[c]) {
                continue;
            }
            chosen[c] = true;
            for (int d : covers[c]) {
                if (++count[d] == required[d]) {
                    sum += weight[d];
                }
            }
        }
        return sum;
    }

    double weight(int d) {
        return weight[d];
    }

    /** How many chosen sites must cover place d, ≥ 1. */
    int required(int d) {
        return required[d];
    }

    int[] coversOf(int c) {
        return covers[c];
    }
}
