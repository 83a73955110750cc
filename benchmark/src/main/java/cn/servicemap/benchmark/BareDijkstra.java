package cn.servicemap.benchmark;

import cn.servicemap.gis.network.Adjacency;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.Snap;

import java.util.Arrays;
import java.util.List;

/**
 * The limit for a multi-source search: the least a Dijkstra from all sources at once can do on the same CSR
 * arrays — times only (no nearest-source label, no tie rule, no checks), int arrays, one binary heap. Two heaps:
 * a lazy one of packed {@code time << 32 | node} longs that pushes a node again when it improves, and an indexed
 * one with decrease-key. The sources are seeded exactly as {@code MultiSourceSearch} seeds them (both end nodes of
 * a source's edge with the partial edge time), so the times must equal its times. Units: milliseconds.
 */
final class BareDijkstra {
    static final int UNREACHED = Integer.MAX_VALUE;

    private BareDijkstra() {
    }

    /** Lazy-deletion heap of packed longs. */
    static int[] lazyHeap(ProfileGraph graph, List<Snap> sources, int limitMillis) {
        Adjacency adj = graph.incoming(); // time from each node to a source: walk the arcs backwards
        int[] time = new int[adj.nodeCount()];
        Arrays.fill(time, UNREACHED);
        long[] heap = new long[1 << 16];
        int size = 0;
        for (Snap s : sources) {
            for (int end = 0; end < 2; end++) {
                int node = end == 0 ? s.baseNode() : s.adjNode();
                int t = end == 0 ? graph.partialTimeInMillis(s.edge(), false, s.fraction())
                        : graph.partialTimeInMillis(s.edge(), true, 1 - s.fraction());
                if (t >= 0 && t <= limitMillis && t < time[node]) {
                    time[node] = t;
                    if (size == heap.length)
                        heap = Arrays.copyOf(heap, 2 * size);
                    size = push(heap, size, (long) t << 32 | node);
                }
            }
        }
        while (size > 0) {
            long top = heap[0];
            size = pop(heap, size);
            int v = (int) top;
            int t = (int) (top >>> 32);
            if (t != time[v])
                continue;
            for (int arc = adj.begin(v), end = adj.end(v); arc < end; arc++) {
                int nt = t + adj.timeInMillis(arc);
                int w = adj.target(arc);
                if (nt <= limitMillis && nt < time[w]) {
                    time[w] = nt;
                    if (size == heap.length)
                        heap = Arrays.copyOf(heap, 2 * size);
                    size = push(heap, size, (long) nt << 32 | w);
                }
            }
        }
        return time;
    }

    private static int push(long[] heap, int size, long key) {
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= key)
                break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
        return size + 1;
    }

    private static int pop(long[] heap, int size) {
        int last = --size;
        long key = heap[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < last && heap[child + 1] < heap[child])
                child++;
            if (key <= heap[child])
                break;
            heap[i] = heap[child];
            i = child;
        }
        if (last > 0)
            heap[i] = key;
        return size;
    }

    /** Indexed binary heap with decrease-key (a position array over all nodes). */
    static int[] decreaseKey(ProfileGraph graph, List<Snap> sources, int limitMillis) {
        Adjacency adj = graph.incoming();
        int n = adj.nodeCount();
        int[] time = new int[n];
        Arrays.fill(time, UNREACHED);
        int[] pos = new int[n];
        Arrays.fill(pos, -1);
        int[] heap = new int[n];
        int size = 0;
        for (Snap s : sources)
            for (int end = 0; end < 2; end++) {
                int node = end == 0 ? s.baseNode() : s.adjNode();
                int t = end == 0 ? graph.partialTimeInMillis(s.edge(), false, s.fraction())
                        : graph.partialTimeInMillis(s.edge(), true, 1 - s.fraction());
                if (t >= 0 && t <= limitMillis && t < time[node]) {
                    time[node] = t;
                    if (pos[node] < 0) {
                        pos[node] = size;
                        heap[size++] = node;
                    }
                    siftUp(heap, pos, time, pos[node]);
                }
            }
        while (size > 0) {
            int v = heap[0];
            pos[v] = -2;
            int last = heap[--size];
            if (size > 0) {
                heap[0] = last;
                pos[last] = 0;
                siftDown(heap, pos, time, 0, size);
            }
            int t = time[v];
            for (int arc = adj.begin(v), end = adj.end(v); arc < end; arc++) {
                int nt = t + adj.timeInMillis(arc);
                int w = adj.target(arc);
                if (nt <= limitMillis && nt < time[w] && pos[w] != -2) {
                    time[w] = nt;
                    if (pos[w] < 0) {
                        pos[w] = size;
                        heap[size++] = w;
                    }
                    siftUp(heap, pos, time, pos[w]);
                }
            }
        }
        return time;
    }

    private static void siftUp(int[] heap, int[] pos, int[] time, int i) {
        int v = heap[i];
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (time[heap[p]] <= time[v])
                break;
            heap[i] = heap[p];
            pos[heap[i]] = i;
            i = p;
        }
        heap[i] = v;
        pos[v] = i;
    }

    private static void siftDown(int[] heap, int[] pos, int[] time, int i, int size) {
        int v = heap[i];
        while (2 * i + 1 < size) {
            int c = 2 * i + 1;
            if (c + 1 < size && time[heap[c + 1]] < time[heap[c]])
                c++;
            if (time[heap[c]] >= time[v])
                break;
            heap[i] = heap[c];
            pos[heap[i]] = i;
            i = c;
        }
        heap[i] = v;
        pos[v] = i;
    }
}
