package cn.servicemap.stations;

import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import cn.servicemap.gis.hours.OpeningHours;
import cn.servicemap.gis.stations.StationStatus;
import cn.servicemap.system.Feature;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Component;

/**
 * Service points as GeoJSON features (RFC 7946), with the names a map shows: kind, district and
 * services in Chinese, opening hours in OSM syntax and in words, and whether the point is open
 * at the given local time.
 */
@Component
public class StationFeatures {

    private final Map<String, StationKind> kinds;
    private final Map<String, ServiceType> services;
    private final cn.servicemap.catalog.HolidayCalendars holidays;
    private final RegionIndex region;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    private final ConfirmationRepository confirmations;
    private final cn.servicemap.photos.PhotoService photos;
    private final cn.servicemap.standards.StationStandards standards;
    private final cn.servicemap.grades.StationGrades grades;

    StationFeatures(StationCatalog catalog, cn.servicemap.catalog.HolidayCalendars holidays, RegionIndex region,
                    ConfirmationRepository confirmations, cn.servicemap.photos.PhotoService photos,
                    cn.servicemap.standards.StationStandards standards, cn.servicemap.grades.StationGrades grades) {
        this.confirmations = confirmations;
        this.photos = photos;
        this.standards = standards;
        this.grades = grades;
        this.kinds = catalog.kinds().stream().collect(Collectors.toMap(StationKind::code, Function.identity()));
        this.services = catalog.services().stream().collect(Collectors.toMap(ServiceType::code, Function.identity()));
        this.holidays = holidays;
        this.region = region;
    }

    /** Opening hours as parsed, by their text: stations share a handful of texts, and every list and map asks each time. */
    private final java.util.Map<String, OpeningHours> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    private OpeningHours hours(String text) {
        if (parsed.size() > 10_000) {
            parsed.clear(); // texts are checked when stored; this only bounds the memory a region of odd texts takes
        }
        return parsed.computeIfAbsent(text, OpeningHours::parse);
    }

    /** The opening hours of a station, parsed (shared texts parsed once); null when unknown. */
    public OpeningHours openingHours(ServicePoint p) {
        return p.openingHours() == null ? null : hours(p.openingHours());
    }

    /** True when open now, false when closed now, null when the opening hours are unknown. */
    public Boolean openNow(ServicePoint p, LocalDateTime localNow) {
        if (p.status() != StationStatus.OPEN) {
            return false;
        }
        return p.openingHours() == null ? null : hours(p.openingHours()).isOpenAt(localNow, holidays.current());
    }

    @Schema(description = "A service the station offers, with its Chinese name and map icon")
    public record ServiceRef(String code, String name, @Schema(nullable = true) String icon) {
    }

    @Schema(description = "Opening hours (开放时间) in OSM syntax and in words")
    public record Hours(String osm, String text, boolean alwaysOpen,
                        @Schema(description = "When it next opens or closes (local time)", nullable = true) String nextChange) {
    }

    @Schema(description = "How one gets in and what room there is (进入方式与空间); every part null when not recorded")
    public record Access(@Schema(description = "OPEN, MEMBER_CODE, CODE_LOCK or FACE_OR_ID", nullable = true) String entry,
                         @Schema(description = "The entry in plain words: 直接进入, 需出示工会会员卡或扫码 …", nullable = true) String entryText,
                         @Schema(description = "true: no card, app or phone call needed to get in", nullable = true) Boolean withoutApp,
                         @Schema(description = "Staffed (有人值守) or self-service (自助)", nullable = true) Boolean staffed,
                         @Schema(description = "Step-free entry with room for a wheelchair (无障碍)", nullable = true) Boolean stepFree,
                         @Schema(description = "Floor area in m²", nullable = true) Double areaM2,
                         @Schema(description = "Seats (the station's capacity)", nullable = true) Integer seats,
                         @Schema(description = "All of it in words, e.g. 直接进入 · 有人值守 · 无障碍 · 25 ㎡ · 12 个座位; 进入方式未登记 when unknown")
                         String text) {

        static Access of(ServicePoint p) {
            List<String> parts = new java.util.ArrayList<>();
            parts.add(p.entry() == null ? "进入方式未登记" : p.entry().nameZh());
            if (p.staffed() != null) {
                parts.add(p.staffed() ? "有人值守" : "自助");
            }
            if (p.stepFree() != null) {
                parts.add(p.stepFree() ? "无障碍" : "有台阶");
            }
            if (p.areaM2() != null) {
                parts.add(java.math.BigDecimal.valueOf(p.areaM2()).stripTrailingZeros().toPlainString() + " ㎡");
            }
            if (p.capacity() != null) {
                parts.add(p.capacity() + " 个座位");
            }
            return new Access(p.entry() == null ? null : p.entry().name(), p.entry() == null ? null : p.entry().nameZh(),
                    p.entry() == null ? null : p.entry().withoutApp(), p.staffed(), p.stepFree(), p.areaM2(), p.capacity(),
                    String.join(" · ", parts));
        }
    }

