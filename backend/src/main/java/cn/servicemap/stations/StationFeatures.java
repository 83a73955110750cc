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

    StationFeatures(StationCatalog catalog, cn.servicemap.catalog.HolidayCalendars holidays, RegionIndex region) {
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

    @Schema(description = "A service point's properties, with the names a map shows")
    public record StationProperties(String name, String kind, String kindName, @Schema(nullable = true) String address,
                                    @Schema(nullable = true) String adcode, @Schema(nullable = true) String districtName,
                                    @Schema(nullable = true) String hostOrg, @Schema(nullable = true) String operatingUnion,
                                    @Schema(nullable = true) String phone, @Schema(nullable = true) Hours openingHours,
                                    List<ServiceRef> services, @Schema(nullable = true) Integer capacity, String status,
                                    String statusName, @Schema(nullable = true) String statusReason,
                                    @Schema(description = "true open now, false closed now, null unknown hours", nullable = true) Boolean openNow,
                                    @Schema(nullable = true) String verifiedAt, @Schema(nullable = true) String source,
                                    boolean demo, boolean synthetic, int version, @Schema(nullable = true) String updatedAt) {
    }

    @Schema(description = "Service points as a GeoJSON FeatureCollection, with their count and the data version")
    public record StationCollection(String type, int count, long dataVersion, List<Feature<StationProperties>> features) {
    }

    public StationCollection collection(List<ServicePoint> points, LocalDateTime localNow, long dataVersion) {
        return new StationCollection("FeatureCollection", points.size(), dataVersion,
                points.stream().map(p -> feature(p, localNow)).toList());
    }

    public Feature<StationProperties> feature(ServicePoint p, LocalDateTime localNow) {
        List<ServiceRef> offered = p.services().stream().map(code -> {
            ServiceType s = services.get(code);
            return new ServiceRef(code, s == null ? code : s.nameZh(), s == null ? null : s.icon());
        }).toList();
        StationProperties props = new StationProperties(p.name(), p.kind(),
                Optional.ofNullable(kinds.get(p.kind())).map(StationKind::nameZh).orElse(p.kind()), p.address(), p.adcode(),
                region.districtName(p.adcode()).orElse(null), p.hostOrg(), p.operatingUnion(), p.phone(), hours(p, localNow),
                offered, p.capacity(), p.status().name(), p.status().nameZh(), p.statusReason(), openNow(p, localNow),
                p.verifiedAt() == null ? null : p.verifiedAt().toString(), p.source(), p.demo(), p.synthetic(), p.version(),
                p.updatedAt() == null ? null : p.updatedAt().toString());
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
