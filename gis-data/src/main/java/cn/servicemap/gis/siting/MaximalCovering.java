package cn.servicemap.gis.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Maximal covering (MCLP, Church & ReVelle 1974): choose at most {@code p} candidate sites so that the people they
 * cover together is the largest, with an upper bound on what any choice could cover.
 *
 * <p><b>Search.</b> Greedy (each step the site adding the most people; lazy re-evaluation, as a site's gain never
 * grows when others are chosen), then interchange (Teitz–Bart): swap a chosen site for an unchosen one whenever that
 * covers more people, until no swap improves or the time is up. Greedy alone reaches at least 1 − 1/e ≈ 63 % of the
 * optimum (the objective is submodular); with interchange it is usually within a few per cent, and the bound says how
 * far it can be at most.
 *
 * <p><b>Bound.</b> Lagrangian relaxation of the covering constraints {@code y_d ≤ Σ_{c covers d} x_c} with multipliers
 * {@code λ_d ≥ 0}: {@code L(λ) = Σ_d max(0, w_d − λ_d) + (sum of the p largest Σ_{d∈c} λ_d)} is at least the optimum
 * for every λ; subgradient steps (Held–Karp, step halved after 20 steps without progress) bring it down. The bound is
 * the least L seen, never above the people coverable at all nor the sum of the p largest single-site covers.
 *
 * <p>Limits: weights are taken as they are (no rounding); a site that would add nobody is never chosen, so fewer than
 * {@code p} sites come back when fewer suffice to cover everybody coverable.
 */
public final class MaximalCovering {

    /** Gains below this many people count as none (floating-point sums of whole people). */
    static final double EPSILON = 1e-9;
    private static final int BOUND_ITERATIONS = 300;

    private MaximalCovering() {
    }

    /**
     * @param sites        the chosen candidates, in the order of their gains (each adds {@code gains[i]} people to the
     *                     ones before it)
     * @param gains        people each site adds, in that order
     * @param covered      people covered by all the sites together
     * @param upperBound   no choice of {@code p} sites covers more
     * @param gapPercent   {@code 100 · (upperBound − covered) / upperBound}, 0 when both are 0
     * @param method       how it was found, for reports
     * @param swaps        interchanges applied after the greedy start
     */
    public record Result(int[] sites, double[] gains, double covered, double upperBound, double gapPercent, String method,
                         int swaps) {
    }

    /**
     * Solves the problem for at most {@code p} sites, never choosing an excluded candidate.
     *
     * @param excluded   candidates that may not be chosen (null: none)
     * @param timeLimitMillis the interchange stops when this is spent (the greedy start and the bound always finish)
     */
    public static Result solve(CoveringProblem problem, int p, boolean[] excluded, long timeLimitMillis) {
        if (p < 0) {
            throw new IllegalArgumentException("p must be ≥ 0, was " + p);
        }
        int candidates = problem.candidateCount();
        boolean[] allowed = new boolean[candidates];
        for (int c = 0; c < candidates; c++) {
            allowed[c] = excluded == null || c >= excluded.length || !excluded[c];
        }
        long deadline = System.nanoTime() + Math.max(0, timeLimitMillis) * 1_000_000L;
        Selection s = greedy(problem, p, allowed);
        int swaps = interchange(problem, s, allowed, deadline);
        int[] sites = s.sites();
        double[] gains = new double[sites.length];
        int[] ordered = order(problem, sites, gains);
        double covered = problem.coveredBy(ordered);
        double bound = Math.max(covered, upperBound(problem, p, allowed, covered));
        double gap = bound <= 0 ? 0 : 100 * (bound - covered) / bound;
        String method = "greedy + interchange (" + swaps + " swaps), Lagrangian upper bound";
        return new Result(ordered, gains, covered, bound, gap, method, swaps);
    }

    /** Chosen sites and how many of them cover each demand place. */
    private static final class Selection {
        final boolean[] chosen;
        final int[] count;
        /** Sum of the ids of the chosen sites covering each place: the one site when count is 1. */
        final long[] idSum;
        int size;

