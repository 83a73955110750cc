package cn.servicemap.stations;

import cn.servicemap.security.Access;

import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.demo.DemoStations;
import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.DuplicateFinder;
import cn.servicemap.gis.stations.FieldProblem;
import cn.servicemap.gis.stations.ProblemCode;
import cn.servicemap.gis.stations.StationChecker;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationImportCheck.StoredStation;
import cn.servicemap.gis.stations.StationImportCheck;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.system.ConflictException;
import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, updates and closes service points: every write is checked the same way an import row
 * is (one {@link StationChecker}), derives the district from the location, is optimistic about
 * concurrency (a stale version loses) and leaves an event in the audit trail.
 */
@Service
public class StationService {

    private final StationRepository repository;
    private final StationCatalog catalog;
    private final RegionIndex region;
    private final Clock clock;
    private final Access access;

    StationService(StationRepository repository, StationCatalog catalog, RegionIndex region, Clock clock, Access access) {
        this.access = access;
        this.repository = repository;
        this.catalog = catalog;
        this.region = region;
        this.clock = clock;
    }

    /**
     * Codes for the stations stored before station codes existed (an upgraded instance): once at start, so that every
     * sign and QR link has one.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @Transactional
    public void assignMissingCodes() {
        int n = repository.assignMissingCodes();
        if (n > 0) {
            org.slf4j.LoggerFactory.getLogger(StationService.class).info("Gave {} stored stations their station code (站点编码)", n);
        }
    }

    /** The station a code (站点编码, as printed on its sign) names. */
    @Transactional(readOnly = true)
    public ServicePoint byCode(String code) {
        return (StationCodes.looksLikeCode(code) ? repository.idForCode(code) : Optional.<Long>empty()).flatMap(repository::findById)
                .orElseThrow(() -> new NotFoundException("没有编码为 " + (code == null || code.length() > 30 ? "该值" : code)
                        + " 的站点 (no station has this code)"));
    }

    /** A checker for the districts loaded now; its duplicate search ignores the demo stations' name prefix. */
    public StationChecker checker() {
        return new StationChecker(catalog, region.locator(), List.of(DemoStations.PREFIX));
    }

