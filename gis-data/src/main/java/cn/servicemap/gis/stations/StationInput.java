package cn.servicemap.gis.stations;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A station as text, the way it arrives from a file row or an API body, before checking:
 * coordinates are in the coordinate system the sender declared, not yet WGS84.
 * Absent and blank values are the same thing.
 */
public record StationInput(Map<StationField, String> values) {

    public StationInput {
        EnumMap<StationField, String> copy = new EnumMap<>(StationField.class);
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                copy.put(k, v.trim());
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public String get(StationField field) {
        return values.get(field);
    }

    public boolean has(StationField field) {
        return values.containsKey(field);
    }
}
