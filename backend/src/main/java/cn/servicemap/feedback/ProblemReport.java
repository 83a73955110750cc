package cn.servicemap.feedback;

import java.time.OffsetDateTime;

/**
 * A worker's report of a problem with a station, open until a planner resolves it.
 *
 * @param contact how to reach the reporter, if they chose to leave it
 */
public record ProblemReport(long id, long stationId, String stationName, ProblemType type, String typeName, String note,
                            String contact, String status, OffsetDateTime createdAt, OffsetDateTime resolvedAt,
                            String resolution) {
}
