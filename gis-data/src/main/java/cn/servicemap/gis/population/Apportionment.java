package cn.servicemap.gis.population;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits a whole number of people into whole shares proportional to weights by the largest
 * remainder method (Hamilton): each share gets the whole part of its quota, and the people left
 * over go one each to the largest fractional parts, ties to the lower index. The shares sum to the
 * total exactly. When every weight is zero the weights are taken as equal.
 */
final class Apportionment {

    private Apportionment() {
    }

    /**
     * @param total   people to split, ≥ 0
     * @param weights one non-negative, finite weight per share, at least one
     */
    static long[] split(long total, double[] weights) {
        if (total < 0 || weights.length == 0) {
            throw new IllegalArgumentException("need a non-negative total and at least one weight");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative, found " + w);
            }
            sum += w;
        }
        double[] w = sum > 0 ? weights : filled(weights.length);
        double wsum = sum > 0 ? sum : weights.length;
        long[] shares = new long[w.length];
        double[] remainder = new double[w.length];
        long given = 0;
        for (int i = 0; i < w.length; i++) {
            double quota = total * (w[i] / wsum);
            shares[i] = (long) Math.floor(quota);
            remainder[i] = quota - shares[i];
            given += shares[i];
        }
        long left = total - given;
        Integer[] order = IntStream.range(0, w.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        // Rounding in the quotas can leave the floors a few people above or below the total; settle here.
        for (int k = 0; left > 0; k = (k + 1) % w.length) {
            if (w[order[k]] > 0) {
                shares[order[k]]++;
                left--;
            }
        }
        for (int k = w.length - 1; left < 0; k = (k - 1 + w.length) % w.length) {
            if (shares[order[k]] > 0) {
                shares[order[k]]--;
                left++;
            }
        }
        return shares;
    }

    private static double[] filled(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }
}
