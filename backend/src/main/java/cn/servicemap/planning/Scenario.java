package cn.servicemap.planning;

import cn.servicemap.coverage.StationChange;
import cn.servicemap.gis.network.TravelProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A saved what-if (方案): changes to stations a planner wants to keep, evaluated against the current data
 * whenever it is opened, and applied to the registry only on request.
 *
 * @param bands           the bands it was saved with, empty for the configured defaults
 * @param baseDataVersion the data version it was saved at (the stations may have changed since)
 * @param appliedAt       when its changes were written to the registry, or null
 */
@Schema(description = "A saved what-if (方案)")
public record Scenario(long id, @Schema(description = "The region's code", nullable = true) String region, String name,
                       TravelProfile profile, List<Integer> bands, List<String> kinds,
                       List<StationChange> changes, long baseDataVersion, OffsetDateTime createdAt,
                       @Schema(nullable = true) OffsetDateTime appliedAt) {
}
