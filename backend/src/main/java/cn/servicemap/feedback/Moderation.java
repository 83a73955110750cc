package cn.servicemap.feedback;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.security.Access;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationService;
import cn.servicemap.stations.StationSnapshot;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import cn.servicemap.system.TooManyRequestsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers' problem reports from report to resolution. A report is anonymous; its client (a hash of address and browser,
 * never stored in clear) may send {@value #PER_MINUTE} new reports a minute unless signed in, and its repeat of the same problem with the
 * same station within {@value #MERGE_MINUTES} minutes counts into the open report instead of opening another. The queue
 * a user sees holds the reports of the stations they may edit; confirming one changes the station through the ordinary
 * audited edit (已关闭 closes it, 不安全 suspends it, 没有水 drops the water service, 位置变了 moves it when a position is
 * given; each marks it verified today), dismissing one only closes the report.
 */
@Service
public class Moderation {

    static final int PER_MINUTE = 10;
    static final int MERGE_MINUTES = 30;

    /** What reporting answered: the report, and whether it was merged into an open one. */
    record Reported(ProblemReport report, boolean merged) {
    }

    private final ProblemReportRepository reports;
    private final StationService stations;
    private final Access access;
    private final Clock clock;

    Moderation(ProblemReportRepository reports, StationService stations, Access access, Clock clock) {
        this.reports = reports;
        this.stations = stations;
        this.access = access;
        this.clock = clock;
    }

    /** A client as a short hash of its address and browser: enough to merge and limit, nothing to identify it by. */
    public static String clientKey(String address, String userAgent) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((address + "|" + userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Reported report(long stationId, ProblemType type, String note, String contact, String clientKey) {
        stations.get(stationId);
        OffsetDateTime now = now();
        var repeat = reports.openRepeat(stationId, type, clientKey, now.minusMinutes(MERGE_MINUTES));
        if (repeat.isPresent()) {
            reports.merge(repeat.get(), now);
            return new Reported(reports.findById(repeat.get()).orElseThrow(), true);
        }
        if (access.current().isEmpty() && reports.reportsSince(clientKey, now.minusMinutes(1)) >= PER_MINUTE) {
            throw new TooManyRequestsException("报告过于频繁，请一分钟后再试 (too many reports from this device; try again in a minute)", 60);
        }
        long id = reports.insert(stationId, type, note, contact, clientKey, now);
        return new Reported(reports.findById(id).orElseThrow(), false);
    }

    /** The open (or resolved) reports of the stations the user may edit, newest first. */
    List<ProblemReport> queue(String status, Long stationId) {
        Map<String, Boolean> mayEdit = new java.util.HashMap<>(); // one check per district, not per report
        List<ProblemReport> mine = new ArrayList<>();
        for (ProblemReport r : reports.find(status, stationId)) {
            if (mayEdit.computeIfAbsent(String.valueOf(r.adcode()), k -> access.mayEditStation(r.adcode()))) {
                mine.add(r);
            }
        }
        return mine;
    }

    /** Confirms a report: the station changes as the report says (audited), then the report is resolved as CONFIRMED. */
    @Transactional
    ProblemReport confirm(long id, String note, Double lon, Double lat, CoordinateSystem crs) {
        ProblemReport r = open(id);
        ServicePoint p = stations.get(r.stationId());
        access.requireStationEdit("id", p.adcode());
        String actor = access.actor();
        String why = "职工报告 #" + id + "（" + r.typeName() + "）已核实" + (note == null ? "" : "：" + note);
        Map<StationField, String> v = StationSnapshot.of(p);
        v.put(StationField.VERIFIED_AT, LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString());
        switch (r.type()) {
            case CLOSED -> {
                v.put(StationField.STATUS, StationStatus.CLOSED.name());
                v.put(StationField.STATUS_REASON, why);
            }
            case UNSAFE -> {
                v.put(StationField.STATUS, StationStatus.TEMPORARILY_CLOSED.name());
                v.put(StationField.STATUS_REASON, why);
            }
            case NO_WATER -> v.put(StationField.SERVICES, String.join("|", p.services().stream().filter(s -> !s.equals("WATER")).toList()));
            case MOVED -> {
                if (lon == null || lat == null) {
                    throw new InvalidRequestException("lon", "确认“位置变了”须给出新位置 lon、lat (give the new position to confirm a move)");
                }
                v.put(StationField.LON, String.valueOf(lon));
                v.put(StationField.LAT, String.valueOf(lat));
            }
            default -> {
                // OTHER: the station is checked (verified today); what to change is the editor's own edit
            }
        }
        stations.update(p.id(), new StationInput(v), r.type() == ProblemType.MOVED && crs != null ? crs : CoordinateSystem.WGS84,
                p.version(), false, actor + " (report " + id + ")");
        resolve(id, why, "CONFIRMED", actor);
        return reports.findById(id).orElseThrow();
    }

    /** Dismisses a report with the reason; the station stays as it is. */
    @Transactional
    ProblemReport dismiss(long id, String resolution) {
        ProblemReport r = open(id);
        access.requireStationEdit("id", stations.get(r.stationId()).adcode());
        resolve(id, resolution, "DISMISSED", access.actor());
        return reports.findById(id).orElseThrow();
    }

    private ProblemReport open(long id) {
        ProblemReport r = reports.findById(id).orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的问题报告 (no report " + id + ")"));
        if (!"OPEN".equals(r.status())) {
            throw new ConflictException(HttpStatus.CONFLICT, "status", "该问题已处理 (report " + id + " is already resolved)");
        }
        return r;
    }

    private void resolve(long id, String resolution, String outcome, String by) {
        if (!reports.resolve(id, resolution.length() > 500 ? resolution.substring(0, 500) : resolution, outcome, by, now())) {
            throw new ConflictException(HttpStatus.CONFLICT, "status", "该问题已处理 (report " + id + " is already resolved)");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
