package cn.servicemap.stations;

import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.hours.OpeningHours;
import cn.servicemap.gis.stations.StationStatus;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final HolidayCalendar holidays;
    private final RegionIndex region;

    StationFeatures(StationCatalog catalog, HolidayCalendar holidays, RegionIndex region) {
        this.kinds = catalog.kinds().stream().collect(Collectors.toMap(StationKind::code, Function.identity()));
        this.services = catalog.services().stream().collect(Collectors.toMap(ServiceType::code, Function.identity()));
        this.holidays = holidays;
        this.region = region;
    }

    /** True when open now, false when closed now, null when the opening hours are unknown. */
    public Boolean openNow(ServicePoint p, LocalDateTime localNow) {
        if (p.status() != StationStatus.OPEN) {
            return false;
        }
        return p.openingHours() == null ? null : OpeningHours.parse(p.openingHours()).isOpenAt(localNow, holidays);
    }

    public Map<String, Object> collection(List<ServicePoint> points, LocalDateTime localNow, long dataVersion) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("count", points.size());
        fc.put("dataVersion", dataVersion);
        fc.put("features", points.stream().map(p -> feature(p, localNow)).toList());
        return fc;
    }

    public Map<String, Object> feature(ServicePoint p, LocalDateTime localNow) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", p.name());
        props.put("kind", p.kind());
        props.put("kindName", Optional.ofNullable(kinds.get(p.kind())).map(StationKind::nameZh).orElse(p.kind()));
        props.put("address", p.address());
        props.put("adcode", p.adcode());
        props.put("districtName", region.districtName(p.adcode()).orElse(null));
        props.put("hostOrg", p.hostOrg());
        props.put("operatingUnion", p.operatingUnion());
        props.put("phone", p.phone());
        props.put("openingHours", hours(p, localNow));
        props.put("services", p.services().stream().map(code -> {
            ServiceType s = services.get(code);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("name", s == null ? code : s.nameZh());
            m.put("icon", s == null ? null : s.icon());
            return m;
        }).toList());
        props.put("capacity", p.capacity());
        props.put("status", p.status().name());
        props.put("statusName", p.status().nameZh());
        props.put("statusReason", p.statusReason());
        props.put("openNow", openNow(p, localNow));
        props.put("verifiedAt", p.verifiedAt() == null ? null : p.verifiedAt().toString());
        props.put("source", p.source());
        props.put("demo", p.demo());
        props.put("synthetic", p.synthetic());
        props.put("version", p.version());
        props.put("updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString());
        Map<String, Object> geometry = new LinkedHashMap<>();
        geometry.put("type", "Point");
        geometry.put("coordinates", List.of(round(p.lon()), round(p.lat())));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", p.id());
        f.put("geometry", geometry);
        f.put("properties", props);
        return f;
    }

    private Map<String, Object> hours(ServicePoint p, LocalDateTime localNow) {
        if (p.openingHours() == null) {
            return null;
        }
        OpeningHours h = OpeningHours.parse(p.openingHours());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("osm", h.toOsmString());
        m.put("text", h.toChinese());
        m.put("alwaysOpen", h.isAlwaysOpen());
        h.nextChange(localNow, holidays).ifPresent(t -> m.put("nextChange", t.toString()));
        return m;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
