package cn.servicemap.grades;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One review of a station's star grade (星级评定), as recorded and never changed.
 *
 * @param reviewedAt the day the city's reviewers graded it (评定日期)
 * @param reviewer   who graded it: the reviewing body or person (评定人)
 * @param evidence   what the grade rests on: the inspection record, photos, the checklist filled in (评定依据)
 * @param recordedBy who typed the review in
 */
@Schema(description = "One review of a station's star grade (星级评定)")
public record StarGrade(long id, long stationId, int stars, LocalDate reviewedAt, String reviewer, String evidence, String recordedBy,
                        OffsetDateTime recordedAt) {
}
