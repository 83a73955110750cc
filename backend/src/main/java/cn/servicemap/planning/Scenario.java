package cn.servicemap.planning;

import cn.servicemap.coverage.CoverageService;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A saved what-if: changes to stations a planner wants to keep, evaluated against the current data
 * whenever it is opened, and applied to the registry only on request.
 *
 * @param baseDataVersion the data version it was saved at (the stations may have changed since)
 * @param appliedAt       when its changes were written to the registry, or null
 */
public record Scenario(long id, String name, String profile, List<Integer> bands, List<String> kinds,
                       List<CoverageService.Change> changes, long baseDataVersion, OffsetDateTime createdAt,
                       OffsetDateTime appliedAt) {
}
