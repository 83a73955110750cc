package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.Geodesic;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a likely duplicate: a station with the same name (ignoring case, spaces, full-width
 * forms and the demo prefix 【示例】) within a radius in metres. Uses a hash grid of cells at
 * least the radius wide, so a lookup reads the 3 × 3 cells around the point. Not thread-safe.
 */
public final class DuplicateFinder {

    private record Entry(String key, double lon, double lat, String label) {
    }

    private final double radiusInMeters;
    private final double cellDegrees;
    private final Map<Long, List<Entry>> cells = new HashMap<>();

    public DuplicateFinder(double radiusInMeters) {
        this.radiusInMeters = radiusInMeters;
        // A degree of longitude is shortest far north: size cells for latitude 60°, wider than needed further south.
        this.cellDegrees = radiusInMeters / Geodesic.metersPerDegreeLon(60);
    }

    /** @param label how a report names the earlier one, e.g. "第 12 行 (row 12)" or "站点 #34 (station 34)" */
    public void add(String name, double lon, double lat, String label) {
        cells.computeIfAbsent(cell(lon, lat), k -> new ArrayList<>()).add(new Entry(key(name), lon, lat, label));
    }

    /** The label of an earlier station with the same name within the radius, if any. */
    public Optional<String> find(String name, double lon, double lat) {
        String key = key(name);
        long cx = (long) Math.floor(lon / cellDegrees);
        long cy = (long) Math.floor(lat / cellDegrees);
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                List<Entry> entries = cells.get(pack(cx + dx, cy + dy));
                if (entries == null) {
                    continue;
                }
                for (Entry e : entries) {
                    if (e.key().equals(key) && Geodesic.distanceMeters(lon, lat, e.lon(), e.lat()) <= radiusInMeters) {
                        return Optional.of(e.label());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private long cell(double lon, double lat) {
        return pack((long) Math.floor(lon / cellDegrees), (long) Math.floor(lat / cellDegrees));
    }

    private static long pack(long x, long y) {
        return (x << 32) ^ (y & 0xffffffffL);
    }

    static String key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replace("【示例】", "").replaceAll("[\\s·•．.（）()\\-—_]", "");
    }
}
