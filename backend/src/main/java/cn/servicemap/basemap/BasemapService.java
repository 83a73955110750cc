package cn.servicemap.basemap;

import cn.servicemap.gis.basemap.BasemapTile;
import cn.servicemap.gis.basemap.BasemapTiles;
import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline basemap of the region this instance holds, cut into tiles on request.
 *
 * <p>Where its data comes from: the region record's {@code osmSource} (read once with the basemap
 * style of gis-data; a synthetic region's generated file gives tiles flagged {@code synthetic}); with no region or no OSM file, empty tiles whose {@code source} says why — the
 * page then shows stations on a blank background rather than failing.
 *
 * <p>Why loaded in the background after start: reading a city extract takes seconds to minutes and
 * must not hold up the application's start; the first tile request waits for the same load. Why a
 * byte-bounded cache of the serialised tiles: a view needs 10–30 tiles and phones pan back and forth
 * over the same few hundred, while one tile of the dense core is tens of kilobytes; cutting a tile
 * costs milliseconds, answering from memory microseconds. The basemap is rebuilt when the region
 * record changes (code or load time).
 */
@Service
public class BasemapService {

    private static final Logger log = LoggerFactory.getLogger(BasemapService.class);
    /** Memory for cached tile JSON. */
    private static final long CACHE_BYTES = 64L * 1024 * 1024;

    /** A tile ready to send: its JSON and a strong validator. */
    public record Tile(byte[] json, String etag) {
    }

    private record Loaded(String key, CompletableFuture<BasemapTiles> tiles) {
    }

    private final RegionRepository regions;
    private final JsonMapper json;
    private final TileCache cache = new TileCache(CACHE_BYTES);
    /** by region code (and "none"); a region's entry is replaced when the region is reloaded */
    private final java.util.concurrent.ConcurrentHashMap<String, Loaded> loaded = new java.util.concurrent.ConcurrentHashMap<>();

    BasemapService(RegionRepository regions, JsonMapper json) {
        this.regions = regions;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        basemapFuture(regions.current());
    }

    /** The region's basemap (empty without a region), loading it if needed (waits for a load under way). */
    public BasemapTiles basemap(Optional<Region> region) {
        return basemapFuture(region).tiles().join();
    }

    public Tile tile(Optional<Region> region, TileId id) {
        Loaded l = basemapFuture(region);
        String key = l.key() + "|" + id;
        Tile cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        BasemapTile tile = l.tiles().join().tile(id);
        byte[] bytes = json.writeValueAsBytes(tile.toJson());
        // Weak: Tomcat does not gzip responses with a strong ETag, and a tile is sent compressed.
        Tile t = new Tile(bytes, "W/\"" + Integer.toHexString(l.key().hashCode()) + "-" + id.z() + "-" + id.x() + "-" + id.y() + "\"");
        cache.put(key, t);
        return t;
    }

    private Loaded basemapFuture(Optional<Region> region) {
        String slot = region.map(Region::code).orElse("none");
        String key = region.map(r -> r.code() + "@" + r.loadedAt()).orElse("none");
        Loaded l = loaded.get(slot);
        if (l != null && l.key().equals(key)) {
            return l;
        }
        synchronized (this) {
            Loaded current = loaded.get(slot);
            if (current == null || !current.key().equals(key)) {
                current = new Loaded(key, CompletableFuture.supplyAsync(() -> load(region)));
                loaded.put(slot, current);
            }
            return current;
        }
    }

    private static BasemapTiles load(Optional<Region> region) {
        if (region.isEmpty()) {
            return BasemapTiles.of(List.of(), false, "尚未加载区域 (no region loaded)");
        }
        Region r = region.get();
        if (r.osmSource() == null || r.osmSource().isBlank()) {
            return BasemapTiles.of(List.of(), false, "区域没有 OSM 数据，底图为空 (the region has no OSM data)");
        }
        Path osm = Path.of(r.osmSource());
        if (!Files.isRegularFile(osm)) {
            log.warn("Basemap of region {}: OSM file {} not found; serving empty tiles", r.code(), osm);
            return BasemapTiles.of(List.of(), false, "找不到 OSM 文件，底图为空 (OSM file not found: " + osm.getFileName() + ")");
        }
        long start = System.nanoTime();
        BasemapTiles tiles = BasemapTiles.fromOsm(osm, r.synthetic());
        log.info("Basemap of region {} read from {}: {} features in {} ms, bounds {}", r.code(), osm, tiles.featureCount(),
                (System.nanoTime() - start) / 1_000_000, tiles.bounds());
        return tiles;
    }

    /** Least-recently-used tiles, bounded by the bytes of their JSON. */
    private static final class TileCache {
        private final long maxBytes;
        private final LinkedHashMap<String, Tile> map = new LinkedHashMap<>(256, 0.75f, true);
        private long bytes;

        TileCache(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        synchronized Tile get(String key) {
            return map.get(key);
        }

        synchronized void put(String key, Tile tile) {
            Tile old = map.put(key, tile);
            bytes += tile.json().length - (old == null ? 0 : old.json().length);
            var it = map.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                Map.Entry<String, Tile> eldest = it.next();
                bytes -= eldest.getValue().json().length;
                it.remove();
            }
        }

        synchronized void clear() {
            map.clear();
            bytes = 0;
        }
    }
}
