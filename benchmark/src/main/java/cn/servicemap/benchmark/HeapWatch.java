package cn.servicemap.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the Java heap of this process held, from the collector's own accounting: every GC reports the heap pools
 * before and after it. The peak occupancy is the most the heap ever held (a collector runs when the heap fills, so
 * its "before" figure is the high-water mark between collections); the peak live set is the most that survived a
 * collection — what the computation really needed, the rest being garbage not yet collected. Both are bounded by
 * {@code -Xmx}: a run that finishes under a cap proves the cap suffices.
 */
final class HeapWatch {
    private final Set<String> heapPools;
    private volatile long peakBeforeGc;
    private volatile long peakAfterGc;
    private volatile int collections;
    private volatile long maxPauseMs;
    private volatile long totalPauseMs;

    private HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    }

    /** Starts listening to the collectors of this JVM. */
    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter)
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        watch.record(info.getGcInfo(), "System.gc()".equals(info.getGcCause()));
                    }
                }, null, null);
        }
        return watch;
    }

    private synchronized void record(GcInfo info, boolean explicit) {
        long before = sum(info.getMemoryUsageBeforeGc());
        long after = sum(info.getMemoryUsageAfterGc());
        peakBeforeGc = Math.max(peakBeforeGc, before);
        peakAfterGc = Math.max(peakAfterGc, after);
        collections++;
        if (explicit)
            return; // our own System.gc() between measurements, not a pause of the measured work
        maxPauseMs = Math.max(maxPauseMs, info.getDuration()); // G1's young and mixed collections pause the application
        totalPauseMs += info.getDuration();
    }

    private long sum(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet())
            if (heapPools.contains(e.getKey()))
                used += e.getValue().getUsed();
        return used;
    }

    /** Heap in use right after a full collection: the live set of what the caller still holds. */
    static long liveAfterFullGc() {
        settle();
        settle();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A full collection between two measurements (outside any timed section), then a moment for its notifications. */
    static void settle() {
        System.gc();
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The figures so far, in MB. */
    Map<String, Object> toJson(long retainedBytes) {
        long current = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_heap_mb", mb(Runtime.getRuntime().maxMemory()));
        m.put("peak_occupancy_mb", mb(Math.max(peakBeforeGc, current)));
        m.put("peak_live_after_gc_mb", mb(Math.max(peakAfterGc, retainedBytes)));
        m.put("retained_after_full_gc_mb", mb(retainedBytes));
        m.put("collections", collections);
        m.put("max_gc_duration_ms", maxPauseMs);
        m.put("total_gc_duration_ms", totalPauseMs);
        m.put("gc", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", ")));
        return m;
    }

    static double mb(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
