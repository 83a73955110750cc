package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.Geodesic;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a likely duplicate: a station with the same name within a radius in metres. Names are compared
 * after NFKC (full-width forms to ASCII), lower case, without spaces and the separators {@code ·•．.（）()-—_},
 * and without one leading prefix from a set the caller gives (e.g. a marker for demo stations; the
 * prefixes are normalised the same way). Uses a hash grid of cells at least the radius wide, so a lookup
 * reads the 3 × 3 cells around the point. Not thread-safe.
 */
public final class DuplicateFinder {

    private record Entry(String key, double lon, double lat, String label) {
    }

    private final double radiusInMeters;
    private final double cellDegrees;
    private final List<String> ignoredPrefixKeys;
    private final Map<Long, List<Entry>> cells = new HashMap<>();

    /** Names compared without any prefix ignored. */
    public DuplicateFinder(double radiusInMeters) {
        this(radiusInMeters, List.of());
    }

    /** @param ignoredNamePrefixes a name starting with one of these is compared without it */
    public DuplicateFinder(double radiusInMeters, Collection<String> ignoredNamePrefixes) {
        this.radiusInMeters = radiusInMeters;
        this.ignoredPrefixKeys = ignoredNamePrefixes.stream().map(DuplicateFinder::squash).filter(p -> !p.isEmpty()).toList();
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

    /** The name as compared: squashed, then without the first ignored prefix it starts with. */
    private String key(String name) {
        String key = squash(name);
        for (String prefix : ignoredPrefixKeys) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    private static String squash(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[\\s·•．.（）()\\-—_]", "");
    }
}
