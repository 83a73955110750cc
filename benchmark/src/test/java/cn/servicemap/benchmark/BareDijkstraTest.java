package cn.servicemap.benchmark;

import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline must compute exactly what the engine computes, or the "limit" it sets means nothing. */
class BareDijkstraTest {

    /** A jittered 30 x 30 grid with some streets missing, some one-way; 100 m blocks near Nanjing. */
    static RoadNetwork grid(long seed) {
        Random r = new Random(seed);
        RoadNetworkBuilder b = RoadNetwork.builder().profile(TravelProfile.WALK);
        int side = 30;
        double dLat = 100 / 111_195.0, dLon = dLat / Math.cos(Math.toRadians(32.04));
        int[] id = new int[side * side];
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
                id[y * side + x] = b.addNode(118.78 + (x + 0.3 * r.nextDouble()) * dLon, 32.04 + (y + 0.3 * r.nextDouble()) * dLat);
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++) {
                if (x + 1 < side && r.nextDouble() < 0.9)
                    b.access(TravelProfile.WALK, b.addEdge(id[y * side + x], id[y * side + x + 1]), 5, r.nextDouble() < 0.1);
                if (y + 1 < side && r.nextDouble() < 0.9)
                    b.access(TravelProfile.WALK, b.addEdge(id[y * side + x], id[(y + 1) * side + x]), 5, false);
            }
        return b.build();
    }

    @Test
    void shouldEqualMultiSourceSearchForSourcesOnEdgesAndOnNodes() {
        for (long seed = 1; seed <= 5; seed++) {
            RoadNetwork net = grid(seed);
            Random r = new Random(seed);
            List<Snap> sources = new ArrayList<>();
            while (sources.size() < 8) {
                Snap s = net.snap(TravelProfile.WALK, net.bbox().minLon() + r.nextDouble() * (net.bbox().maxLon() - net.bbox().minLon()),
                        net.bbox().minLat() + r.nextDouble() * (net.bbox().maxLat() - net.bbox().minLat()), 200);
                if (s.isSnapped())
                    sources.add(sources.size() % 2 == 0 ? s : BenchmarkNetwork.toNearestNode(net, s));
            }
            for (int limitSeconds : new int[]{120, 900}) {
                int[] ours = MultiSourceSearch.compute(net, TravelProfile.WALK, sources, limitSeconds).timesInMillis();
                var graph = net.graph(TravelProfile.WALK);
                assertThat(BareDijkstra.lazyHeap(graph, sources, limitSeconds * 1000)).isEqualTo(ours);
                assertThat(BareDijkstra.decreaseKey(graph, sources, limitSeconds * 1000)).isEqualTo(ours);
            }
        }
    }

    @Test
    void shouldPlaceNodeSnapsExactlyOnTheirNode() {
        RoadNetwork net = grid(7);
        for (int node : new int[]{0, 31, 450, 899}) {
            Snap s = BenchmarkNetwork.atNode(net, node);
            assertThat(BenchmarkNetwork.nodeOf(s)).isEqualTo(node);
            assertThat(s.lon()).isEqualTo(net.nodeLon(node));
            assertThat(s.lat()).isEqualTo(net.nodeLat(node));
        }
    }
}
