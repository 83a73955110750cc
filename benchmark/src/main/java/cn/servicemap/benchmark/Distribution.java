package cn.servicemap.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-query latencies in milliseconds: percentiles by the nearest-rank method (p99 of 2,000 queries is the
 * 1,980th fastest), maximum and mean.
 */
record Distribution(int count, double p50Ms, double p99Ms, double maxMs, double meanMs) {

    static Distribution of(double[] ms) {
        if (ms.length == 0)
            return new Distribution(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Distribution(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(Double.NaN));
    }

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("p50_ms", Timing.round(p50Ms));
        m.put("p99_ms", Timing.round(p99Ms));
        m.put("max_ms", Timing.round(maxMs));
        m.put("mean_ms", Timing.round(meanMs));
        return m;
    }
}
