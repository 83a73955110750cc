package cn.servicemap.gis.stations;

import java.time.LocalDate;
import java.util.List;

/**
 * A station that passed every check: coordinates converted to WGS84, kind and services resolved
 * to catalog codes, opening hours in canonical OSM syntax, district derived from the location.
 *
 * @param adcode   the district containing the location, or null when no districts are loaded
 * @param entry    how one gets in, or null when not recorded
 * @param staffed  true staffed, false self-service, null not recorded
 * @param stepFree step-free entry with room for a wheelchair, null not recorded
 * @param areaM2   floor area in square metres (one decimal), null not recorded
 */
public record CheckedStation(String name, String kind, double lon, double lat, String adcode,
                             String address, String phone, String openingHours, List<String> services,
                             String hostOrg, String operatingUnion, Integer capacity, StationStatus status,
                             String statusReason, LocalDate verifiedAt, String source, EntryMethod entry, Boolean staffed,
                             Boolean stepFree, Double areaM2) {

    public CheckedStation {
        services = List.copyOf(services);
    }
}
