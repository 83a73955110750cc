package cn.servicemap.gis.siting;

import java.util.Arrays;

/**
 * A covering problem for siting new stations: demand places with weights (people not yet within the band of any
 * existing station) and candidate sites, each covering the demand places within the band of it. Built by the caller
 * from travel times on the road network; this class only checks and holds it (copies; immutable).
 *
 * <p>Places the existing stations already cover are left out by the caller: they cannot be gained.
 */
public final class CoveringProblem {

    private final double[] weight;
    private final int[][] covers;

    /**
     * @param weight per demand place, ≥ 0 (people)
     * @param covers per candidate, the demand places it covers: ascending, no repeats
     */
    public CoveringProblem(double[] weight, int[][] covers) {
        weight = weight.clone();
        covers = covers.clone();
        for (int d = 0; d < weight.length; d++) {
            if (!(weight[d] >= 0) || Double.isInfinite(weight[d])) {
                throw new IllegalArgumentException("demand " + d + " has weight " + weight[d] + "; weights are people, ≥ 0");
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
        this.covers = covers;
    }

    public int demandCount() {
        return weight.length;
    }

    public int candidateCount() {
        return covers.length;
    }

    /** How many (candidate, place) pairs the cover lists hold: the size of the problem for an exact solver. */
    public long pairCount() {
        long n = 0;
        for (int[] list : covers) {
            n += list.length;
        }
        return n;
    }

    /** The people of the demand places a set of candidates covers together. */
    public double coveredBy(int[] sites) {
        boolean[] covered = new boolean[weight.length];
        double sum = 0;
        for (int c : sites) {
            for (int d : covers[c]) {
                if (!covered[d]) {
                    covered[d] = true;
                    sum += weight[d];
                }
            }
        }
        return sum;
    }

    double weight(int d) {
        return weight[d];
    }

    int[] coversOf(int c) {
        return covers[c];
    }
}
