package cn.servicemap.grades;

import io.swagger.v3.oas.annotations.media.Schema;

/** A sign, from workers' reports or the registry, that a station's grade may be too high (see {@link DowngradeRules}). */
@Schema(description = "An automatic flag suggesting a downgrade at the next review (建议降星)")
public record DowngradeFlag(@Schema(description = "REPEATED_CLOSED, BROKEN_FACILITY, UNRESOLVED_REPORTS or ABOVE_CRITERIA") String code,
                            @Schema(description = "In words, e.g. 90 天内 2 次报告“应开未开”") String text,
                            @Schema(description = "The reports behind it (0 for ABOVE_CRITERIA)") int reports) {
}
