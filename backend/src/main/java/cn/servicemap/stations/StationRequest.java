package cn.servicemap.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The body of POST and PUT /api/stations. Coordinates are in {@code crs} (default WGS84) and are
 * stored as WGS84; the district is derived from them. {@code version} (or an If-Match header)
 * is required on PUT.
 */
@Schema(description = "A service point to create or replace")
record StationRequest(
        @Schema(example = "新街口爱心驿站") String name,
        @Schema(description = "Kind code or Chinese name", example = "OUTDOOR_STATION") String kind,
        @Schema(example = "118.7790") BigDecimal lon,
        @Schema(example = "32.0410") BigDecimal lat,
        @Schema(description = "Coordinate system of lon/lat: WGS84, CGCS2000, GCJ02, BD09; default WGS84", example = "WGS84", type = "string", nullable = true) CoordinateSystem crs,
        String address,
        String phone,
        @Schema(description = "OSM opening_hours syntax or common Chinese forms", example = "Mo-Fr 08:00-18:00; PH off") String openingHours,
        @Schema(description = "Service codes or Chinese names", example = "[\"WATER\", \"MICROWAVE\"]") List<String> services,
        String hostOrg,
        String operatingUnion,
        Integer capacity,
        @Schema(example = "OPEN") String status,
        String statusReason,
        @Schema(example = "2026-06-30") String verifiedAt,
        String source,
        @Schema(description = "The version read; required on PUT unless If-Match is sent") Integer version,
        @Schema(description = "How one gets in (进入方式): OPEN 直接进入, MEMBER_CODE 需出示工会会员卡或扫码, CODE_LOCK 密码锁（电话获取密码）, "
                + "FACE_OR_ID 刷脸或身份证; or those words", example = "OPEN", nullable = true) String entry,
        @Schema(description = "Staffed (true, 有人值守) or self-service (false, 自助); null not recorded", nullable = true) Boolean staffed,
        @Schema(description = "Step-free entry with room for a wheelchair (无障碍); null not recorded", nullable = true) Boolean stepFree,
        @Schema(description = "Floor area in square metres (面积)", example = "25", nullable = true) BigDecimal areaM2) {

    StationInput toInput() {
        Map<StationField, String> v = new EnumMap<>(StationField.class);
        v.put(StationField.NAME, name);
        v.put(StationField.KIND, kind);
        v.put(StationField.LON, lon == null ? null : lon.toPlainString());
        v.put(StationField.LAT, lat == null ? null : lat.toPlainString());
        v.put(StationField.ADDRESS, address);
        v.put(StationField.PHONE, phone);
        v.put(StationField.OPENING_HOURS, openingHours);
        v.put(StationField.SERVICES, services == null ? null : String.join("|", services));
        v.put(StationField.HOST_ORG, hostOrg);
        v.put(StationField.OPERATING_UNION, operatingUnion);
        v.put(StationField.CAPACITY, capacity == null ? null : capacity.toString());
        v.put(StationField.STATUS, status);
        v.put(StationField.STATUS_REASON, statusReason);
        v.put(StationField.VERIFIED_AT, verifiedAt);
        v.put(StationField.SOURCE, source);
        v.put(StationField.ENTRY, entry);
        v.put(StationField.STAFFED, staffed == null ? null : staffed.toString());
        v.put(StationField.STEP_FREE, stepFree == null ? null : stepFree.toString());
        v.put(StationField.AREA, areaM2 == null ? null : areaM2.toPlainString());
        return new StationInput(v);
    }
}
