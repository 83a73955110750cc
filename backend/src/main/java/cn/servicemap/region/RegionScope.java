package cn.servicemap.region;

import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.ServiceUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which region a request is about: the {@code region} parameter, which may be left out while the instance holds
 * exactly one region. With several, a request without it (or with an unknown code) is refused with the codes it may
 * use. Every region-scoped endpoint reads its region here, once.
 */
@Component
public class RegionScope {

    /** No region exists yet: coverage and the pages have nothing to show. */
    public static final class NoRegionException extends ServiceUnavailableException {
        NoRegionException() {
            super("尚未加载区域 (no region loaded yet: import a region, or start with the demo)");
        }
    }

    /**
     * The region a request is about, and whether the instance holds others (read together, once per request).
     *
     * @param several whether the instance holds more than this region
     */
    public record Scope(Region region, boolean several) {

        /**
         * The region whose stations and districts the request is limited to: this one when the instance holds
         * several, else null (with one region everything belongs to it, including stations of districts imported
         * before regions existed).
         */
        public String filterCode() {
            return several ? region.code() : null;
        }
    }

    /** Re-read the regions at least this often: another instance on the same database may have imported one. */
    static final long FRESH_NANOS = 2_000_000_000L;

    /** The regions as last read, with this instance's write count and the time then. */
    private record Snapshot(List<Region> regions, long writes, long readAt) {
    }

    private final RegionRepository regions;
    private final java.util.concurrent.atomic.AtomicReference<Snapshot> snapshot = new java.util.concurrent.atomic.AtomicReference<>();

    RegionScope(RegionRepository regions) {
        this.regions = regions;
    }

    /** Drops the copy of the region list: the next request reads the table. */
    public void forget() {
        snapshot.set(null);
    }

    /**
     * Every region-scoped request asks here: the table is read again after this instance wrote it, and at least every
     * {@link #FRESH_NANOS} (for writes by other instances), not on every request.
     */
    private List<Region> all() {
        return all(false);
    }

    /** @param reread read the table now (a code this copy does not know may have been imported through another instance) */
    private List<Region> all(boolean reread) {
        Snapshot s = snapshot.get();
        long now = System.nanoTime();
        long writes = regions.writes();
        if (reread || s == null || s.writes() != writes || now - s.readAt() > FRESH_NANOS) {
            s = new Snapshot(List.copyOf(regions.findAll()), writes, now);
            snapshot.set(s);
        }
        return s.regions();
    }

    /**
     * The regions' codes and revisions as last read (at most {@link #FRESH_NANOS} old): it changes when the districts
     * or census of any region change, through any instance, so what was built from them can tell that it is stale.
     */
    public String revisions() {
        return all().stream().map(r -> r.code() + ":" + r.revision()).collect(Collectors.joining(","));
    }

    /** The region asked for, or the only one; 400 naming the codes when it is ambiguous or unknown, 503 when there is none. */
    public Scope resolve(String code) {
        return resolveIfAny(code).orElseThrow(NoRegionException::new);
    }

    /** As {@link #resolve}, but empty when the instance holds no region at all. */
    public Optional<Scope> resolveIfAny(String code) {
        List<Region> all = all();
        if (code == null || code.isBlank()) {
            if (all.size() > 1) {
                throw new InvalidRequestException("region", "本实例有多个区域，请用 region 参数指定：" + codes(all)
                        + " (this instance holds several regions; name one with region=: " + codes(all) + ")");
            }
            return all.stream().findFirst().map(r -> new Scope(r, false));
        }
        String wanted = code.trim();
        Optional<Region> known = all.stream().filter(r -> r.code().equals(wanted)).findFirst();
        if (known.isEmpty() || known.get().status() != RegionStatus.READY) { // it may be ready by now, through another instance
            all = all(true);
            known = all.stream().filter(r -> r.code().equals(wanted)).findFirst();
        }
        List<Region> listed = all;
        Region found = known
                .orElseThrow(() -> new InvalidRequestException("region", "没有代码为“" + shortened(wanted) + "”的区域；可选："
                        + codes(listed) + " (no such region; known: " + codes(listed) + ")"));
        return Optional.of(new Scope(found, listed.size() > 1));
    }

    private static String codes(List<Region> all) {
        return all.isEmpty() ? "（无 none）" : all.stream().map(r -> r.code() + " " + r.nameZh()).collect(Collectors.joining(", "));
    }

    private static String shortened(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
