package cn.servicemap.gis.siting;

import java.util.ArrayList;
import java.util.List;

/**
 * Location set covering, in its partial form (LSCP with a target): the fewest candidate sites that together cover at
 * least a given number of people, with a lower bound on how few could.
 *
 * <p><b>Search.</b> Maximal covering ({@link MaximalCovering}) for k = 1, 2, … sites, taking the first k whose answer
 * reaches the target, or stopping when an answer covers all that every allowed candidate together covers; then sites
 * whose removal still leaves the target met are dropped (smallest gain first). <b>Bound.</b> The smallest k whose
 * maximal-covering upper bound reaches the target: no k − 1 sites can. When even every candidate together falls short,
 * the answer says so and covers all it can.
 *
 * <p>Places requiring two or more sites ({@link CoveringProblem}) are supported as maximal covering supports them: an
 * answer for k sites may then hold fewer (a pair it could not complete is dropped) while k + 1 sites would cover more,
 * so the search goes on to the next k rather than stopping there; the bound stays valid, the search has no guarantee.
 */
public final class SetCovering {

    private SetCovering() {
    }

    /**
     * @param sites      the chosen candidates, in the order of their gains
     * @param gains      people each adds to those before it
     * @param covered    people they cover together
     * @param target     people asked for
     * @param reached    whether {@code covered ≥ target}
     * @param lowerBound no fewer sites can reach the target (equal to the number of sites: proved fewest)
     * @param method     how it was found, for reports
     */
    public record Result(int[] sites, double[] gains, double covered, double target, boolean reached, int lowerBound,
                         String method) {
    }

    /**
     * @param target          people to cover (e.g. the people a district must bring within the band to meet its target)
     * @param excluded        candidates that may not be chosen (null: none)
     * @param timeLimitMillis for each maximal-covering step's interchange
     */
    public static Result solve(CoveringProblem problem, double target, boolean[] excluded, long timeLimitMillis) {
        return solve(problem, target, excluded, timeLimitMillis, () -> { });
    }

    /** As {@link #solve(CoveringProblem, double, boolean[], long)}, with {@code checkpoint} as in {@link MaximalCovering}. */
    public static Result solve(CoveringProblem problem, double target, boolean[] excluded, long timeLimitMillis, Runnable checkpoint) {
        if (!(target >= 0)) {
            throw new IllegalArgumentException("target must be ≥ 0 people, was " + target);
        }
        boolean[] allowed = new boolean[problem.candidateCount()];
        int allowedCount = 0;
        for (int c = 0; c < allowed.length; c++) {
            allowed[c] = excluded == null || c >= excluded.length || !excluded[c];
            allowedCount += allowed[c] ? 1 : 0;
        }
        if (target <= MaximalCovering.EPSILON) {
            return new Result(new int[0], new double[0], 0, target, true, 0, "nothing to cover");
        }
        int[] allAllowed = new int[allowedCount];
        for (int c = 0, k = 0; c < allowed.length; c++) {
            if (allowed[c]) {
                allAllowed[k++] = c;
            }
        }
        double coverable = problem.coveredBy(allAllowed);
        int lowerBound = 0;
        MaximalCovering.Result best = null;
        for (int k = 1; k <= allowedCount; k++) {
            MaximalCovering.Result r = MaximalCovering.solve(problem, k, excluded, timeLimitMillis, checkpoint);
            if (lowerBound == 0 && r.upperBound() >= target - MaximalCovering.EPSILON) {
                lowerBound = k;
            }
            if (best == null || r.covered() > best.covered()) {
                best = r;
            }
            if (r.covered() >= Math.min(target, coverable) - MaximalCovering.EPSILON) {
                break; // reached, or nothing more can be covered
            }
        }
        if (best == null) {
            return new Result(new int[0], new double[0], 0, target, false, 0, "no candidate may be chosen");
        }
        boolean reached = best.covered() >= target - MaximalCovering.EPSILON;
        int[] sites = reached ? pruned(problem, best.sites(), target) : best.sites();
        double[] gains = new double[sites.length];
        int[] ordered = MaximalCovering.order(problem, sites, gains);
        return new Result(ordered, gains, problem.coveredBy(ordered), target, reached,
                reached ? Math.min(lowerBound == 0 ? ordered.length : lowerBound, ordered.length) : lowerBound,
                "maximal covering for k = 1, 2, … sites until the target is met, redundant sites dropped; lower bound from "
                        + "the Lagrangian bound of each k");
    }

    /** Drops sites, smallest gain first, while the rest still reach the target. */
    private static int[] pruned(CoveringProblem problem, int[] sites, double target) {
        List<Integer> kept = new ArrayList<>();
        for (int s : sites) {
            kept.add(s);
        }
        for (int i = kept.size() - 1; i >= 0; i--) {
            List<Integer> without = new ArrayList<>(kept);
            without.remove(i);
            if (problem.coveredBy(without.stream().mapToInt(Integer::intValue).toArray()) >= target - MaximalCovering.EPSILON) {
                kept = without;
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
