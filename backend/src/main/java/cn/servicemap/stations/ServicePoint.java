package cn.servicemap.stations;

import cn.servicemap.gis.stations.EntryMethod;
import cn.servicemap.gis.stations.StationStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A service point as stored: a place a union serves workers from.
 *
 * @param lon          WGS84 longitude
 * @param lat          WGS84 latitude
 * @param adcode       district containing the location (derived, never typed in), or null outside every loaded district
 * @param openingHours canonical OSM opening_hours syntax, or null when unknown
 * @param services     service codes from the catalog
 * @param demo         a demo station (示例), placed at a real host place for showing the product
 * @param synthetic    part of a generated region, not real
 * @param version      optimistic-locking version, also the ETag
 * @param entry        how one gets in, null when not recorded
 * @param staffed      staffed (true) or self-service (false), null when not recorded
 * @param stepFree     step-free entry with room for a wheelchair, null when not recorded
 * @param areaM2       floor area in square metres, null when not recorded
 * @param code         the stable station code printed on its sign (adcode-kind-number), assigned once when created
 */
public record ServicePoint(long id, String name, String kind, double lon, double lat, String address, String adcode,
                           String hostOrg, String operatingUnion, String phone, String openingHours,
                           List<String> services, Integer capacity, StationStatus status, String statusReason,
                           LocalDate verifiedAt, String source, boolean demo, boolean synthetic,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, int version, EntryMethod entry, Boolean staffed,
                           Boolean stepFree, Double areaM2, String code) {
}