        Selection(int candidates, int demands) {
            chosen = new boolean[candidates];
            count = new int[demands];
            idSum = new long[demands];
        }

        void add(CoveringProblem problem, int c) {
            chosen[c] = true;
            size++;
            for (int d : problem.coversOf(c)) {
                count[d]++;
                idSum[d] += c;
            }
        }

        void remove(CoveringProblem problem, int c) {
            chosen[c] = false;
            size--;
            for (int d : problem.coversOf(c)) {
                count[d]--;
                idSum[d] -= c;
            }
        }

        int[] sites() {
            int[] out = new int[size];
            int k = 0;
            for (int c = 0; c < chosen.length; c++) {
                if (chosen[c]) {
                    out[k++] = c;
                }
            }
            return out;
        }
    }

    private static double gain(CoveringProblem problem, Selection s, int c) {
        double g = 0;
        for (int d : problem.coversOf(c)) {
            if (s.count[d] == 0) {
                g += problem.weight(d);
            }
        }
        return g;
    }

    /** Lazy greedy: a candidate's stored gain is an upper bound on its gain now; re-evaluate the best until it holds. */
    private static Selection greedy(CoveringProblem problem, int p, boolean[] allowed) {
        Selection s = new Selection(problem.candidateCount(), problem.demandCount());
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
                : Double.compare(a[1], b[1]));
        for (int c = 0; c < problem.candidateCount(); c++) {
            if (allowed[c]) {
                queue.add(new double[]{gain(problem, s, c), c});
            }
        }
        while (s.size < p && !queue.isEmpty()) {
            double[] top = queue.poll();
            int c = (int) top[1];
            double now = gain(problem, s, c);
            if (!queue.isEmpty() && now < queue.peek()[0] - EPSILON) {
                top[0] = now;
                queue.add(top);
                continue;
            }
            if (now <= EPSILON) {
                break;
            }
            s.add(problem, c);
        }
        return s;
    }

    /** Applies improving swaps (first improvement per chosen site) until none is left or the deadline passes. */
    private static int interchange(CoveringProblem problem, Selection s, boolean[] allowed, long deadline) {
        int swaps = 0;
        boolean improved = true;
        while (improved && System.nanoTime() < deadline) {
            improved = false;
            for (int out : s.sites()) {
                double loss = 0;
                for (int d : problem.coversOf(out)) {
                    if (s.count[d] == 1) {
                        loss += problem.weight(d);
                    }
                }
                int best = -1;
                double bestDelta = EPSILON;
                for (int in = 0; in < problem.candidateCount(); in++) {
                    if (!allowed[in] || s.chosen[in]) {
                        continue;
                    }
                    double g = 0;
                    for (int d : problem.coversOf(in)) {
                        if (s.count[d] == 0 || s.count[d] == 1 && s.idSum[d] == out) {
                            g += problem.weight(d);
                        }
                    }
                    if (g - loss > bestDelta) {
                        bestDelta = g - loss;
                        best = in;
                    }
                }
                if (best >= 0) {
                    s.remove(problem, out);
                    s.add(problem, best);
                    swaps++;
                    improved = true;
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
        }
        return swaps;
    }

    /**
     * The sites in greedy order over themselves, with what each adds to those before it (into {@code gains}, as long
     * as {@code sites}): how a report lists a chosen set, whoever chose it.
     */
    public static int[] order(CoveringProblem problem, int[] sites, double[] gains) {
        Selection s = new Selection(problem.candidateCount(), problem.demandCount());
        List<Integer> left = new ArrayList<>();
        for (int c : sites) {
            left.add(c);
        }
        int[] out = new int[sites.length];
        for (int k = 0; k < sites.length; k++) {
            int bestIndex = 0;
            double best = -1;
            for (int i = 0; i < left.size(); i++) {
                double g = gain(problem, s, left.get(i));
                if (g > best) {
                    best = g;
                    bestIndex = i;
                }
            }
            int c = left.remove(bestIndex);
            out[k] = c;
            gains[k] = best;
            s.add(problem, c);
        }
        return out;
    }

    /**
     * The Lagrangian bound described in the class comment (for the allowed candidates).
     *
     * @param known people some choice is known to cover (the step size aims at it)
     */
    static double upperBound(CoveringProblem problem, int p, boolean[] allowed, double known) {
        int demands = problem.demandCount();
        int candidates = problem.candidateCount();
        boolean[] coverable = new boolean[demands];
        double[] single = new double[candidates];
        for (int c = 0; c < candidates; c++) {
            if (allowed[c]) {
                for (int d : problem.coversOf(c)) {
                    coverable[d] = true;
                    single[c] += problem.weight(d);
                }
            }
        }
        double coverableTotal = 0;
        for (int d = 0; d < demands; d++) {
            if (coverable[d]) {
                coverableTotal += problem.weight(d);
            }
        }
        double[] sorted = single.clone();
        Arrays.sort(sorted);
        double topP = 0;
        for (int k = 0; k < Math.min(p, candidates); k++) {
            topP += sorted[candidates - 1 - k];
        }
        double best = Math.min(coverableTotal, topP);
        if (p == 0 || best <= 0) {
            return p == 0 ? 0 : best;
        }
        double lower = Math.min(known, best);
        double[] lambda = new double[demands];
        for (int d = 0; d < demands; d++) {
            lambda[d] = coverable[d] ? problem.weight(d) / 2 : 0;
        }
        double[] value = new double[candidates];
        int[] order = new int[candidates];
        double theta = 2;
        int stale = 0;
        for (int it = 0; it < BOUND_ITERATIONS; it++) {
            double l = 0;
            for (int d = 0; d < demands; d++) {
                if (coverable[d]) {
                    l += Math.max(0, problem.weight(d) - lambda[d]);
                }
            }
            for (int c = 0; c < candidates; c++) {
                double v = 0;
                if (allowed[c]) {
                    for (int d : problem.coversOf(c)) {
                        v += lambda[d];
                    }
                }
                value[c] = v;
            }
            int chosen = top(value, p, allowed, order);
            int[] times = new int[demands];
            for (int k = 0; k < chosen; k++) {
                l += value[order[k]];
                for (int d : problem.coversOf(order[k])) {
                    times[d]++;
                }
            }
            if (l < best - EPSILON) {
                best = l;
                stale = 0;
            } else if (++stale >= 20) {
                theta /= 2;
                stale = 0;
            }
            double norm = 0;
            for (int d = 0; d < demands; d++) {
                if (coverable[d]) {
                    int y = problem.weight(d) > lambda[d] ? 1 : 0;
                    double g = y - times[d];
                    norm += g * g;
                }
            }
            if (norm == 0 || theta < 1e-4) {
                break;
            }
            double step = theta * (l - lower) / norm;
            for (int d = 0; d < demands; d++) {
                if (coverable[d]) {
                    int y = problem.weight(d) > lambda[d] ? 1 : 0;
                    lambda[d] = Math.max(0, lambda[d] + step * (y - times[d]));
                }
            }
        }
        return best;
    }

    /** The (at most p) allowed candidates of largest positive value, into order; returns how many. */
    private static int top(double[] value, int p, boolean[] allowed, int[] order) {
        Integer[] idx = new Integer[value.length];
        int n = 0;
        for (int c = 0; c < value.length; c++) {
            if (allowed[c] && value[c] > 0) {
                idx[n++] = c;
            }
        }
        Integer[] live = Arrays.copyOf(idx, n);
        Arrays.sort(live, (a, b) -> Double.compare(value[b], value[a]));
        int k = Math.min(p, n);
        for (int i = 0; i < k; i++) {
            order[i] = live[i];
        }
        return k;
    }
}
