package cn.servicemap.gis.siting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Maximal covering (MCLP, Church & ReVelle 1974): choose at most {@code p} candidate sites so that the people they
 * cover together is the largest, with an upper bound on what any choice could cover. A place may require r ≥ 2 sites
 * ({@link CoveringProblem}: 交叉覆盖, people within reach of two stations); it counts only when r chosen sites cover it.
 *
 * <p><b>Search.</b> Greedy, then interchange (Teitz–Bart): swap a chosen site for an unchosen one whenever that covers
 * more people, until no swap improves or the time is up; finally every site whose removal would lose nobody is
 * dropped, so siting never proposes a site that covers nobody new. Without requirements the greedy takes each step the
 * site adding the most people, with lazy re-evaluation (a site's gain never grows when others are chosen), and reaches
 * at least 1 − 1/e ≈ 63 % of the optimum (the objective is submodular); with interchange it is usually within a few
 * per cent, and the bound says how far it can be at most. With requirements a site's gain can grow when another is
 * chosen (the second site of a pair completes what neither completes alone), so the objective is not submodular, the
 * lazy greedy is not valid and there is no such guarantee: each step re-evaluates every candidate, by the people it
 * completes (places reaching their r) plus {@code w/r} for each place it brings a step nearer (half the people of an
 * r = 2 place it brings from none to one), so that pairs get started; gains and coverage still count only completed
 * places. An interchange evaluates each incoming site by the places it completes with the outgoing site removed,
 * against the places the outgoing one completes alone ({@code count == r}).
 *
 * <p><b>Bound.</b> Lagrangian relaxation of the covering constraints {@code r_d · y_d ≤ Σ_{c covers d} x_c} with
 * multipliers {@code λ_d ≥ 0}: {@code L(λ) = Σ_d max(0, w_d − r_d λ_d) + (sum of the p largest Σ_{d∈c} λ_d)} is at
 * least the optimum for every λ; subgradient steps ({@code r_d y_d − (times d is covered by the p chosen)}, Held–Karp,
 * step halved after 20 steps without progress, from {@code λ = w / 2r}) bring it down. Only places at least r allowed
 * candidates cover are counted. The bound is the least L seen, never above the people coverable at all nor the sum of
 * the p largest single-site {@code Σ w_d / r_d}.
 *
 * <p>Limits: weights are taken as they are (no rounding); a site that would add nobody is never returned, so fewer
 * than {@code p} sites come back when fewer suffice to cover everybody coverable (or, with requirements, when a
 * started pair could not be completed). With requirements a site's gain in the result's order may be 0: the first of
 * a pair completes nothing alone.
 */
public final class MaximalCovering {

    /** Gains below this many people count as none (floating-point sums of whole people). */
    static final double EPSILON = 1e-9;
    private static final int BOUND_ITERATIONS = 300;

    private MaximalCovering() {
    }

    /**
     * @param sites        the chosen candidates, in the order of their gains (each adds {@code gains[i]} people to the
     *                     ones before it); none whose removal would lose anybody
     * @param gains        people each site adds, in that order (the places it completes; 0 for the first of a pair)
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
        return solve(problem, p, excluded, timeLimitMillis, () -> { });
    }

    /**
     * As {@link #solve(CoveringProblem, int, boolean[], long)}, calling {@code checkpoint} at every greedy step, every
     * interchange of a site and every bound iteration: it may throw to stop the work (a cancelled job).
     */
    public static Result solve(CoveringProblem problem, int p, boolean[] excluded, long timeLimitMillis, Runnable checkpoint) {
        if (p < 0) {
            throw new IllegalArgumentException("p must be ≥ 0, was " + p);
        }
        int candidates = problem.candidateCount();
        boolean[] allowed = new boolean[candidates];
        for (int c = 0; c < candidates; c++) {
            allowed[c] = excluded == null || c >= excluded.length || !excluded[c];
        }
        long deadline = System.nanoTime() + Math.max(0, timeLimitMillis) * 1_000_000L;
        Selection s = problem.hasRequirements() ? greedyByScore(problem, p, allowed, checkpoint) : greedy(problem, p, allowed, checkpoint);
        int swaps = interchange(problem, s, allowed, deadline, checkpoint);
        dropIdle(problem, s);
        int[] sites = s.sites();
        double[] gains = new double[sites.length];
        int[] ordered = order(problem, sites, gains);
        double covered = problem.coveredBy(ordered);
        double bound = Math.max(covered, upperBound(problem, p, allowed, covered, checkpoint));
        double gap = bound <= 0 ? 0 : 100 * (bound - covered) / bound;
        String method = (problem.hasRequirements() ? "greedy re-evaluated each step (places requiring two or more sites)"
                : "greedy") + " + interchange (" + swaps + " swaps), Lagrangian upper bound";
        return new Result(ordered, gains, covered, bound, gap, method, swaps);
    }

    /** Chosen sites and how many of them cover each demand place. */
    private static final class Selection {
        final boolean[] chosen;
        final int[] count;
        int size;

        Selection(int candidates, int demands) {
            chosen = new boolean[candidates];
            count = new int[demands];
        }

        void add(CoveringProblem problem, int c) {
            chosen[c] = true;
            size++;
            for (int d : problem.coversOf(c)) {
                count[d]++;
            }
        }

        void remove(CoveringProblem problem, int c) {
            chosen[c] = false;
            size--;
            for (int d : problem.coversOf(c)) {
                count[d]--;
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

    /** People of the places candidate c would complete: covered by one site fewer than they require. */
    private static double gain(CoveringProblem problem, Selection s, int c) {
        double g = 0;
        for (int d : problem.coversOf(c)) {
            if (s.count[d] + 1 == problem.required(d)) {
                g += problem.weight(d);
            }
        }
        return g;
    }

    /**
     * People of the places c completes, plus {@code w/r} of each place it brings a step nearer to its r, counting only
     * places that enough allowed candidates cover to complete ({@code coverable}, null: all).
     */
    private static double score(CoveringProblem problem, Selection s, int c, boolean[] coverable) {
        double g = 0;
        for (int d : problem.coversOf(c)) {
            int r = problem.required(d);
            if (s.count[d] + 1 == r) {
                g += problem.weight(d);
            } else if (s.count[d] + 1 < r && (coverable == null || coverable[d])) {
                g += problem.weight(d) / r;
            }
        }
        return g;
    }

    /** People of the places only the chosen site c completes: those covered exactly as often as they require. */
    private static double loss(CoveringProblem problem, Selection s, int c) {
        double l = 0;
        for (int d : problem.coversOf(c)) {
            if (s.count[d] == problem.required(d)) {
                l += problem.weight(d);
            }
        }
        return l;
    }

    /** Lazy greedy: a candidate's stored gain is an upper bound on its gain now; re-evaluate the best until it holds. */
    private static Selection greedy(CoveringProblem problem, int p, boolean[] allowed, Runnable checkpoint) {
        Selection s = new Selection(problem.candidateCount(), problem.demandCount());
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0])
                : Double.compare(a[1], b[1]));
        for (int c = 0; c < problem.candidateCount(); c++) {
            if (allowed[c]) {
                queue.add(new double[]{gain(problem, s, c), c});
            }
        }
        while (s.size < p && !queue.isEmpty()) {
            checkpoint.run();
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

    /**
     * Greedy when gains may grow (requirements): each step every candidate is re-evaluated by its {@link #score} and the
     * best one (ties: the lowest index) is added, until p are chosen or none scores anything.
     */
    private static Selection greedyByScore(CoveringProblem problem, int p, boolean[] allowed, Runnable checkpoint) {
        Selection s = new Selection(problem.candidateCount(), problem.demandCount());
        // starting a place that too few allowed candidates cover would waste a site
        boolean[] coverable = coverable(problem, allowed);
        while (s.size < p) {
            checkpoint.run();
            int best = -1;
            double bestScore = EPSILON;
            for (int c = 0; c < problem.candidateCount(); c++) {
                if (allowed[c] && !s.chosen[c]) {
                    double score = score(problem, s, c, coverable);
                    if (score > bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            s.add(problem, best);
        }
        return s;
    }

    /**
     * Applies improving swaps (the best incoming site per chosen site) until none is left or the deadline passes. The
     * outgoing site is taken out while the incoming ones are weighed, so their gains count what they complete without
     * it; it goes back when no swap improves.
     */
    private static int interchange(CoveringProblem problem, Selection s, boolean[] allowed, long deadline, Runnable checkpoint) {
        int swaps = 0;
        boolean improved = true;
        while (improved && System.nanoTime() < deadline) {
            improved = false;
            for (int out : s.sites()) {
                checkpoint.run();
                double loss = loss(problem, s, out);
                s.remove(problem, out);
                int best = -1;
                double bestDelta = EPSILON;
                for (int in = 0; in < problem.candidateCount(); in++) {
                    if (!allowed[in] || s.chosen[in] || in == out) {
                        continue;
                    }
                    double delta = gain(problem, s, in) - loss;
                    if (delta > bestDelta) {
                        bestDelta = delta;
                        best = in;
                    }
                }
                if (best >= 0) {
                    s.add(problem, best);
                    swaps++;
                    improved = true;
                } else {
                    s.add(problem, out);
                }
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
        }
        return swaps;
    }

    /** Removes every chosen site whose removal loses nobody (a pair never completed, or a site others made redundant). */
    private static void dropIdle(CoveringProblem problem, Selection s) {
        for (int c : s.sites()) {
            if (loss(problem, s, c) <= EPSILON) {
                s.remove(problem, c);
            }
        }
    }

    /** The sites without those whose removal loses nobody (see {@link #dropIdle}), ascending: for any solver's answer. */
    static int[] withoutIdle(CoveringProblem problem, int[] sites) {
        Selection s = new Selection(problem.candidateCount(), problem.demandCount());
        for (int c : sites) {
            if (!s.chosen[c]) {
                s.add(problem, c);
            }
        }
        dropIdle(problem, s);
        return s.sites();
    }

    /**
     * The sites in greedy order over themselves, with the people each completes given those before it (into
     * {@code gains}, as long as {@code sites}; they add up to what the sites cover): how a report lists a chosen set,
     * whoever chose it.
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
            double bestScore = -1;
            for (int i = 0; i < left.size(); i++) {
                double g = gain(problem, s, left.get(i));
                // ties (the first of a pair completes nothing alone): the one that brings most places nearer first
                double score = problem.hasRequirements() ? score(problem, s, left.get(i), null) : g;
                if (g > best || g == best && score > bestScore) {
                    best = g;
                    bestScore = score;
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
        return upperBound(problem, p, allowed, known, () -> { });
    }

    static double upperBound(CoveringProblem problem, int p, boolean[] allowed, double known, Runnable checkpoint) {
        int demands = problem.demandCount();
        int candidates = problem.candidateCount();
        boolean[] coverable = coverable(problem, allowed);
        double coverableTotal = 0;
        for (int d = 0; d < demands; d++) {
            if (coverable[d]) {
                coverableTotal += problem.weight(d);
            }
        }
        // a covered place is covered by r of the chosen sites: each of them can claim w/r of it
        double[] single = new double[candidates];
        for (int c = 0; c < candidates; c++) {
            if (allowed[c]) {
                for (int d : problem.coversOf(c)) {
                    if (coverable[d]) {
                        single[c] += problem.weight(d) / problem.required(d);
                    }
                }
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
            lambda[d] = coverable[d] ? problem.weight(d) / (2.0 * problem.required(d)) : 0;
        }
        double[] value = new double[candidates];
        int[] order = new int[candidates];
        double theta = 2;
        int stale = 0;
        for (int it = 0; it < BOUND_ITERATIONS; it++) {
            checkpoint.run();
            double l = 0;
            for (int d = 0; d < demands; d++) {
                if (coverable[d]) {
                    l += Math.max(0, problem.weight(d) - problem.required(d) * lambda[d]);
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
                    double g = subgradient(problem, d, lambda[d], times[d]);
                    norm += g * g;
                }
            }
            if (norm == 0 || theta < 1e-4) {
                break;
            }
            double step = theta * (l - lower) / norm;
            for (int d = 0; d < demands; d++) {
                if (coverable[d]) {
                    lambda[d] = Math.max(0, lambda[d] + step * subgradient(problem, d, lambda[d], times[d]));
                }
            }
        }
        return best;
    }

    /** Whether each place is covered by at least as many allowed candidates as it requires: whether it can count at all. */
    private static boolean[] coverable(CoveringProblem problem, boolean[] allowed) {
        int[] allowedCovering = new int[problem.demandCount()];
        for (int c = 0; c < problem.candidateCount(); c++) {
            if (allowed[c]) {
                for (int d : problem.coversOf(c)) {
                    allowedCovering[d]++;
                }
            }
        }
        boolean[] coverable = new boolean[allowedCovering.length];
        for (int d = 0; d < coverable.length; d++) {
            coverable[d] = allowedCovering[d] >= problem.required(d);
        }
        return coverable;
    }

    /** {@code r_d · y_d − times_d}, with {@code y_d = 1} when the place is worth more than its multipliers. */
    private static double subgradient(CoveringProblem problem, int d, double lambda, int times) {
        int r = problem.required(d);
        return (problem.weight(d) > r * lambda ? r : 0) - times;
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
