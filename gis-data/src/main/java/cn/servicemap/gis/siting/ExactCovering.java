package cn.servicemap.gis.siting;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * Maximal covering solved exactly as a mixed-integer program with SCIP (bundled with OR-Tools), within a time limit:
 * {@code max Σ w_d y_d} subject to {@code r_d · y_d ≤ Σ_{c covers d} x_c}, {@code Σ x_c ≤ p}, {@code x ∈ {0, 1}},
 * the excluded candidates fixed to 0. For a place requiring one site ({@code r_d = 1}) y is continuous in [0, 1] (it
 * is 0 or 1 at an optimum by itself); for one requiring more it must be binary, as a continuous y would earn
 * {@code w_d / r_d} for each covering site. Places fewer than {@code r_d} candidates cover are left out (they can never
 * count). Branch and bound on the LP relaxation, which for covering problems is usually tight; it answers the best
 * choice found and a proved upper bound, {@code OPTIMAL} when they meet. (CP-SAT was tried first: it did not prove
 * 300-place instances in 30 s.)
 *
 * <p>The greedy start ({@link MaximalCovering}) is given as a hint, so a run cut short by its limit is never worse than
 * it. Chosen sites whose removal would lose nobody are left out of the answer (the program may set them to 1 for free).
 * Limits: the solver's memory grows with the sum of the cover lists; a city-wide instance of tens of thousands of
 * places and thousands of candidates may not prove optimality in minutes — then the answer is {@code FEASIBLE} with its
 * bound.
 */
public final class ExactCovering {

    private ExactCovering() {
    }

    /**
     * @param status   OPTIMAL (proved), FEASIBLE (best found within the limit, with a bound), INTERRUPTED (stopped on request),
     *                 or INFEASIBLE/NOT_SOLVED
     * @param sites    the chosen candidates, ascending; none whose removal would lose anybody
     * @param covered  people they cover
     * @param bound    the solver's proved upper bound
     * @param seconds  wall time of the solve
     */
    public record Result(String status, int[] sites, double covered, double bound, double seconds) {
    }

    /** Solves with at most {@code timeLimitSeconds} and {@code workers} threads. */
    public static Result solve(CoveringProblem problem, int p, boolean[] excluded, double timeLimitSeconds, int workers) {
        return solve(problem, p, excluded, timeLimitSeconds, workers, () -> false);
    }

    /**
     * As {@link #solve(CoveringProblem, int, boolean[], double, int)}, asking {@code stop} every 100 ms while SCIP runs:
     * when it says yes the solve is interrupted and answers with what it has (status {@code INTERRUPTED} unless SCIP
     * had already proved optimality); the caller decides what an interrupted answer means.
     */
    public static Result solve(CoveringProblem problem, int p, boolean[] excluded, double timeLimitSeconds, int workers,
                               java.util.function.BooleanSupplier stop) {
        Loader.loadNativeLibraries();
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no SCIP solver on this platform");
        }
        int candidates = problem.candidateCount();
        MPVariable[] x = new MPVariable[candidates];
        MPConstraint budget = solver.makeConstraint(0, p, "sites");
        for (int c = 0; c < candidates; c++) {
            boolean out = excluded != null && c < excluded.length && excluded[c];
            x[c] = solver.makeIntVar(0, out ? 0 : 1, "x" + c);
            budget.setCoefficient(x[c], 1);
        }
        List<List<Integer>> coveredBy = new ArrayList<>();
        for (int d = 0; d < problem.demandCount(); d++) {
            coveredBy.add(new ArrayList<>());
        }
        for (int c = 0; c < candidates; c++) {
            for (int d : problem.coversOf(c)) {
                coveredBy.get(d).add(c);
            }
        }
        MPObjective objective = solver.objective();
        for (int d = 0; d < problem.demandCount(); d++) {
            double w = problem.weight(d);
            int r = problem.required(d);
            if (w <= 0 || coveredBy.get(d).size() < r) {
                continue;
            }
            // r·y_d ≤ Σ x_c: with r = 1 y may be continuous, it is 1 exactly when some chosen site covers d
            MPVariable y = r == 1 ? solver.makeNumVar(0, 1, "y" + d) : solver.makeIntVar(0, 1, "y" + d);
            MPConstraint cover = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "cover" + d);
            cover.setCoefficient(y, r);
            for (int c : coveredBy.get(d)) {
                cover.setCoefficient(x[c], -1);
            }
            objective.setCoefficient(y, w);
        }
        objective.setMaximization();
        MaximalCovering.Result start = MaximalCovering.solve(problem, p, excluded, 1_000);
        MPVariable[] hinted = new MPVariable[start.sites().length];
        double[] ones = new double[hinted.length];
        for (int k = 0; k < hinted.length; k++) {
            hinted[k] = x[start.sites()[k]];
            ones[k] = 1;
        }
        solver.setHint(hinted, ones);
        solver.setTimeLimit(Math.round(timeLimitSeconds * 1000));
        solver.setNumThreads(Math.max(1, workers));
        long t = System.nanoTime();
        MPSolverParameters parameters = new MPSolverParameters();
        // people are whole numbers: stop only when the bound is within one person of the best found
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
        // SCIP runs in native code: a watcher thread interrupts it when the caller asks to stop
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ScheduledExecutorService watcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "scip-stop-watcher");
            th.setDaemon(true);
            return th;
        });
        watcher.scheduleWithFixedDelay(() -> {
            if (!interrupted.get() && stop.getAsBoolean()) {
                interrupted.set(true);
                solver.interruptSolve();
            }
        }, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        MPSolver.ResultStatus status;
        try {
            status = solver.solve(parameters);
        } finally {
            watcher.shutdown();
            try {
                // the solver is deleted below: no interrupt may still be under way then
                watcher.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        String named = interrupted.get() && status != MPSolver.ResultStatus.OPTIMAL ? "INTERRUPTED" : status.name();
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
            solver.delete();
            return new Result(named, new int[0], 0, Double.NaN, seconds);
        }
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            if (x[c].solutionValue() > 0.5) {
                chosen.add(c);
            }
        }
        int[] sites = MaximalCovering.withoutIdle(problem, chosen.stream().mapToInt(Integer::intValue).toArray());
        double bound = Math.max(objective.bestBound(), problem.coveredBy(sites));
        solver.delete();
        return new Result(named, sites, problem.coveredBy(sites), bound, seconds);
    }
}
