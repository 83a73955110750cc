package cn.servicemap.grades;

import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.TextFields;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A review to record (记录星级评定). */
@Schema(description = "A star-grade review to record (记录星级评定)")
public record GradeRequest(@Schema(description = "1 to 5") Integer stars,
                           @Schema(description = "The day of the review, not in the future, e.g. 2026-11-20") LocalDate reviewedAt,
                           @Schema(description = "Who reviewed it, e.g. 鼓楼区总工会 星级评定小组") String reviewer,
                           @Schema(description = "What the grade rests on: inspection record, photos, the checklist filled in") String evidence) {

    /** Reviews dated before this are typing mistakes. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final int MAX_REVIEWER = 200;
    static final int MAX_EVIDENCE = 2000;

    /** The request with its text trimmed, or a 400 listing every field that is wrong. */
    GradeRequest checked(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (stars == null || stars < 1 || stars > 5) {
            errors.add(new FieldError("stars", "星级须为 1 到 5 星 (stars must be 1 to 5)", stars == null ? "MISSING_VALUE" : "OUT_OF_RANGE"));
        }
        if (reviewedAt == null) {
            errors.add(new FieldError("reviewedAt", "请填写评定日期 (the review date is required)", "MISSING_VALUE"));
        } else if (reviewedAt.isAfter(today)) {
            errors.add(new FieldError("reviewedAt", "评定日期不能晚于今天 " + today + " (the review date cannot be in the future)", "FUTURE_DATE"));
        } else if (reviewedAt.isBefore(EARLIEST)) {
            errors.add(new FieldError("reviewedAt", "评定日期早于 " + EARLIEST + "，请核对 (the review date is before " + EARLIEST + ")",
                    "OUT_OF_RANGE"));
        }
        String who = TextFields.required(reviewer, "reviewer", "请写明评定人（最多 " + MAX_REVIEWER + " 字）(say who reviewed it, at most "
                + MAX_REVIEWER + " characters)", MAX_REVIEWER, errors);
        String why = TextFields.required(evidence, "evidence", "请写明评定依据，如现场检查记录、照片编号（最多 " + MAX_EVIDENCE + " 字）(give the evidence, at most "
                + MAX_EVIDENCE + " characters)", MAX_EVIDENCE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new GradeRequest(stars, reviewedAt, who, why);
    }
}
