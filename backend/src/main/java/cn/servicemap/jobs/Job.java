package cn.servicemap.jobs;

import cn.servicemap.system.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Long work a person watches (导入任务): what it is, which stage it is in, how far along, how long it still takes,
 * and how it ended.
 *
 * @param percent              0–100, by the weights of the stages done
 * @param secondsLeft          estimated from the time per percent so far; null until there is something to go by
 * @param errors               why it failed, field by field (a file that does not fit), or one line for a fault
 * @param result               what it made, for a person (e.g. the region's code and name)
 */
@Schema(description = "A long-running job with progress (任务)")
public record Job(String id, String kind, String subject, Status status, int stage, int stageCount, String stageName,
                  int percent, @Schema(nullable = true) Double secondsLeft, OffsetDateTime startedAt,
                  @Schema(nullable = true) OffsetDateTime endedAt, List<FieldError> errors, @Schema(nullable = true) String result) {

    /** RUNNING until it ends: SUCCEEDED, FAILED (errors say why) or CANCELLED (asked to stop). */
    public enum Status {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
    }
}
