package cn.servicemap.system;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** The {@code bbox=minLon,minLat,maxLon,maxLat} query parameter (WGS84), as every endpoint reads it. */
public final class BoundingBoxParam {

    private BoundingBoxParam() {
    }

    /** The box, or null when absent; a malformed box adds a field error and gives null. */
    public static Envelope parse(String bbox, String field, List<FieldError> errors) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        String[] parts = bbox.split(",");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            double minLon = Double.parseDouble(parts[0].trim());
            double minLat = Double.parseDouble(parts[1].trim());
            double maxLon = Double.parseDouble(parts[2].trim());
            double maxLat = Double.parseDouble(parts[3].trim());
            if (!(minLon <= maxLon && minLat <= maxLat && Math.abs(minLon) <= 180 && Math.abs(maxLon) <= 180
                    && Math.abs(minLat) <= 90 && Math.abs(maxLat) <= 90)) {
                throw new NumberFormatException();
            }
            return new Envelope(minLon, maxLon, minLat, maxLat);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "bbox 应为 minLon,minLat,maxLon,maxLat（WGS84，最小值在前）"
                    + " (bbox must be minLon,minLat,maxLon,maxLat in WGS84)", "BAD_BBOX"));
            return null;
        }
    }
}
