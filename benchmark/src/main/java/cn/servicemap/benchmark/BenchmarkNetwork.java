package cn.servicemap.benchmark;

import cn.servicemap.gis.network.Adjacency;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One network of the benchmark as every phase sees it: the road network opened from its GraphHopper cache, the
 * stations placed on nodes (so pgRouting, which routes between vertices, gets exactly the same sources as we do),
 * and random query points snapped onto the main component. Everything is derived deterministically from fixed
 * seeds, so separate processes build identical instances.
 *
 * @param key       short name used in file and table names, e.g. {@code nanjing-core}
 * @param title     what the tables print
 * @param synthetic whether the network is generated (labelled synthetic wherever shown)
 * @param graphDir  GraphHopper's graph folder inside the cache, which the GraphHopper peer opens
 * @param stations  stations, each snapped exactly onto a node (fraction 0 or 1 of an edge)
 * @param points    query points {lon, lat}, each within 500 m of the main component
 * @param facts     sizes and provenance for the report
 */
record BenchmarkNetwork(String key, String title, boolean synthetic, Path graphDir, RoadNetwork network,
                        List<Snap> stations, List<double[]> points, Map<String, Object> facts) {

    static final TravelProfile PROFILE = TravelProfile.WALK;

    ProfileGraph graph() {
        return network.graph(PROFILE);
    }

    /** The node a station sits on. */
    static int nodeOf(Snap s) {
        return s.fraction() == 0 ? s.baseNode() : s.adjNode();
    }

    /** A snap exactly on a node: fraction 0 or 1 of one of its usable edges. */
    static Snap atNode(RoadNetwork net, int node) {
        Adjacency out = net.graph(PROFILE).outgoing();
        if (out.begin(node) == out.end(node))
            throw new IllegalArgumentException("node " + node + " has no usable edge");
        int edge = out.edge(out.begin(node));
        return net.onEdge(PROFILE, edge, net.edgeBase(edge) == node ? 0 : 1);
    }

    /** A snapped point moved to the nearer end node of its edge. */
    static Snap toNearestNode(RoadNetwork net, Snap s) {
        return net.onEdge(PROFILE, s.edge(), s.fraction() < 0.5 ? 0 : 1);
    }

    /** Number of edges the profile may use in at least one direction. */
    static int usableEdges(RoadNetwork net) {
        ProfileGraph g = net.graph(PROFILE);
        int n = 0;
        for (int e = 0; e < net.edgeCount(); e++)
            if (g.isUsable(e))
                n++;
        return n;
    }

    static Map<String, Object> sizeFacts(RoadNetwork net) {
        Map<String, Object> m = new LinkedHashMap<>();
        ProfileGraph g = net.graph(PROFILE);
        m.put("nodes", net.nodeCount());
        m.put("edges", net.edgeCount());
        m.put("walk_edges", usableEdges(net));
        m.put("walk_arcs", g.outgoing().arcCount());
        m.put("walk_main_component_nodes", g.mainComponent() == null ? 0 : g.mainComponent().nodeCount());
        return m;
    }
}
