package cn.servicemap.region;

import cn.servicemap.gis.osm.NamedPlaces;
import cn.servicemap.gis.osm.NamedPlaces.NamedPlace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The named places (shops, banks, schools …, {@link NamedPlaces}) of a region's OSM extract: what a station file is
 * compared with by name to tell an undeclared GCJ-02 file. Read on first use and kept for the
 * {@value #KEPT_REGIONS} regions asked for last (a city's places are a few megabytes; the Nanjing core's 362 places
 * read in well under a second, a whole city's .pbf in tens of seconds, once). A region without a readable OSM file
 * has none.
 */
@Component
public class RegionPlaces {

    private static final Logger log = LoggerFactory.getLogger(RegionPlaces.class);
    static final int KEPT_REGIONS = 2;

    private record Key(String code, String osmSource) {
    }

    /** by region and its OSM file, least recently used first; guarded by itself */
    private final Map<Key, List<NamedPlace>> kept = new LinkedHashMap<>(4, 0.75f, true);

    /** The region's named places in WGS84; empty when it has no readable OSM file. */
    public List<NamedPlace> of(Region region) {
        String osm = region.osmSource();
        if (osm == null || osm.isBlank() || !Files.isRegularFile(Path.of(osm))) {
            return List.of();
        }
        Key key = new Key(region.code(), osm);
        synchronized (kept) {
            List<NamedPlace> places = kept.get(key);
            if (places != null) {
                return places;
            }
        }
        long start = System.nanoTime();
        List<NamedPlace> places;
        try {
            places = List.copyOf(NamedPlaces.read(Path.of(osm)));
        } catch (RuntimeException e) {
            log.warn("Named places of region {} not read from {}: {}", region.code(), osm, e.getMessage());
            return List.of();
        }
        log.info("Named places of region {} read from {}: {} in {} ms", region.code(), osm, places.size(),
                (System.nanoTime() - start) / 1_000_000);
        synchronized (kept) {
            kept.put(key, places);
            while (kept.size() > KEPT_REGIONS) {
                kept.remove(kept.keySet().iterator().next());
            }
        }
        return places;
    }
}
