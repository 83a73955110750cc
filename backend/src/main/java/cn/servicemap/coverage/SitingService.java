package cn.servicemap.coverage;

import cn.servicemap.gis.coverage.Coverage;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.coverage.CrossCoverage;
import cn.servicemap.gis.coverage.SitingProblem;
import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.siting.ExactCovering;
import cn.servicemap.gis.siting.HostPlaces;
import cn.servicemap.gis.siting.MaximalCovering;
import cn.servicemap.gis.siting.SetCovering;
import cn.servicemap.jobs.Progress;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Where the next stations should go (选址): among candidate sites — street points near the people outside the band,
 * or a list the planner gives — the {@code sites} that bring the most people within the band (maximal covering), or
 * the fewest that bring a target share of the region's people within it (set covering), or that bring the most people
 * within the band of two or more stations (交叉覆盖: a place no station reaches needs two new ones), the existing stations
 * kept.
 * The answer carries an upper bound (or, for the fewest sites, a lower bound on their number) and the gap to it, the
 * method, and per site the people it adds. See {@link SitingProblem}, {@link MaximalCovering}, {@link SetCovering}.
 */
@Service
public class SitingService {

    static final int MAX_SITES = 200;
    static final int MAX_CANDIDATES = 3000;
    static final long INTERCHANGE_MILLIS = 20_000;
    static final int DEFAULT_EXACT_SECONDS = 20;
    static final double EXCLUDE_RADIUS_METERS = 50;
    static final int MAX_EXACT_SECONDS = 300;
    /** Beyond this many (candidate, place) pairs the exact solver is not tried: its model would not fit in memory. */
    static final long MAX_EXACT_PAIRS = 2_000_000;

    public enum Objective {
        /** 覆盖最多：the most people newly within the band with {@code sites} new stations */
        MAX_COVERAGE,
        /** 最少站点：the fewest new stations that bring {@code targetShare} of the people within the band */
        MIN_SITES,
        /** 交叉覆盖最多：the most people within the band of two or more stations with {@code sites} new stations (a place
         * no station reaches needs two of the new ones, a place one station reaches needs one) */
        MAX_CROSS_COVERAGE
    }

    public enum CandidateSource {
        /** street points (network nodes) at the streets where the people outside the band live */
        STREETS,
        /** places in the region's OSM data that could host a station: banks, post offices, fuel stations, community
         * centres, sanitation depots, public toilets, parks */
        HOST_PLACES,
        /** the planner's own list ({@code points}) */
        LIST
    }

    @Schema(description = "A candidate site given by the planner (候选点)")
    public record CandidatePoint(double lon, double lat, @Schema(nullable = true) String name) {
    }

    @Schema(description = "A siting request (选址): where new stations would bring the most people within the band")
    public record Request(@Schema(description = "The region's code; may be left out while the instance holds one region", nullable = true)
                          String region,
                          @Schema(description = "WALK (步行), EBIKE or CAR; default WALK", nullable = true) TravelProfile profile,
                          @Schema(description = "The band in minutes (default 15)", nullable = true) Integer minutes,
                          @Schema(description = "MAX_COVERAGE (default), MIN_SITES or MAX_CROSS_COVERAGE", nullable = true) Objective objective,
                          @Schema(description = "New stations for MAX_COVERAGE and MAX_CROSS_COVERAGE, 1–" + MAX_SITES + " (default 10)",
                                  nullable = true) Integer sites,
                          @Schema(description = "For MIN_SITES: the share of the region's people to bring within the band, 0–1",
                                  nullable = true) Double targetShare,
                          @Schema(description = "STREETS (default), HOST_PLACES or LIST", nullable = true) CandidateSource candidates,
                          @Schema(description = "For LIST: the candidate sites, at most " + MAX_CANDIDATES, nullable = true)
                          List<CandidatePoint> points,
                          @Schema(description = "Coordinate system of points (default WGS84)", nullable = true) CoordinateSystem crs,
                          @Schema(description = "Only stations of these kinds count as existing (codes or Chinese names)", nullable = true)
                          List<String> kinds,
                          @Schema(description = "MAX_COVERAGE, MAX_CROSS_COVERAGE: seconds for the exact solver (0: greedy + interchange only; default "
                                  + DEFAULT_EXACT_SECONDS + ", at most " + MAX_EXACT_SECONDS + ")", nullable = true)
                          Integer exactSeconds,
                          @Schema(description = "Places not to propose (排除): no candidate within " + EXCLUDE_RADIUS_METERS
                                  + " m of one is chosen; same crs as points", nullable = true) List<CandidatePoint> exclude,
                          @Schema(description = "Whom to cover: residents (default), riders, sanitation or drivers (需求)", nullable = true)
                          String demand,
                          @Schema(description = "Only stations open at this local time count as existing, e.g. 2026-12-05T23:00 "
                                  + "(\"10 sites that best cover riders at night\")", nullable = true) java.time.LocalDateTime at,
                          @Schema(description = "Only stations offering every one of these services count as existing", nullable = true)
                          List<String> services) {
    }

