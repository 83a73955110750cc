package cn.servicemap.coverage;

import cn.servicemap.gis.access.NearestStations;
import cn.servicemap.gis.network.TravelProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Computed coverage states and nearest-station indexes, kept per {@link Key}: the region and which load of it,
 * the data version (the audit trail's last event), the profile, the station selection and the bands. A key is
 * computed once even when many requests miss it together: the first computes, the others wait for its result
 * (a failure is not kept, so the next request tries again). Entries of older data versions or loads are dropped
 * when newer ones arrive, those of a region whose network is dropped from memory with it ({@link #forget}), and at
 * most {@value #MAX_ENTRIES} entries are kept.
 */
@Component
class CoverageCache {

    static final int MAX_ENTRIES = 24;

    /** What one computed state depends on. */
    record Key(String regionCode, long regionLoad, long dataVersion, TravelProfile profile,
               CoverageService.Counted selection, List<Integer> bands, String variant) {

        static Key of(RegionNetwork region, long dataVersion, TravelProfile profile, CoverageService.Counted selection,
                      List<Integer> bands) {
            return new Key(region.region().code(), region.load(), dataVersion, profile, selection, List.copyOf(bands), "");
        }

        /** The same stations and band for another kind of result (e.g. a week's table), told apart by {@code variant}. */
        Key variant(String v) {
            return new Key(regionCode, regionLoad, dataVersion, profile, selection, bands, v);
        }

        boolean olderThan(Key other) {
            return regionCode.equals(other.regionCode)
                    && (regionLoad < other.regionLoad || (regionLoad == other.regionLoad && dataVersion < other.dataVersion));
        }
    }

    private final Map<Key, CompletableFuture<CoverageService.State>> states = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<NearestStations>> nearest = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<cn.servicemap.gis.coverage.CrossCoverageState>> cross = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<cn.servicemap.gis.coverage.WeekCoverage>> weeks = new ConcurrentHashMap<>();

    /** The state for the key, computed by {@code compute} on a miss (by one caller only). */
    CoverageService.State state(Key key, Supplier<CoverageService.State> compute) {
        return once(states, key, compute);
    }

    /** The nearest-station index for the stations of the key's state, built by {@code build} on a miss. */
    NearestStations nearest(Key key, Supplier<NearestStations> build) {
        return once(nearest, key, build);
    }

    /**
     * Drops everything computed on a region's network (all loads): called when the network is dropped from memory, so
     * that no cached state keeps the dropped network (and its models and population) alive.
     */
    void forget(String regionCode) {
        states.keySet().removeIf(k -> k.regionCode().equals(regionCode));
        nearest.keySet().removeIf(k -> k.regionCode().equals(regionCode));
        cross.keySet().removeIf(k -> k.regionCode().equals(regionCode));
        weeks.keySet().removeIf(k -> k.regionCode().equals(regionCode));
    }

    /** A week's table for the key's stations and band (its variant names the week), computed by {@code compute} on a miss. */
    cn.servicemap.gis.coverage.WeekCoverage week(Key key, Supplier<cn.servicemap.gis.coverage.WeekCoverage> compute) {
        return once(weeks, key, compute);
    }

    /** 交叉覆盖 of the key's state (kept whole, so that what-ifs update it), computed by {@code compute} on a miss. */
    cn.servicemap.gis.coverage.CrossCoverageState cross(Key key, Supplier<cn.servicemap.gis.coverage.CrossCoverageState> compute) {
        return once(cross, key, compute);
    }

    private static <T> T once(Map<Key, CompletableFuture<T>> map, Key key, Supplier<T> compute) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> existing = map.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            T value = compute.get();
            mine.complete(value);
            map.keySet().removeIf(k -> k.olderThan(key));
            if (map.size() > MAX_ENTRIES) {
                map.keySet().removeIf(k -> !k.equals(key));
            }
            return value;
        } catch (RuntimeException | Error e) {
            map.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }
}
