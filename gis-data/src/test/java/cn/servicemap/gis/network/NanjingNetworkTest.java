package cn.servicemap.gis.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;

import static cn.servicemap.gis.network.TravelProfile.CAR;
import static cn.servicemap.gis.network.TravelProfile.EBIKE;
import static cn.servicemap.gis.network.TravelProfile.WALK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The road network of the Nanjing Xinjiekou core (OSM XML, © OpenStreetMap contributors). */
class NanjingNetworkTest {
    private final RoadNetwork net = NanjingCore.network();

    @Test
    void shouldImportTheCoreFromOsmXml() {
        assertThat(net.nodeCount()).isBetween(500, 800);
        assertThat(net.edgeCount()).isBetween(700, 950);
        assertThat(net.bbox().contains(118.7787, 32.0403)).as("新街口").isTrue();
        assertThat(net.profiles()).containsExactlyInAnyOrder(WALK, EBIKE, CAR);
        int walk = usable(WALK), ebike = usable(EBIKE), car = usable(CAR);
        assertThat(walk).isGreaterThan(ebike).isGreaterThan(500);
        assertThat(car).isGreaterThan(400);
        int named = 0;
        for (int e = 0; e < net.edgeCount(); e++)
            if (net.edgeName(e).equals("中山南路"))
                named++;
        assertThat(named).isPositive();
    }

    @Test
    void shouldKeepPedestriansAndRidersOutOfTheTrunkTunnel() {
        int tunnel = 0;
        for (int e = 0; e < net.edgeCount(); e++)
            if (net.edgeName(e).equals("水西门隧道")) { // highway=trunk, oneway, tunnel
                tunnel++;
                assertThat(net.graph(WALK).isUsable(e)).isFalse();
                assertThat(net.graph(EBIKE).isUsable(e)).isFalse();
                assertThat(net.graph(CAR).isUsable(e)).isTrue();
            }
        assertThat(tunnel).isPositive();
    }

    @Test
    void shouldWalkAtFiveKmPerHourSoFifteenMinutesReach1250mAlongAStraightStreet() {
        // 中山南路 + 中山路 run straight north along lon 118.7789 for 2.3 km
        Snap start = net.snapToMainComponent(WALK, 118.77891, 32.0320, 30);
        assertThat(start.isSnapped()).isTrue();
        assertThat(net.edgeName(start.edge())).isEqualTo("中山南路");
        ProfileGraph walk = net.graph(WALK);
        int[] time = singleSourceMillis(walk, start);
        double farthestReached = 0, farthestOnStreet = 0;
        for (int e = 0; e < net.edgeCount(); e++) {
            String name = net.edgeName(e);
            if (!name.equals("中山南路") && !name.equals("中山路") || !walk.isUsable(e))
                continue;
            for (int i = 0; i <= 100; i++) {
                double f = i / 100.0;
                double[] p = net.pointAlongEdge(e, f);
                if (Math.abs(p[0] - 118.77887) > 0.0002)
                    continue; // only the straight axis
                double along = cn.servicemap.gis.crs.Geodesic.distanceMeters(start.lon(), start.lat(), p[0], p[1]);
                farthestOnStreet = Math.max(farthestOnStreet, along);
                long t = Math.min(time[net.edgeBase(e)] + (long) Math.round(f * walk.timeInMillis(e, true)),
                        time[net.edgeAdj(e)] + (long) Math.round((1 - f) * walk.timeInMillis(e, false)));
                if (t <= 15 * 60_000)
                    farthestReached = Math.max(farthestReached, along);
            }
        }
        assertThat(farthestOnStreet).isGreaterThan(2000);
        assertThat(farthestReached).isBetween(1100.0, 1250.0);
    }

