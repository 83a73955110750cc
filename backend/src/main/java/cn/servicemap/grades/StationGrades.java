package cn.servicemap.grades;

import cn.servicemap.gis.standards.StarCriteria;
import cn.servicemap.standards.StationStandards;
import cn.servicemap.stations.ServicePoint;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stations' grades with what the review rules say of them ({@link DowngradeRules}), in bulk: one query for the grades of a
 * whole list, one for the reports of the stations that need them.
 */
@Component
public class StationGrades {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Schema(description = "The station's star grade (星级) as last reviewed, whether its yearly review is due, and flags suggesting a downgrade")
    public record GradeSummary(@Schema(description = "1 to 5") int stars, LocalDate reviewedAt, String reviewer,
                               @Schema(description = "The yearly review is due (a year after reviewedAt)") boolean due, LocalDate dueOn,
                               List<DowngradeFlag> flags,
                               @Schema(description = "The grade the registry supports under the region's star criteria (a suggestion, "
                                       + "not a grade); null when the criteria do not grade this kind", nullable = true)
                               Integer supportedStars) {
    }

    /** One station under the review rules: its newest grade (null: never reviewed) and flags. */
    record Standing(ServicePoint station, StarGrade latest, List<DowngradeFlag> flags, LocalDate dueOn, boolean due,
                    StarCriteria.Evaluation criteria) {
    }

    private final GradeRepository grades;
    private final Clock clock;

    StationGrades(GradeRepository grades, Clock clock) {
        this.grades = grades;
        this.clock = clock;
    }

    /** The grade of each station of the list that has one, by id. */
    public Map<Long, GradeSummary> of(List<ServicePoint> points, Map<Long, StationStandards.Assessment> assessed) {
        Map<Long, GradeSummary> out = new HashMap<>();
        for (Standing s : standings(points, assessed, false)) {
            StarGrade g = s.latest();
            out.put(g.stationId(), new GradeSummary(g.stars(), g.reviewedAt(), g.reviewer(), s.due(), s.dueOn(), s.flags(),
                    s.criteria() == null ? null : s.criteria().supportedStars()));
        }
        return out;
    }

    /**
     * The standings of the graded stations of a list, and with {@code ungraded} of the others too (never reviewed: due
     * when the region's scheme grades their kind).
     */
    List<Standing> standings(List<ServicePoint> points, Map<Long, StationStandards.Assessment> assessed, boolean ungraded) {
        Map<Long, StarGrade> latest = grades.latest(ids(points));
        List<ServicePoint> wanted = ungraded ? points : points.stream().filter(p -> latest.containsKey(p.id())).toList();
        List<Standing> out = new ArrayList<>();
        if (wanted.isEmpty()) {
            return out;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = today(clock);
        Map<Long, List<DowngradeRules.ReportSignal>> reports = grades.reports(ids(wanted), DowngradeRules.reportsSince(now));
        for (ServicePoint p : wanted) {
            StarGrade g = latest.get(p.id());
            StationStandards.Assessment a = assessed.get(p.id());
            StarCriteria.Evaluation criteria = a == null ? null : a.stars();
            List<DowngradeFlag> flags = DowngradeRules.flags(reports.getOrDefault(p.id(), List.of()), g == null ? null : g.stars(),
                    criteria == null ? null : criteria.supportedStars(),
                    criteria == null ? List.of() : StationStandards.names(criteria.missingForNext()), now);
            LocalDate dueOn = g == null ? null : DowngradeRules.dueOn(g.reviewedAt());
            boolean due = g == null ? criteria != null : DowngradeRules.due(g.reviewedAt(), today);
            out.add(new Standing(p, g, flags, dueOn, due, criteria));
        }
        return out;
    }

    /** Today in Beijing time, the day review dates are judged on. */
    static LocalDate today(Clock clock) {
        return OffsetDateTime.now(clock).atZoneSameInstant(CHINA).toLocalDate();
    }

    /** The ids, or null (all rows) for a list too long to name them. */
    private static List<Long> ids(List<ServicePoint> points) {
        return points.size() > GradeRepository.MAX_IDS ? null : points.stream().map(ServicePoint::id).toList();
    }
}
