package cn.servicemap.gis.network;

/** An axis-aligned box in WGS84 degrees. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
    public BoundingBox {
        if (!(minLon <= maxLon && minLat <= maxLat))
            throw new IllegalArgumentException("empty box: " + minLon + "," + minLat + "," + maxLon + "," + maxLat);
    }

    public boolean contains(double lon, double lat) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }
}
