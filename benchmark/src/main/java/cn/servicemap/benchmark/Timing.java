package cn.servicemap.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall-clock figures of one repeated computation, in milliseconds: the first call in its process (cold: JIT,
 * caches and lazily built structures still cold) and the calls after it (warm: median, min and max of
 * {@code warmRuns}).
 */
record Timing(double coldMs, double warmMedianMs, double warmMinMs, double warmMaxMs, int warmRuns) {

    /** A computation to time; what it returns is kept from the first call (for checks) and otherwise dropped. */
    interface Call<T> {
        T run() throws Exception;
    }

    /** The timing, the result of the first (cold) call and the warm times in call order. */
    record Measured<T>(Timing timing, T first, double[] warmMs) {
    }

    /** Runs {@code call} once cold, then {@code warmRuns} times. */
    static <T> Measured<T> measure(int warmRuns, Call<T> call) throws Exception {
        long start = System.nanoTime();
        T first = call.run();
        double cold = (System.nanoTime() - start) / 1e6;
        double[] warm = new double[warmRuns];
        for (int i = 0; i < warmRuns; i++) {
            long a = System.nanoTime();
            Object result = call.run();
            warm[i] = (System.nanoTime() - a) / 1e6;
            if (result == null)
                throw new IllegalStateException("a timed call returned null");
        }
        return new Measured<>(of(cold, warm), first, warm);
    }

    /**
     * Several computations timed in turn, A B C A B C …, so that a change in the machine's speed (other jobs on a
     * shared machine) hits all of them alike and their ratios round by round stay fair. Each is called once cold
     * first, in the given order.
     */
    static List<Measured<Object>> interleaved(int warmRuns, List<Call<?>> calls) throws Exception {
        int n = calls.size();
        Object[] first = new Object[n];
        double[] cold = new double[n];
        double[][] warm = new double[n][warmRuns];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            first[i] = calls.get(i).run();
            cold[i] = (System.nanoTime() - start) / 1e6;
        }
        for (int round = 0; round < warmRuns; round++)
            for (int i = 0; i < n; i++) {
                long start = System.nanoTime();
                Object result = calls.get(i).run();
                warm[i][round] = (System.nanoTime() - start) / 1e6;
                if (result == null)
                    throw new IllegalStateException("a timed call returned null");
            }
        List<Measured<Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
            out.add(new Measured<>(of(cold[i], warm[i]), first[i], warm[i]));
        return out;
    }

    /** The median over rounds of {@code a[round] / b[round]}. */
    static double medianRatio(double[] a, double[] b) {
        double[] r = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < r.length; i++)
            r[i] = a[i] / b[i];
        return of(Double.NaN, r).warmMedianMs();
    }

    static Timing of(double coldMs, double[] warmMs) {
        if (warmMs.length == 0)
            return new Timing(coldMs, Double.NaN, Double.NaN, Double.NaN, 0);
        double[] sorted = warmMs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Timing(coldMs, median, sorted[0], sorted[n - 1], n);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cold_ms", round(coldMs));
        m.put("warm_median_ms", round(warmMedianMs));
        m.put("warm_min_ms", round(warmMinMs));
        m.put("warm_max_ms", round(warmMaxMs));
        m.put("warm_runs", warmRuns);
        return m;
    }

    static Double round(double ms) {
        if (Double.isNaN(ms))
            return null;
        return ms >= 100 ? Math.round(ms * 10) / 10.0 : Math.round(ms * 1000) / 1000.0;
    }
}
