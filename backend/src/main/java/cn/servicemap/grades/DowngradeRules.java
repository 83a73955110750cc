package cn.servicemap.grades;

import cn.servicemap.feedback.ProblemType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * When a star grade is due for review, and the automatic flags that suggest lowering it — the reasons 福州's rules give
 * for 降星 (not open at the set hours, facilities broken and not repaired, complaints not dealt with), read from
 * workers' problem reports (feedback) and from the registry:
 * <ul>
 *   <li>{@code REPEATED_CLOSED}: at least {@value #CLOSED_REPORTS} reports “已关闭” (closed when it should be open) made in
 *       the last {@value #CLOSED_WINDOW_DAYS} days that an editor confirmed or nobody has dealt with yet (dismissed ones
 *       do not count; one device's repeats within half an hour are one report);</li>
 *   <li>{@code BROKEN_FACILITY}: a report “没有水” — the facility a worker relies on broken — still open more than
 *       {@value #UNREPAIRED_DAYS} days after it was made;</li>
 *   <li>{@code UNRESOLVED_REPORTS}: any other report still open more than {@value #UNRESOLVED_DAYS} days after it was made
 *       (a “没有水” one already raises {@code BROKEN_FACILITY}, and is not counted twice);</li>
 *   <li>{@code ABOVE_CRITERIA}: the grade is above the one the registry supports under the region's star criteria
 *       ({@link cn.servicemap.gis.standards.StarCriteria}).</li>
 * </ul>
 * A grade is due for review {@link #REVIEW_INTERVAL} after its review date (the city reviews yearly); a station of a kind
 * the scheme grades and never reviewed is due at once. Flags never change a grade: reviewers do.
 */
final class DowngradeRules {

    /** Grades are reviewed yearly. */
    static final Period REVIEW_INTERVAL = Period.ofYears(1);
    /** How many “已关闭” reports within {@link #CLOSED_WINDOW_DAYS} raise {@code REPEATED_CLOSED}. */
    static final int CLOSED_REPORTS = 2;
    static final int CLOSED_WINDOW_DAYS = 90;
    /** A “没有水” report open longer than this raises {@code BROKEN_FACILITY}. */
    static final int UNREPAIRED_DAYS = 30;
    /** Any other report open longer than this raises {@code UNRESOLVED_REPORTS}. */
    static final int UNRESOLVED_DAYS = 30;

    /** What the rules read of one report. */
    record ReportSignal(ProblemType type, boolean open, boolean confirmed, OffsetDateTime reportedAt) {
    }

    private DowngradeRules() {
    }

    /** The oldest report the rules need besides open ones: the start of the “已关闭” window. */
    static OffsetDateTime reportsSince(OffsetDateTime now) {
        return now.minusDays(CLOSED_WINDOW_DAYS);
    }

    static LocalDate dueOn(LocalDate reviewedAt) {
        return reviewedAt.plus(REVIEW_INTERVAL);
    }

    static boolean due(LocalDate reviewedAt, LocalDate today) {
        return !dueOn(reviewedAt).isAfter(today);
    }

    /**
     * The flags of one station.
     *
     * @param stars          the station's grade, null when never reviewed
     * @param supportedStars the grade the registry supports, null when the scheme does not grade the station's kind
     * @param missing        what the registry lacks for the grade above the supported one, in words
     */
    static List<DowngradeFlag> flags(List<ReportSignal> reports, Integer stars, Integer supportedStars, List<String> missing,
                                     OffsetDateTime now) {
        List<DowngradeFlag> out = new ArrayList<>();
        int closed = (int) reports.stream().filter(r -> r.type() == ProblemType.CLOSED && (r.open() || r.confirmed())
                && !r.reportedAt().isBefore(now.minusDays(CLOSED_WINDOW_DAYS))).count();
        if (closed >= CLOSED_REPORTS) {
            out.add(new DowngradeFlag("REPEATED_CLOSED", CLOSED_WINDOW_DAYS + " 天内 " + closed + " 次报告“应开未开”（已核实或未处理）", closed));
        }
        int broken = openLongerThan(reports, UNREPAIRED_DAYS, now, true);
        if (broken > 0) {
            out.add(new DowngradeFlag("BROKEN_FACILITY", broken + " 条“没有水”报告超过 " + UNREPAIRED_DAYS + " 天未处理（设施损坏未修复）", broken));
        }
        int unresolved = openLongerThan(reports, UNRESOLVED_DAYS, now, false);
        if (unresolved > 0) {
            out.add(new DowngradeFlag("UNRESOLVED_REPORTS", unresolved + " 条职工反馈超过 " + UNRESOLVED_DAYS + " 天未处理", unresolved));
        }
        if (stars != null && supportedStars != null && stars > supportedStars) {
            out.add(new DowngradeFlag("ABOVE_CRITERIA", "评定 " + stars + "★，登记信息只支持 " + supportedStars + "★"
                    + (missing.isEmpty() ? "" : "（缺：" + String.join("、", missing) + "）"), 0));
        }
        return out;
    }

    /** Open reports made more than {@code days} ago: of “没有水” only, or of every other type. */
    private static int openLongerThan(List<ReportSignal> reports, int days, OffsetDateTime now, boolean noWater) {
        return (int) reports.stream().filter(r -> r.open() && (r.type() == ProblemType.NO_WATER) == noWater
                && r.reportedAt().isBefore(now.minusDays(days))).count();
    }
}