    @Schema(description = "A service point's properties, with the names a map shows")
    public record StationProperties(String name, String kind, String kindName, @Schema(nullable = true) String address,
                                    @Schema(nullable = true) String adcode, @Schema(nullable = true) String districtName,
                                    @Schema(nullable = true) String hostOrg, @Schema(nullable = true) String operatingUnion,
                                    @Schema(nullable = true) String phone, @Schema(nullable = true) Hours openingHours,
                                    List<ServiceRef> services, @Schema(nullable = true) Integer capacity, String status,
                                    String statusName, @Schema(nullable = true) String statusReason,
                                    @Schema(description = "true open now, false closed now, null unknown hours", nullable = true) Boolean openNow,
                                    @Schema(nullable = true) String verifiedAt, @Schema(nullable = true) String source,
                                    boolean demo, boolean synthetic, int version, @Schema(nullable = true) String updatedAt,
                                    @Schema(description = "The station code on its sign (站点编码), e.g. 320102-01-000042", nullable = true)
                                    String code,
                                    Access access,
                                    @Schema(description = "When a worker last confirmed it there and open (有人确认开放), ISO date-time",
                                            nullable = true) String confirmedAt,
                                    @Schema(description = "The star grade as last reviewed (星级); null when never reviewed", nullable = true)
                                    cn.servicemap.grades.StationGrades.GradeSummary starGrade,
                                    @Schema(description = "The station against its region's checklist (达标); null when the checklist does not "
                                            + "measure its kind", nullable = true)
                                    cn.servicemap.standards.StationStandards.StationStandard standard,
                                    @Schema(description = "Photos of the entrance and inside, entrance first (thumbnail and full URLs, date taken)")
                                    List<cn.servicemap.photos.PhotoRef> photos) {
    }

    @Schema(description = "Service points as a GeoJSON FeatureCollection, with their count and the data version")
    public record StationCollection(String type, int count, long dataVersion, List<Feature<StationProperties>> features) {
    }

    public StationCollection collection(List<ServicePoint> points, LocalDateTime localNow, long dataVersion) {
        return new StationCollection("FeatureCollection", points.size(), dataVersion, features(points, localNow));
    }

    /**
     * The stations as features, what is kept beside them (workers' confirmations, star grades) and the region's checklist
     * read once for all.
     */
    public List<Feature<StationProperties>> features(List<ServicePoint> points, LocalDateTime localNow) {
        List<Long> ids = points.stream().map(ServicePoint::id).toList();
        Map<Long, java.time.OffsetDateTime> confirmed = confirmations.latest(points.size() > 500 ? null : ids);
        Map<Long, List<cn.servicemap.photos.PhotoRef>> photos = this.photos.refs(ids);
        Map<Long, cn.servicemap.standards.StationStandards.Assessment> assessed = standards.assess(points);
        Map<Long, cn.servicemap.grades.StationGrades.GradeSummary> graded = grades.of(points, assessed);
        return points.stream().map(p -> feature(p, localNow, confirmed.get(p.id()), graded.get(p.id()),
                assessed.get(p.id()).standard(), photos.getOrDefault(p.id(), List.of()))).toList();
    }

    public Feature<StationProperties> feature(ServicePoint p, LocalDateTime localNow) {
        return features(List.of(p), localNow).get(0);
    }

    private Feature<StationProperties> feature(ServicePoint p, LocalDateTime localNow, java.time.OffsetDateTime confirmedAt,
                                               cn.servicemap.grades.StationGrades.GradeSummary starGrade,
                                               cn.servicemap.standards.StationStandards.StationStandard standard,
                                               List<cn.servicemap.photos.PhotoRef> photos) {
        List<ServiceRef> offered = p.services().stream().map(code -> {
            ServiceType s = services.get(code);
            return new ServiceRef(code, s == null ? code : s.nameZh(), s == null ? null : s.icon());
        }).toList();
        StationProperties props = new StationProperties(p.name(), p.kind(),
                Optional.ofNullable(kinds.get(p.kind())).map(StationKind::nameZh).orElse(p.kind()), p.address(), p.adcode(),
                region.districtName(p.adcode()).orElse(null), p.hostOrg(), p.operatingUnion(), p.phone(), hours(p, localNow),
                offered, p.capacity(), p.status().name(), p.status().nameZh(), p.statusReason(), openNow(p, localNow),
                p.verifiedAt() == null ? null : p.verifiedAt().toString(), p.source(), p.demo(), p.synthetic(), p.version(),
                p.updatedAt() == null ? null : p.updatedAt().toString(), p.code(), Access.of(p),
                confirmedAt == null ? null : confirmedAt.toString(), starGrade, standard, photos);
        return Feature.of(p.id(), geometries.createPoint(new Coordinate(round(p.lon()), round(p.lat()))), props);
    }

    private Hours hours(ServicePoint p, LocalDateTime localNow) {
        if (p.openingHours() == null) {
            return null;
        }
        OpeningHours h = hours(p.openingHours());
        return new Hours(h.toOsmString(), h.toChinese(), h.isAlwaysOpen(),
                h.nextChange(localNow, holidays.current()).map(Object::toString).orElse(null));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
