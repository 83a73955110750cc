package cn.servicemap.feedback;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * A worker's report of a problem with a station, open until the station's editor confirms or dismisses it.
 *
 * @param adcode     the station's district (whose editors moderate it)
 * @param contact    how to reach the reporter, if they chose to leave it
 * @param reports    how many times the same client reported it (repeats within a short time are merged)
 * @param outcome    CONFIRMED (the station was changed) or DISMISSED, once resolved
 * @param resolvedBy who resolved it
 */
public record ProblemReport(long id, long stationId, String stationName, @Schema(nullable = true) String adcode, ProblemType type,
                            String typeName, @Schema(nullable = true) String note, @Schema(nullable = true) String contact, String status,
                            int reports, OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime resolvedAt,
                            @Schema(nullable = true) String resolution, @Schema(nullable = true) String outcome,
                            @Schema(nullable = true) String resolvedBy) {
}
