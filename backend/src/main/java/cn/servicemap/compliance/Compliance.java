package cn.servicemap.compliance;

import cn.servicemap.coverage.CoverageResponses;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The compliance table (达标情况) as the API answers it: per district and for the region, each measure against its
 * target, with a traffic light and the shortfall in numbers.
 */
@Schema(description = "Compliance with the policy targets (达标情况), per district and for the region")
public record Compliance(CoverageResponses.RegionRef region, long dataVersion,
                         @Schema(description = "The service circle's walk time in minutes (target SHUANG15_WALK_TIME)") int walkMinutes,
                         @Schema(description = "The station kind the service circle counts (户外劳动者服务站点)") String stationKind,
                         List<TargetInUse> targets, List<Column> columns, Row total, List<Row> districts, String note) {

    /** 达标 / 接近 / 未达标 / 未设目标 */
    public enum Light {
        /** the target is met (达标) */
        GREEN,
        /** within 90 % of the target (接近) */
        AMBER,
        /** below 90 % of the target (未达标) */
        RED,
        /** no target set, or nothing to measure (未设目标 / 无数据) */
        GREY;

        /** 达标 / 接近 / 未达标 / 未设目标, as tables and files show it. */
        public String nameZh() {
            return switch (this) {
                case GREEN -> "达标";
                case AMBER -> "接近";
                case RED -> "未达标";
                case GREY -> "未设目标";
            };
        }
    }

    @Schema(description = "A column of the table: what it measures and against which target")
    public record Column(Measure measure, String nameZh, String targetCode, @Schema(description = "%, 个 or 个/万人") String unit) {
    }

    @Schema(description = "One district, or the region when adcode is null (全区域)")
    public record Row(@Schema(nullable = true) String adcode, String name, List<Cell> cells,
                      @Schema(description = "Cells meeting their target") int met,
                      @Schema(description = "Cells amber or red") int missed) {
    }

    @Schema(description = "One measure of one row against its target")
    public record Cell(Measure measure,
                       @Schema(description = "The value: per cent for shares, a count, or stations per 10,000 people", nullable = true) Double value,
                       @Schema(nullable = true) Double target, Light light,
                       @Schema(description = "What is missing to meet the target, in shortfallUnit (0 when met)", nullable = true) Double shortfall,
                       String shortfallUnit,
                       @Schema(description = "The cell in words, e.g. 82.3%（目标 90%，还差 1,234 人）") String text) {
    }

    @Schema(description = "A target as it applies to the region: its default from the seed, or the region's own value")
    public record TargetInUse(String code, String nameZh, @Schema(nullable = true) Double value, String unit, String scope,
                              String source,
                              @Schema(description = "Whether the default figure was seen in the cited document") boolean verified,
                              @Schema(nullable = true) Double defaultValue,
                              @Schema(description = "Whether the region set its own value") boolean regionSet,
                              @Schema(nullable = true) String setBy, @Schema(nullable = true) String note,
                              @Schema(nullable = true) OffsetDateTime setAt) {
    }
}
