package cn.servicemap.gis.stations;

import java.time.LocalDate;
import java.util.List;

/**
 * A station that passed every check: coordinates converted to WGS84, kind and services resolved
 * to catalog codes, opening hours in canonical OSM syntax, district derived from the location.
 *
 * @param adcode the district containing the location, or null when no districts are loaded
 */
public record CheckedStation(String name, String kind, double lon, double lat, String adcode,
                             String address, String phone, String openingHours, List<String> services,
                             String hostOrg, String operatingUnion, Integer capacity, StationStatus status,
                             String statusReason, LocalDate verifiedAt, String source) {

    public CheckedStation {
        services = List.copyOf(services);
    }
}