    /** A plain Dijkstra over the outgoing adjacency, written independently of the access package. */
    private int[] singleSourceMillis(ProfileGraph g, Snap s) {
        int[] time = new int[net.nodeCount()];
        java.util.Arrays.fill(time, Integer.MAX_VALUE / 2);
        java.util.PriorityQueue<long[]> queue = new java.util.PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        int tb = g.partialTimeInMillis(s.edge(), true, s.fraction());
        int ta = g.partialTimeInMillis(s.edge(), false, 1 - s.fraction());
        time[s.baseNode()] = tb;
        time[s.adjNode()] = Math.min(time[s.adjNode()], ta);
        queue.add(new long[]{tb, s.baseNode()});
        queue.add(new long[]{ta, s.adjNode()});
        Adjacency out = g.outgoing();
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int v = (int) top[1];
            if (top[0] > time[v])
                continue;
            for (int arc = out.begin(v); arc < out.end(v); arc++) {
                int w = out.target(arc);
                int t = time[v] + out.timeInMillis(arc);
                if (t < time[w]) {
                    time[w] = t;
                    queue.add(new long[]{t, w});
                }
            }
        }
        return time;
    }

    @Test
    void shouldReportAPointFarFromAnyRoadAsTooFar() {
        Snap far = net.snap(WALK, 118.70, 32.00, 200);
        assertThat(far.status()).isEqualTo(Snap.Status.TOO_FAR);
        assertThat(far.isSnapped()).isFalse();
        assertThat(far.distanceInMeters()).isGreaterThan(5000);
        assertThatThrownBy(far::requireSnapped).hasMessageContaining("nearest road");
        Snap near = net.snap(WALK, 118.7787, 32.0403, 200);
        assertThat(near.isSnapped()).isTrue();
        assertThat(near.distanceInMeters()).isLessThan(200);
    }

    @Test
    void shouldFindSmallWalkComponentsAndFlagAStationOnOne() {
        ProfileGraph walk = net.graph(WALK);
        assertThat(walk.componentCount()).isBetween(30, 60);
        Component main = walk.mainComponent();
        assertThat(main.edgeCount()).isGreaterThan(usable(WALK) * 8 / 10);
        // the middle of the longest edge of the largest small piece (a sidewalk drawn without crossings)
        Component piece = null;
        for (int c = 0; c < walk.componentCount(); c++)
            if (!walk.component(c).main() && (piece == null || walk.component(c).lengthInMeters() > piece.lengthInMeters()))
                piece = walk.component(c);
        int edge = -1;
        for (int e = 0; e < net.edgeCount(); e++)
            if (walk.componentOfEdge(e) == piece.id()
                    && (edge < 0 || net.edgeDistanceInMeters(e) > net.edgeDistanceInMeters(edge)))
                edge = e;
        double[] p = net.pointAlongEdge(edge, 0.5);
        Snap station = net.snap(WALK, p[0], p[1], 50);
        assertThat(station.isSnapped()).isTrue();
        assertThat(station.isOnSmallComponent()).isTrue();
        assertThat(station.component()).isEqualTo(piece);
        assertThat(station.component().lengthInMeters()).isGreaterThan(100).isLessThan(main.lengthInMeters() / 10);
        Snap onMain = net.snapToMainComponent(WALK, p[0], p[1], 200);
        assertThat(onMain.isOnSmallComponent()).isFalse();
        assertThat(onMain.distanceInMeters()).isGreaterThan(station.distanceInMeters());
    }

    @Test
    void shouldFindStronglyConnectedComponentsForCars() {
        ProfileGraph car = net.graph(CAR);
        Component main = car.mainComponent();
        int start = -1;
        for (int v = 0; v < net.nodeCount() && start < 0; v++)
            if (car.componentOfNode(v) == main.id())
                start = v;
        BitSet forward = reach(car.outgoing(), start, car, main.id());
        BitSet backward = reach(car.incoming(), start, car, main.id());
        assertThat(forward.cardinality()).isEqualTo(main.nodeCount());
        assertThat(backward.cardinality()).isEqualTo(main.nodeCount());
        // and it is maximal: a node outside cannot both reach and be reached from the main component
        BitSet all = reach(car.outgoing(), start, car, -1);
        BitSet back = reach(car.incoming(), start, car, -1);
        all.and(back);
        assertThat(all.cardinality()).isEqualTo(main.nodeCount());
        assertThat(car.componentCount()).isGreaterThan(1);
    }

    private BitSet reach(Adjacency adj, int start, ProfileGraph g, int onlyComponent) {
        BitSet seen = new BitSet();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen.set(start);
        queue.add(start);
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int arc = adj.begin(v); arc < adj.end(v); arc++) {
                int w = adj.target(arc);
                if (!seen.get(w) && (onlyComponent < 0 || g.componentOfNode(w) == onlyComponent)) {
                    seen.set(w);
                    queue.add(w);
                }
            }
        }
        return seen;
    }

    @Test
    void shouldReuseTheCacheUntilTheFilesContentOrTheProfilesChange(@TempDir Path temp) throws IOException {
        Path osm = temp.resolve("core.osm");
        Files.copy(NanjingCore.osmFile(), osm);
        Path cache = temp.resolve("cache");
        Set<TravelProfile> walk = EnumSet.of(WALK);
        assertThat(RoadNetwork.open(osm, cache, walk).description()).contains("imported");
        assertThat(Files.readString(cache.resolve("manifest.properties"))).contains("osm.size", "profiles=walk");
        RoadNetwork cached = RoadNetwork.open(osm, cache, walk);
        assertThat(cached.description()).contains("cached");
        assertThat(cached.edgeCount()).isEqualTo(net.edgeCount());
        assertThat(RoadNetwork.open(osm, cache, EnumSet.of(WALK, CAR)).description()).contains("imported");
        assertThat(RoadNetwork.open(osm, cache, EnumSet.of(WALK, CAR)).description()).contains("cached");
        // the same content touched, or uploaded again under another name: still the same graph
        Files.setLastModifiedTime(osm, FileTime.fromMillis(Files.getLastModifiedTime(osm).toMillis() - 60_000));
        assertThat(RoadNetwork.open(osm, cache, EnumSet.of(WALK, CAR)).description()).contains("cached");
        Path again = temp.resolve("extract.osm");
        Files.copy(osm, again);
        assertThat(RoadNetwork.open(again, cache, EnumSet.of(WALK, CAR)).description()).contains("cached");
        assertThat(Files.readString(cache.resolve("manifest.properties"))).contains("osm.file=extract.osm", "osm.sha256=");
        // other content: imported again
        Files.writeString(again, Files.readString(again).replace("</osm>", "<!-- edited -->\n</osm>"));
        assertThat(RoadNetwork.open(again, cache, EnumSet.of(WALK, CAR)).description()).contains("imported");
    }

    private int usable(TravelProfile profile) {
        int n = 0;
        for (int e = 0; e < net.edgeCount(); e++)
            if (net.graph(profile).isUsable(e))
                n++;
        return n;
    }

    /**
     * Both adjacencies of every profile describe the same arcs: an incoming arc of v from u runs along its edge from u
     * to v with the edge's time in that direction, and every usable direction of every edge is there once. Walking
     * (the same time both ways) shares the arrays of its outgoing adjacency; driving (one-ways) has its own.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(TravelProfile.class)
    void shouldListEveryUsableDirectionOfEveryEdgeOnceInEachAdjacency(TravelProfile profile) {
        ProfileGraph g = net.graph(profile);
        for (Adjacency adjacency : java.util.List.of(g.outgoing(), g.incoming())) {
            boolean incoming = adjacency == g.incoming();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int v = 0; v < net.nodeCount(); v++) {
                for (int arc = adjacency.begin(v); arc < adjacency.end(v); arc++) {
                    int e = adjacency.edge(arc);
                    boolean against = adjacency.isAgainstEdge(arc);
                    int from = incoming ? adjacency.target(arc) : v;
                    int to = incoming ? v : adjacency.target(arc);
                    assertThat(from).as("%s arc %d", profile, arc).isEqualTo(against ? net.edgeAdj(e) : net.edgeBase(e));
                    assertThat(to).as("%s arc %d", profile, arc).isEqualTo(against ? net.edgeBase(e) : net.edgeAdj(e));
                    assertThat(adjacency.timeInMillis(arc)).isEqualTo(g.timeInMillis(e, against));
                    assertThat(seen.add((long) e << 1 | (against ? 1 : 0))).isTrue();
                }
            }
            long directions = 0;
            for (int e = 0; e < net.edgeCount(); e++) {
                directions += (g.timeInMillis(e, false) >= 0 ? 1 : 0) + (g.timeInMillis(e, true) >= 0 ? 1 : 0);
            }
            assertThat((long) seen.size()).isEqualTo(directions);
        }
    }
}