    @Schema(description = "A proposed new station (建议新站点)")
    public record Site(int rank, double lon, double lat, @Schema(nullable = true) String name, String street,
                       @Schema(description = "People it brings within the band, after the sites ranked before it (MAX_CROSS_COVERAGE: within "
                               + "the band of two stations; 0 for the first of a pair that only together reaches a place)") long peopleGained) {
    }

    @Schema(description = "The siting answer (选址结果)")
    public record Result(CoverageResponses.RegionRef region, TravelProfile profile, int minutes,
                         @Schema(description = "The kinds of the existing stations counted (codes; empty: all)") List<String> kinds,
                         Objective objective,
                         String method, int candidates,
                         @Schema(description = "People of the region (population surface)") long people,
                         @Schema(description = "People within the band now (MAX_CROSS_COVERAGE: within the band of two or more stations)")
                         long peopleWithinBefore,
                         @Schema(description = "People the sites bring within the band (MAX_CROSS_COVERAGE: of two or more stations)")
                         long peopleGained,
                         long peopleWithinAfter,
                         @Schema(description = "MAX_COVERAGE, MAX_CROSS_COVERAGE: no choice of as many sites gains more", nullable = true)
                         Long upperBound,
                         @Schema(description = "MAX_COVERAGE, MAX_CROSS_COVERAGE: (bound − gained) / bound in per cent", nullable = true)
                         Double gapPercent,
                         @Schema(description = "MIN_SITES: no fewer sites can reach the target", nullable = true) Integer fewestPossible,
                         @Schema(description = "MIN_SITES: whether the target is reached", nullable = true) Boolean targetReached,
                         List<Site> sites, long dataVersion) {
    }

    /** The stages of a siting job as a person watches them, with their share of the work. */
    public static final List<cn.servicemap.jobs.JobService.Stage> STAGES = List.of(
            new cn.servicemap.jobs.JobService.Stage("覆盖现状与候选点 (coverage now and candidate sites)", 20),
            new cn.servicemap.jobs.JobService.Stage("每个候选点能覆盖的人口 (who each candidate would cover)", 50),
            new cn.servicemap.jobs.JobService.Stage("选择站点与上界 (choosing the sites, the bound)", 30));

    private final WhatIfs whatIfs;
    private final cn.servicemap.catalog.CatalogParams params;
    private final cn.servicemap.security.Access access;
    private final cn.servicemap.region.RegionScope scope;
    private final cn.servicemap.system.ServiceMapProperties.Network settings;

    SitingService(WhatIfs whatIfs, cn.servicemap.region.RegionScope scope, cn.servicemap.system.ServiceMapProperties properties,
                  cn.servicemap.catalog.CatalogParams params, cn.servicemap.security.Access access) {
        this.access = access;
        this.whatIfs = whatIfs;
        this.params = params;
        this.scope = scope;
        this.settings = properties.network();
    }

    /** Checks a request before it is queued: a bad one is a 400 naming the field; a user who may not plan the region, 403. */
    public String check(Request r) {
        String region = validate(r);
        access.requireRegion("region", region, cn.servicemap.security.Role.PLANNER);
        return region;
    }

