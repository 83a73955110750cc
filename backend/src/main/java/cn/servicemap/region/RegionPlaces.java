package cn.servicemap.region;

import cn.servicemap.gis.osm.BuildingFootprints;
import cn.servicemap.gis.osm.NamedPlaces;
import cn.servicemap.gis.osm.NamedPlaces.NamedPlace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a station file is compared with to tell an undeclared GCJ-02 file: the named places (shops, banks, schools …,
 * {@link NamedPlaces}) and the building outlines ({@link BuildingFootprints}) of a region's OSM extract. Read on first
 * use and kept for the {@value #KEPT_REGIONS} regions asked for last. The places of a city are a few megabytes; the
 * outlines are kept only for extracts up to {@value #MAX_FOOTPRINT_FILE_MB} MB with at most {@value #MAX_FOOTPRINTS}
 * of them (some 40 MB), since a whole city's would cost hundreds: larger regions get the name test only. The Nanjing
 * core's 362 places and 1,278 outlines read in well under a second. A region without a readable OSM file has none.
 */
@Component
public class RegionPlaces {

    private static final Logger log = LoggerFactory.getLogger(RegionPlaces.class);
    static final int KEPT_REGIONS = 2;
    static final int MAX_FOOTPRINT_FILE_MB = 50;
    static final int MAX_FOOTPRINTS = 50_000;

    /**
     * A region's reference for the offset check, in WGS84.
     *
     * @param places     its named places
     * @param footprints its building outlines; empty when it has too many to keep
     */
    public record Reference(List<NamedPlace> places, List<Geometry> footprints) {

        public Reference {
            places = List.copyOf(places);
            footprints = List.copyOf(footprints);
        }

        static final Reference NONE = new Reference(List.of(), List.of());
    }

    private record Key(String code, String osmSource) {
    }

    /** by region and its OSM file, least recently used first; guarded by itself */
    private final Map<Key, Reference> kept = new LinkedHashMap<>(4, 0.75f, true);

    /** The region's reference; empty when it has no readable OSM file. */
    public Reference of(Region region) {
        String osm = region.osmSource();
        if (osm == null || osm.isBlank() || !Files.isRegularFile(Path.of(osm))) {
            return Reference.NONE;
        }
        Key key = new Key(region.code(), osm);
        synchronized (kept) {
            Reference r = kept.get(key);
            if (r != null) {
                return r;
            }
        }
        long start = System.nanoTime();
        Reference r;
        try {
            Path file = Path.of(osm);
            List<NamedPlace> places = NamedPlaces.read(file);
            List<Geometry> footprints = List.of();
            if (Files.size(file) <= MAX_FOOTPRINT_FILE_MB * 1024L * 1024L) {
                footprints = BuildingFootprints.read(file);
                if (footprints.size() > MAX_FOOTPRINTS) {
                    log.info("Region {} has {} building outlines, more than the {} kept: its station imports get the name test only",
                            region.code(), footprints.size(), MAX_FOOTPRINTS);
                    footprints = List.of();
                }
            }
            r = new Reference(places, footprints);
        } catch (IOException | RuntimeException e) {
            log.warn("Named places of region {} not read from {}: {}", region.code(), osm, e.getMessage());
            return Reference.NONE;
        }
        log.info("Named places of region {} read from {}: {} places, {} building outlines in {} ms", region.code(), osm,
                r.places().size(), r.footprints().size(), (System.nanoTime() - start) / 1_000_000);
        synchronized (kept) {
            kept.put(key, r);
            while (kept.size() > KEPT_REGIONS) {
                kept.remove(kept.keySet().iterator().next());
            }
        }
        return r;
    }
}
