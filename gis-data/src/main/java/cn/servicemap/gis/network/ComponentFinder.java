package cn.servicemap.gis.network;

import java.util.Arrays;

/**
 * Connected components over an {@link Adjacency}, iteratively (no recursion, so a million-node chain is fine).
 * Nodes without any arc get component -1. Component ids are dense, {@code 0..count-1}.
 */
final class ComponentFinder {
    private ComponentFinder() {
    }

    /** Components ignoring arc direction: breadth-first search over outgoing and incoming arcs. O(V + A). */
    static int[] undirected(Adjacency out, Adjacency in) {
        int n = out.nodeCount();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] queue = new int[n];
        int count = 0;
        for (int s = 0; s < n; s++) {
            if (component[s] >= 0 || out.begin(s) == out.end(s) && in.begin(s) == in.end(s))
                continue;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            component[s] = count;
            while (head < tail) {
                int v = queue[head++];
                for (int arc = out.begin(v); arc < out.end(v); arc++) {
                    int w = out.target(arc);
                    if (component[w] < 0) {
                        component[w] = count;
                        queue[tail++] = w;
                    }
                }
                for (int arc = in.begin(v); arc < in.end(v); arc++) {
                    int w = in.target(arc);
                    if (component[w] < 0) {
                        component[w] = count;
                        queue[tail++] = w;
                    }
                }
            }
            count++;
        }
        return component;
    }

    /**
     * Strongly connected components (Tarjan 1972) with an explicit call stack. Nodes with only incoming arcs
     * form single-node components. O(V + A).
     */
    static int[] stronglyConnected(Adjacency out) {
        int n = out.nodeCount();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] index = new int[n];
        Arrays.fill(index, -1);
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int[] callNode = new int[n];
        int[] callArc = new int[n];
        boolean[] hasArc = new boolean[n];
        for (int v = 0; v < n; v++)
            for (int arc = out.begin(v); arc < out.end(v); arc++) {
                hasArc[v] = true;
                hasArc[out.target(arc)] = true;
            }
        int counter = 0;
        int count = 0;
        int sp = 0;
        for (int s = 0; s < n; s++) {
            if (index[s] >= 0 || !hasArc[s])
                continue;
            int csp = 0;
            index[s] = low[s] = counter++;
            stack[sp++] = s;
            onStack[s] = true;
            callNode[csp] = s;
            callArc[csp++] = out.begin(s);
            while (csp > 0) {
                int v = callNode[csp - 1];
                int arc = callArc[csp - 1];
                if (arc < out.end(v)) {
                    callArc[csp - 1] = arc + 1;
                    int w = out.target(arc);
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        callNode[csp] = w;
                        callArc[csp++] = out.begin(w);
                    } else if (onStack[w] && index[w] < low[v]) {
                        low[v] = index[w];
                    }
                } else {
                    csp--;
                    if (low[v] == index[v]) {
                        int w;
                        do {
                            w = stack[--sp];
                            onStack[w] = false;
                            component[w] = count;
                        } while (w != v);
                        count++;
                    }
                    if (csp > 0) {
                        int u = callNode[csp - 1];
                        if (low[v] < low[u])
                            low[u] = low[v];
                    }
                }
            }
        }
        return component;
    }
}
