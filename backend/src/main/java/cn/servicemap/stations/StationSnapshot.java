package cn.servicemap.stations;

import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A station's fields as an edit sends them (the {@link StationField}s, as text; WGS84 coordinates), kept as JSON with
 * every audit event: what the history shows, and what a restore sends back through the ordinary edit path.
 */
public final class StationSnapshot {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private StationSnapshot() {
    }

    /** The stored station's fields. */
    public static Map<StationField, String> of(ServicePoint p) {
        Map<StationField, String> v = new EnumMap<>(StationField.class);
        v.put(StationField.NAME, p.name());
        v.put(StationField.KIND, p.kind());
        v.put(StationField.LON, BigDecimal.valueOf(p.lon()).toPlainString());
        v.put(StationField.LAT, BigDecimal.valueOf(p.lat()).toPlainString());
        v.put(StationField.ADDRESS, p.address());
        v.put(StationField.PHONE, p.phone());
        v.put(StationField.OPENING_HOURS, p.openingHours());
        v.put(StationField.SERVICES, String.join("|", p.services()));
        v.put(StationField.HOST_ORG, p.hostOrg());
        v.put(StationField.OPERATING_UNION, p.operatingUnion());
        v.put(StationField.CAPACITY, p.capacity() == null ? null : p.capacity().toString());
        v.put(StationField.STATUS, p.status().name());
        v.put(StationField.STATUS_REASON, p.statusReason());
        v.put(StationField.VERIFIED_AT, p.verifiedAt() == null ? null : p.verifiedAt().toString());
        v.put(StationField.SOURCE, p.source());
        access(v, p.entry(), p.staffed(), p.stepFree(), p.areaM2());
        return v;
    }

    private static void access(Map<StationField, String> v, cn.servicemap.gis.stations.EntryMethod entry, Boolean staffed,
                               Boolean stepFree, Double areaM2) {
        v.put(StationField.ENTRY, entry == null ? null : entry.name());
        v.put(StationField.STAFFED, staffed == null ? null : staffed.toString());
        v.put(StationField.STEP_FREE, stepFree == null ? null : stepFree.toString());
        v.put(StationField.AREA, areaM2 == null ? null : BigDecimal.valueOf(areaM2).stripTrailingZeros().toPlainString());
    }

    /** A checked row's fields, as an import writes it. */
    public static Map<StationField, String> of(CheckedStation s) {
        Map<StationField, String> v = new EnumMap<>(StationField.class);
        v.put(StationField.NAME, s.name());
        v.put(StationField.KIND, s.kind());
        v.put(StationField.LON, BigDecimal.valueOf(s.lon()).toPlainString());
        v.put(StationField.LAT, BigDecimal.valueOf(s.lat()).toPlainString());
        v.put(StationField.ADDRESS, s.address());
        v.put(StationField.PHONE, s.phone());
        v.put(StationField.OPENING_HOURS, s.openingHours());
        v.put(StationField.SERVICES, String.join("|", s.services()));
        v.put(StationField.HOST_ORG, s.hostOrg());
        v.put(StationField.OPERATING_UNION, s.operatingUnion());
        v.put(StationField.CAPACITY, s.capacity() == null ? null : s.capacity().toString());
        v.put(StationField.STATUS, s.status().name());
        v.put(StationField.STATUS_REASON, s.statusReason());
        v.put(StationField.VERIFIED_AT, s.verifiedAt() == null ? null : s.verifiedAt().toString());
        v.put(StationField.SOURCE, s.source());
        access(v, s.entry(), s.staffed(), s.stepFree(), s.areaM2());
        return v;
    }

    /** The fields as JSON, by their API names (name, kind, lon, …). */
    public static String json(Map<StationField, String> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k.apiName(), v));
        return JSON.writeValueAsString(out);
    }

    /** The fields of a stored snapshot, by their API names. */
    public static Map<String, String> read(String json) {
        return JSON.readValue(json, MAP);
    }

    /** A stored snapshot as the input of an edit. */
    public static StationInput input(String json) {
        Map<StationField, String> v = new EnumMap<>(StationField.class);
        read(json).forEach((k, value) -> {
            for (StationField f : StationField.values()) {
                if (f.apiName().equals(k)) {
                    v.put(f, value);
                }
            }
        });
        return new StationInput(v);
    }
}
