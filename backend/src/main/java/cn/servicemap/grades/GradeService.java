package cn.servicemap.grades;

import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.standards.StarCriteria;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.region.RegionScope;
import cn.servicemap.security.Access;
import cn.servicemap.standards.StandardChoices;
import cn.servicemap.standards.StationStandards;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.ConflictException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Star grades: recorded by editors of the station's district as their city reviews them, read as a station's history, and
 * listed for the planner when a yearly review is due or the rules flag a possible downgrade ({@link DowngradeRules}).
 */
@Service
public class GradeService {

    @Schema(description = "What the region's star criteria say of the station's record (a suggestion beside the grade)")
    public record Criteria(String scheme, String schemeName,
                           @Schema(description = "0–5: the highest grade no listed criterion contradicts") int supportedStars,
                           @Schema(description = "Criteria up to that grade the record cannot tell (需现场核实)") List<String> toVerify,
                           @Schema(description = "What the record lacks for the next grade") List<String> missingForNext) {

        static Criteria of(String scheme, String name, StarCriteria.Evaluation e) {
            return e == null ? null : new Criteria(scheme, name, e.supportedStars(), StationStandards.names(e.toVerify()),
                    StationStandards.names(e.missingForNext()));
        }
    }

    @Schema(description = "A station's star grade and its reviews, newest first (星级评定记录)")
    public record History(long stationId, String stationName, @Schema(nullable = true) StationGrades.GradeSummary current,
                          @Schema(nullable = true) Criteria criteria, List<StarGrade> reviews) {
    }

    @Schema(description = "A station whose review is due or flagged (待复核)")
    public record DueReview(long stationId, String name, @Schema(nullable = true) String code, @Schema(nullable = true) String adcode,
                            @Schema(nullable = true) String districtName, String kind,
                            @Schema(description = "NEVER_REVIEWED, REVIEW_DUE and/or FLAGGED") List<String> reasons,
                            @Schema(description = "The last grade, null when never reviewed", nullable = true) Integer stars,
                            @Schema(nullable = true) LocalDate reviewedAt, @Schema(nullable = true) LocalDate dueOn,
                            List<DowngradeFlag> flags, @Schema(nullable = true) Criteria criteria) {
    }

    @Schema(description = "The reviews a planner has to do (星级复核): flagged first, then overdue, then never reviewed")
    public record ReviewsDue(String region, LocalDate today, String scheme, String schemeName, int neverReviewed, int overdue, int flagged,
                             List<DueReview> stations, String rules) {
    }

    /** How the list explains itself. */
    static final String RULES = "每年复核一次：评定满一年即到期；未评定的" + "站点即需评定。自动提示降星：" + DowngradeRules.CLOSED_WINDOW_DAYS
            + " 天内 " + DowngradeRules.CLOSED_REPORTS + " 次以上“应开未开”报告（已核实或未处理）；“没有水”报告超过 " + DowngradeRules.UNREPAIRED_DAYS
            + " 天未处理；其他职工反馈超过 " + DowngradeRules.UNRESOLVED_DAYS + " 天未处理；评定星级高于登记信息所支持的星级。";

    private final StationService stations;
    private final StationRepository stationRepository;
    private final StationStandards standards;
    private final StandardChoices choices;
    private final StationGrades standings;
    private final GradeRepository grades;
    private final RegionScope scope;
    private final RegionIndex regionIndex;
    private final Access access;
    private final Clock clock;

    GradeService(StationService stations, StationRepository stationRepository, StationStandards standards, StandardChoices choices,
                 StationGrades standings, GradeRepository grades, RegionScope scope, RegionIndex regionIndex, Access access, Clock clock) {
        this.stations = stations;
        this.stationRepository = stationRepository;
        this.standards = standards;
        this.choices = choices;
        this.standings = standings;
        this.grades = grades;
        this.scope = scope;
        this.regionIndex = regionIndex;
        this.access = access;
        this.clock = clock;
    }

    /** The day reviews are judged on (Beijing time): a review cannot be dated after it. */
    public LocalDate today() {
        return StationGrades.today(clock);
    }

    /** Records a review; 403 unless the user edits stations of its district, 409 for a closed station. */
    @Transactional
    public StarGrade record(long stationId, GradeRequest body) {
        ServicePoint p = stations.get(stationId);
        access.requireStationEdit("id", p.adcode());
        GradeRequest g = body.checked(today());
        if (p.status() == StationStatus.CLOSED) {
            throw new ConflictException(HttpStatus.CONFLICT, "status", "站点已关闭，不能评定星级 (the station is closed)");
        }
        long id = grades.insert(stationId, g.stars(), g.reviewedAt(), g.reviewer(), g.evidence(), access.actor(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        return grades.history(stationId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    public History history(long stationId) {
        ServicePoint p = stations.get(stationId);
        StationStandards.Assessment a = standards.assess(List.of(p)).get(p.id());
        return new History(p.id(), p.name(), standings.of(List.of(p), Map.of(p.id(), a)).get(p.id()),
                Criteria.of(a.scheme().code(), a.scheme().nameZh(), a.stars()), grades.history(stationId));
    }

    /**
     * The region's stations (not closed) whose review is due or flagged: graded ones a year after their review or with a
     * flag, never-graded ones of the kinds the region's scheme grades.
     */
    public ReviewsDue due(String region) {
        RegionScope.Scope s = scope.resolve(region);
        StandardChoices.InUse in = choices.inUse(s.region().code());
        List<ServicePoint> points = stationRepository.find(new StationFilter(java.util.Set.of(), java.util.Set.of(), null, null, null,
                java.util.Set.of(), s.filterCode()));
        Map<Long, StationStandards.Assessment> assessed = standards.assess(points);
        List<DueReview> out = new ArrayList<>();
        int never = 0;
        int overdue = 0;
        int flagged = 0;
        for (StationGrades.Standing st : standings.standings(points, assessed, true)) {
            List<String> reasons = new ArrayList<>();
            if (st.latest() == null && st.due()) {
                reasons.add("NEVER_REVIEWED");
                never++;
            } else if (st.latest() != null && st.due()) {
                reasons.add("REVIEW_DUE");
                overdue++;
            }
            if (!st.flags().isEmpty() && (st.latest() != null || !reasons.isEmpty())) {
                reasons.add("FLAGGED");
                flagged++;
            }
            if (reasons.isEmpty()) {
                continue;
            }
            ServicePoint p = st.station();
            StarGrade g = st.latest();
            out.add(new DueReview(p.id(), p.name(), p.code(), p.adcode(), regionIndex.districtName(p.adcode()).orElse(null), p.kind(), reasons,
                    g == null ? null : g.stars(), g == null ? null : g.reviewedAt(), st.dueOn(), st.flags(),
                    Criteria.of(in.scheme().code(), in.scheme().nameZh(), st.criteria())));
        }
        out.sort(Comparator.comparingInt((DueReview d) -> -d.flags().size())
                .thenComparing(d -> d.stars() == null ? 1 : 0)
                .thenComparing(d -> d.dueOn() == null ? LocalDate.MAX : d.dueOn())
                .thenComparing(d -> d.adcode() == null ? "" : d.adcode())
                .thenComparing(DueReview::name));
        return new ReviewsDue(s.region().code(), today(), in.scheme().code(), in.scheme().nameZh(), never, overdue, flagged, out, RULES);
    }
}
