package cn.servicemap.gis.access;

import java.util.Arrays;

/**
 * A binary min-heap of (long key, int value) pairs in two primitive arrays, growing as needed. No decrease-key:
 * searches push a node again when its label improves and skip stale entries on poll ("lazy deletion"), which
 * needs no per-node position array and so nothing proportional to the graph per search. Not thread-safe.
 */
final class LongIntMinHeap {
    private long[] keys;
    private int[] values;
    private int size;

    LongIntMinHeap(int initialCapacity) {
        keys = new long[Math.max(4, initialCapacity)];
        values = new int[keys.length];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    void push(long key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key)
                break;
            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** The smallest key; the heap must not be empty. */
    long peekKey() {
        return keys[0];
    }

    /** The value of the smallest key; the heap must not be empty. */
    int peekValue() {
        return values[0];
    }

    /** Removes the smallest entry and returns its value. */
    int poll() {
        int top = values[0];
        int last = --size;
        if (last > 0) {
            long key = keys[last];
            int value = values[last];
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && keys[right] < keys[child])
                    child = right;
                if (key <= keys[child])
                    break;
                keys[i] = keys[child];
                values[i] = values[child];
                i = child;
            }
            keys[i] = key;
            values[i] = value;
        }
        return top;
    }
}