    @Transactional(readOnly = true)
    public ServicePoint get(long id) {
        return repository.findById(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public List<ServicePoint> find(StationFilter filter) {
        return repository.find(filter);
    }

    /** As {@link #find}, each station's services left empty: what a map draws needs none. */
    @Transactional(readOnly = true)
    public List<ServicePoint> findForMap(StationFilter filter) {
        return repository.find(filter, false);
    }

    @Transactional
    public ServicePoint create(StationInput input, CoordinateSystem crs, String actor) {
        CheckedStation s = check(input, crs);
        access.requireStationEdit("adcode", s.adcode());
        rejectDuplicate(s, null);
        OffsetDateTime now = now();
        long id = repository.insert(s, StationRepository.Origin.USER, now);
        ServicePoint created = get(id);
        repository.recordEvent(id, "CREATE", 1, now, actor, null, null, StationSnapshot.json(StationSnapshot.of(created)));
        return created;
    }

    /**
     * Replaces a station's fields.
     *
     * @param expectedVersion the version the client read
     * @param fromIfMatch     whether the version came as an If-Match header (a mismatch is then 412, else 409)
     */
    @Transactional
    public ServicePoint update(long id, StationInput input, CoordinateSystem crs, int expectedVersion, boolean fromIfMatch,
                               String actor) {
        return update(id, input, crs, expectedVersion, fromIfMatch, actor, "UPDATE", null);
    }

    /** As {@link #update(long, StationInput, CoordinateSystem, int, boolean, String)}, audited as {@code action} with a detail. */
    private ServicePoint update(long id, StationInput input, CoordinateSystem crs, int expectedVersion, boolean fromIfMatch,
                                String actor, String action, String detail) {
        ServicePoint current = get(id);
        access.requireStationEdit("id", current.adcode());
        CheckedStation s = check(input, crs);
        access.requireStationEdit("adcode", s.adcode()); // a move may not take it out of the editor's districts
        rejectDuplicate(s, id);
        OffsetDateTime now = now();
        if (current.version() != expectedVersion || !repository.update(id, expectedVersion, s, now)) {
            throw stale(id, expectedVersion, fromIfMatch);
        }
        ServicePoint updated = get(id);
        repository.recordEvent(id, action, expectedVersion + 1, now, actor, detail, StationSnapshot.json(StationSnapshot.of(current)),
                StationSnapshot.json(StationSnapshot.of(updated)));
        return updated;
    }

    /** Moves a station, keeping its other fields; the district follows the new location. */
    @Transactional
    public ServicePoint move(long id, double lon, double lat, CoordinateSystem crs, String actor) {
        ServicePoint p = get(id);
        Map<StationField, String> v = StationSnapshot.of(p);
        v.put(StationField.LON, BigDecimal.valueOf(lon).toPlainString());
        v.put(StationField.LAT, BigDecimal.valueOf(lat).toPlainString());
        return update(id, new StationInput(v), crs, p.version(), false, actor);
    }

    /** Opens a closed (or suspended) station again where it stands, clearing the reason it was closed. */
    @Transactional
    public ServicePoint reopen(long id, String actor) {
        ServicePoint p = get(id);
        Map<StationField, String> v = StationSnapshot.of(p);
        v.put(StationField.STATUS, StationStatus.OPEN.name());
        v.put(StationField.STATUS_REASON, null);
        return update(id, new StationInput(v), CoordinateSystem.WGS84, p.version(), false, actor);
    }

    /** A station's audit trail, oldest first: who changed what when, with its state before and after. */
    @Transactional(readOnly = true)
    public List<StationRepository.StationEvent> history(long id) {
        get(id);
        return repository.history(id);
    }

    /**
     * Brings a station back to what it was at {@code version} (its state after that event), through the ordinary
     * checked and audited edit: itself a new version, audited as RESTORE. A version whose state was not kept (written
     * before audit states were kept) cannot be restored.
     */
    @Transactional
    public ServicePoint restore(long id, int version, String actor) {
        ServicePoint current = get(id);
        StationRepository.StationEvent event = repository.history(id).stream().filter(e -> e.version() == version).findFirst()
                .orElseThrow(() -> new InvalidRequestException("version", "站点 #" + id + " 没有第 " + version + " 版 (no such version)"));
        if (event.after() == null) {
            throw new ConflictException(HttpStatus.CONFLICT, "version", "第 " + version + " 版的内容未被记录，无法恢复 (that version's state was not kept)");
        }
        if (version == current.version()) {
            throw new ConflictException(HttpStatus.CONFLICT, "version", "已经是第 " + version + " 版 (that is the current version)");
        }
        return update(id, StationSnapshot.input(event.after()), CoordinateSystem.WGS84, current.version(), false, actor, "RESTORE",
                "恢复到第 " + version + " 版 (restored version " + version + ")");
    }

    /** Closes a station with a reason (the API's DELETE); the record stays. */
    @Transactional
    public ServicePoint close(long id, String reason, Integer expectedVersion, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "关闭站点须说明原因 (a reason is required to close a station)");
        }
        if (reason.length() > 500) {
            throw new InvalidRequestException("reason", "原因最多 500 个字符 (reason is longer than 500 characters)");
        }
        ServicePoint current = get(id);
        access.requireStationEdit("id", current.adcode());
        int version = expectedVersion == null ? current.version() : expectedVersion;
        OffsetDateTime now = now();
        if (current.version() != version || !repository.close(id, version, reason.trim(), now)) {
            throw stale(id, version, true);
        }
        ServicePoint closed = get(id);
        repository.recordEvent(id, "CLOSE", version + 1, now, actor, reason.trim(), StationSnapshot.json(StationSnapshot.of(current)),
                StationSnapshot.json(StationSnapshot.of(closed)));
        return closed;
    }

    private CheckedStation check(StationInput input, CoordinateSystem crs) {
        StationChecker.Result result = checker().check(input, crs);
        if (!result.ok()) {
            throw new InvalidRequestException(result.problems().stream().map(StationService::toFieldError).toList());
        }
        return result.station();
    }

    private void rejectDuplicate(CheckedStation s, Long self) {
        DuplicateFinder finder = checker().duplicateFinder(StationImportCheck.DUPLICATE_RADIUS_IN_METERS);
        for (StoredStation other : repository.storedNear(s.lon(), s.lat(), 0.001)) {
            if (self == null || other.id() != self) {
                finder.add(other.name(), other.lon(), other.lat(), String.valueOf(other.id()));
            }
        }
        Optional<String> duplicate = finder.find(s.name(), s.lon(), s.lat());
        if (duplicate.isPresent()) {
            throw new InvalidRequestException(List.of(new FieldError("name",
                    "疑似重复：站点 #" + duplicate.get() + " 同名且相距不到 30 米 (likely duplicate of station " + duplicate.get() + ")",
                    ProblemCode.DUPLICATE.name())));
        }
    }

    static FieldError toFieldError(FieldProblem p) {
        return new FieldError(p.field() == null ? null : p.field().apiName(), p.reason(), p.code().name());
    }

    private ConflictException stale(long id, int expectedVersion, boolean fromIfMatch) {
        int actual = repository.findById(id).map(ServicePoint::version).orElseThrow(() -> notFound(id));
        String message = "站点 #" + id + " 已被他人修改：当前版本 " + actual + "，请求基于版本 " + expectedVersion
                + "；请重新读取后再提交 (station " + id + " was changed by someone else: version is " + actual
                + ", not " + expectedVersion + ")";
        return new ConflictException(fromIfMatch ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT,
                fromIfMatch ? "If-Match" : "version", message);
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("没有编号为 " + id + " 的站点 (no station " + id + ")");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