    /** The request's region, or a 400 naming every bad field. */
    private String validate(Request r) {
        String region = scope.resolve(r.region()).region().code(); // a 400 naming the codes when it is ambiguous
        List<FieldError> errors = new ArrayList<>();
        params.kinds(r.kinds(), "kinds", errors); // an unknown kind is refused now, not inside the job
        params.services(r.services(), "services", errors);
        WhatIfs.demand(r.demand(), errors);
        if (r.minutes() != null && (r.minutes() < 1 || r.minutes() > settings.searchLimitInMinutes())) {
            errors.add(new FieldError("minutes", "服务圈时长应在 1–" + settings.searchLimitInMinutes() + " 分钟 (minutes must lie in 1–"
                    + settings.searchLimitInMinutes() + ")", "OUT_OF_RANGE"));
        }
        if (r.sites() != null && (r.sites() < 1 || r.sites() > MAX_SITES)) {
            errors.add(new FieldError("sites", "新站点数应在 1–" + MAX_SITES + " 个 (sites must lie in 1–" + MAX_SITES + ")", "OUT_OF_RANGE"));
        }
        if (r.exactSeconds() != null && (r.exactSeconds() < 0 || r.exactSeconds() > MAX_EXACT_SECONDS)) {
            errors.add(new FieldError("exactSeconds", "精确求解时长应在 0–" + MAX_EXACT_SECONDS + " 秒 (exactSeconds must lie in 0–"
                    + MAX_EXACT_SECONDS + ")", "OUT_OF_RANGE"));
        }
        if (r.objective() == Objective.MIN_SITES && (r.targetShare() == null || !(r.targetShare() > 0 && r.targetShare() <= 1))) {
            errors.add(new FieldError("targetShare", "请给出 0–1 之间的目标覆盖率，如 0.9 (targetShare must lie in (0, 1])", "OUT_OF_RANGE"));
        }
        if (r.candidates() == CandidateSource.LIST) {
            if (r.points() == null || r.points().isEmpty() || r.points().size() > MAX_CANDIDATES) {
                errors.add(new FieldError("points", "候选点列表应有 1–" + MAX_CANDIDATES + " 个点 (points: 1–" + MAX_CANDIDATES + " candidates)", "OUT_OF_RANGE"));
            } else {
                for (int i = 0; i < r.points().size(); i++) {
                    CandidatePoint p = r.points().get(i);
                    if (p == null || !(Math.abs(p.lon()) <= 180 && Math.abs(p.lat()) <= 90)) {
                        errors.add(new FieldError("points[" + i + "]", "经纬度超出范围 (lon/lat out of range)", "OUT_OF_RANGE"));
                    }
                }
            }
        }
        if (r.exclude() != null) {
            if (r.exclude().size() > MAX_CANDIDATES) {
                errors.add(new FieldError("exclude", "排除点最多 " + MAX_CANDIDATES + " 个 (at most " + MAX_CANDIDATES + " places to exclude)",
                        "OUT_OF_RANGE"));
            }
            for (int i = 0; i < Math.min(r.exclude().size(), MAX_CANDIDATES); i++) {
                CandidatePoint p = r.exclude().get(i);
                if (p == null || !(Math.abs(p.lon()) <= 180 && Math.abs(p.lat()) <= 90)) {
                    errors.add(new FieldError("exclude[" + i + "]", "经纬度超出范围 (lon/lat out of range)", "OUT_OF_RANGE"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return region;
    }

    /** Computes the answer (run as a job: it reports its stages and stops when cancelled). */
    public Result site(Request r, Progress progress) {
        // stages: candidates, what each would cover, the choice
        validate(r); // checked with the user's rights when it was queued; the job runs without them
        int minutes = r.minutes() == null ? 15 : r.minutes();
        Objective objective = r.objective() == null ? Objective.MAX_COVERAGE : r.objective();
        CoverageService.State state = whatIfs.state(r.region(), r.profile(), null, r.kinds(), r.services(), r.at(), r.demand());
        Coverage coverage = state.coverage();
        CoverageModel model = coverage.model();
        RoadNetwork network = model.network();
        TravelProfile profile = state.profile();
        progress.stage(0);
        List<Snap> snaps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (r.candidates() == CandidateSource.LIST) {
            CoordinateSystem crs = r.crs() == null ? CoordinateSystem.WGS84 : r.crs();
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < r.points().size(); i++) {
                CandidatePoint p = r.points().get(i);
                LonLat w = ChinaCoordinates.toWgs84(crs, p.lon(), p.lat());
                Snap s = network.snapToMainComponent(profile, w.lon(), w.lat(), settings.stationSnapInMeters());
                if (!s.isSnapped()) {
                    errors.add(new FieldError("points[" + i + "]", "距离本区域" + profile.chineseLabel() + "道路超过 "
                            + Math.round(settings.stationSnapInMeters()) + " 米 (farther than " + Math.round(settings.stationSnapInMeters())
                            + " m from the region's roads)", "TOO_FAR_FROM_ROAD"));
                    continue;
                }
                snaps.add(s);
                names.add(p.name());
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        } else if (r.candidates() == CandidateSource.HOST_PLACES) {
            String osm = state.region().region().osmSource();
            if (osm == null || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(osm))) {
                throw new InvalidRequestException("candidates", "本区域没有可读的 OSM 文件，无法列出可依托的场所 (the region has no readable "
                        + "OSM file to find host places in)");
            }
            for (HostPlaces.Place place : HostPlaces.read(java.nio.file.Path.of(osm))) {
                if (snaps.size() >= MAX_CANDIDATES) {
                    break;
                }
                Snap s = network.snapToMainComponent(profile, place.lon(), place.lat(), settings.stationSnapInMeters());
                if (s.isSnapped()) {
                    snaps.add(s);
                    names.add(place.name() + (place.name().equals(place.kindZh()) ? "" : "（" + place.kindZh() + "）"));
                }
            }
            if (snaps.isEmpty()) {
                throw new InvalidRequestException("candidates", "本区域的 OSM 数据中没有可依托的场所（银行、邮局、加油站、社区中心、环卫所、公厕、公园）"
                        + " (no host places in the region's OSM data)");
            }
        }
        // 交叉覆盖 counts from the two nearest existing stations of every place
        TwoNearestSearch.Result two = objective == Objective.MAX_CROSS_COVERAGE
                ? new TwoNearestSearch(network, profile, state.field().timeLimitInMillis() / 1000).run(state.field().sources()) : null;
        if (r.candidates() != CandidateSource.LIST && r.candidates() != CandidateSource.HOST_PLACES) {
            for (Snap s : two == null ? SitingProblem.streetCandidates(coverage, minutes, MAX_CANDIDATES)
                    : SitingProblem.crossStreetCandidates(coverage, two, minutes, MAX_CANDIDATES)) {
                snaps.add(s);
                names.add(null);
            }
        }
        progress.stage(1);
        // a city's thousands of candidates take a while: a cancel is heard between them
        int candidateCount = snaps.size();
        java.util.function.IntConsumer each = done -> {
            if (done % 25 == 0) {
                progress.checkCancelled();
                progress.within((double) done / candidateCount);
            }
        };
        SitingProblem siting = two == null ? SitingProblem.build(coverage, minutes, snaps, each)
                : SitingProblem.buildCross(coverage, two, minutes, snaps, each);
        progress.stage(2);
        boolean[] excluded = excluded(snaps, r.exclude(), r.crs() == null ? CoordinateSystem.WGS84 : r.crs());
        long people = model.surface().totalPeople();
        long before = two == null ? Math.round(peopleWithin(coverage, minutes))
                : Math.round(CrossCoverage.compute(model, two, List.of(minutes)).region().peopleWithTwo().get(0));
        int[] chosen;
        double[] gains;
        Long upper = null;
        Double gap = null;
        Integer fewest = null;
        Boolean reached = null;
        String method;
        if (objective != Objective.MIN_SITES) {
            int p = r.sites() == null ? 10 : r.sites();
            MaximalCovering.Result m = MaximalCovering.solve(siting.problem(), p, excluded, INTERCHANGE_MILLIS, progress::checkCancelled);
            chosen = m.sites();
            gains = m.gains();
            double covered = m.covered();
            double bound = m.upperBound();
            method = m.method();
            int seconds = r.exactSeconds() == null ? DEFAULT_EXACT_SECONDS : r.exactSeconds();
            long pairs = siting.problem().pairCount();
            if (seconds > 0 && pairs <= MAX_EXACT_PAIRS) {
                progress.checkCancelled();
                progress.within(0.3);
                ExactCovering.Result exact = ExactCovering.solve(siting.problem(), p, excluded, seconds, 2, progress::isCancelled);
                progress.checkCancelled(); // an interrupted solve is a cancelled job
                if (!Double.isNaN(exact.bound())) {
                    bound = Math.min(bound, exact.bound());
                }
                if (exact.covered() > covered + 1e-9) {
                    gains = new double[exact.sites().length];
                    chosen = MaximalCovering.order(siting.problem(), exact.sites(), gains);
                    covered = exact.covered();
                }
                method = ("OPTIMAL".equals(exact.status()) ? "exact (SCIP mixed-integer program, proved optimal in "
                        : "greedy + interchange, then SCIP mixed-integer program (" + exact.status() + " after ")
                        + Math.round(exact.seconds() * 10) / 10.0 + " s)" + ("OPTIMAL".equals(exact.status()) ? "" : "; bound: the lower of "
                        + "SCIP's and the Lagrangian");
            }
            bound = Math.max(bound, covered);
            upper = (long) Math.floor(bound + 1e-6);
            gap = bound <= 0 ? 0 : Math.round(10_000 * (bound - covered) / bound) / 100.0;
        } else {
            double target = Math.max(0, r.targetShare() * people - before);
            SetCovering.Result s = SetCovering.solve(siting.problem(), target, excluded, INTERCHANGE_MILLIS / 10, progress::checkCancelled);
            chosen = s.sites();
            gains = s.gains();
            fewest = s.lowerBound();
            reached = s.reached();
            method = s.method();
        }
        List<Site> sites = new ArrayList<>();
        long gained = 0;
        for (int k = 0; k < chosen.length; k++) {
            Snap s = snaps.get(chosen[k]);
            long g = Math.round(gains[k]);
            gained += g;
            sites.add(new Site(k + 1, CoverageResponses.round(s.lon(), 7), CoverageResponses.round(s.lat(), 7), names.get(chosen[k]),
                    network.edgeName(s.edge()), g));
        }
        return new Result(CoverageResponses.region(state.region()), profile, minutes, state.selection().kinds().stream().sorted().toList(),
                objective, method, snaps.size(), people, before,
                gained, before + gained, upper, gap, fewest, reached, sites, state.dataVersion());
    }

    /** The candidates within {@value #EXCLUDE_RADIUS_METERS} m of a place the planner excluded. */
    private static boolean[] excluded(List<Snap> candidates, List<CandidatePoint> exclude, CoordinateSystem crs) {
        boolean[] out = new boolean[candidates.size()];
        if (exclude == null || exclude.isEmpty()) {
            return out;
        }
        List<LonLat> places = exclude.stream().map(p -> ChinaCoordinates.toWgs84(crs, p.lon(), p.lat())).toList();
        for (int c = 0; c < out.length; c++) {
            Snap s = candidates.get(c);
            for (LonLat x : places) {
                if (cn.servicemap.gis.crs.Geodesic.distanceMeters(s.lon(), s.lat(), x.lon(), x.lat()) <= EXCLUDE_RADIUS_METERS) {
                    out[c] = true;
                    break;
                }
            }
        }
        return out;
    }

    private static double peopleWithin(Coverage coverage, int minutes) {
        PopulationSurface surface = coverage.model().surface();
        int limit = minutes * 60_000;
        double sum = 0;
        for (int cell = 0; cell < surface.size(); cell++) {
            int t = coverage.cellTimeInMillis(cell);
            if (t >= 0 && t != cn.servicemap.gis.access.AccessField.UNREACHED && t <= limit) {
                sum += surface.people(cell);
            }
        }
        return sum;
    }
}
