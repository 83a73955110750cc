package cn.servicemap.coverage;

import cn.servicemap.gis.network.TravelProfile;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The coverage figures other features measure against (the compliance table, scenario comparison): the report and
 * 交叉覆盖 of one selection, now or after a list of changes tried as a what-if (nothing stored).
 */
@Component
public class CoverageFigures {

    /**
     * @param report  the coverage report of the selection (after the changes, if any)
     * @param cross   its 交叉覆盖
     * @param placed  where the changes' added, moved or reopened stations landed, in order (empty without changes)
     */
    public record Figures(CoverageResponses.Report report, CoverageResponses.Cross cross, List<CoverageResponses.Placed> placed) {
    }

    private final CoverageService coverage;
    private final WhatIfs whatIfs;

    CoverageFigures(CoverageService coverage, WhatIfs whatIfs) {
        this.coverage = coverage;
        this.whatIfs = whatIfs;
    }

    /**
     * The figures of the stations of {@code kinds} (codes; empty for all) on {@code profile} within {@code bandMinutes},
     * after {@code changes} when there are any (checked as a what-if: a change that does not fit is a 400 naming it).
     */
    public Figures of(String region, TravelProfile profile, int bandMinutes, List<String> kinds, List<StationChange> changes) {
        return of(region, profile, bandMinutes, kinds, null, changes, null, null);
    }

    /**
     * As above, counting only the stations offering every one of {@code services} (null: any) open at {@code openAt} (null:
     * every open station), for {@code demand} (null: residents).
     */
    public Figures of(String region, TravelProfile profile, int bandMinutes, List<String> kinds, List<String> services,
                      List<StationChange> changes, java.time.LocalDateTime openAt, String demand) {
        CoverageService.State base = whatIfs.state(region, profile, new Bands(List.of(bandMinutes)), kinds, services, openAt, demand);
        if (changes == null || changes.isEmpty()) {
            return new Figures(CoverageResponses.report(base, base.coverage()), CoverageResponses.cross(base, coverage.cross(base)), List.of());
        }
        WhatIfComputation.Result result = coverage.whatIfWithCross(base, changes);
        CoverageService.State after = result.after();
        return new Figures(CoverageResponses.report(after, after.coverage()), CoverageResponses.cross(after, result.crossAfter().report()),
                WhatIfs.placed(base, result));
    }
}
