package cn.servicemap.gis.access;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random street grids (synthetic, for tests): a jittered grid with some streets missing, some diagonals and bent
 * edges, random one-way streets and a few zero-time edges for CAR, walking everywhere at 5 km/h.
 */
final class RandomNetworks {
    private RandomNetworks() {
    }

    /** A grid; odd seeds give an exact lattice (many ties in time), even seeds a jittered one. */
    static RoadNetwork grid(long seed, int width, int height) {
        Random r = new Random(seed);
        double jitter = seed % 2 == 0 ? 0.3 : 0;
        RoadNetworkBuilder b = RoadNetwork.builder().description("synthetic grid " + seed);
        b.profile(TravelProfile.WALK).profile(TravelProfile.CAR);
        int[][] id = new int[width][height];
        for (int x = 0; x < width; x++)
            for (int y = 0; y < height; y++)
                id[x][y] = Tiny.node(b, x + jitter * r.nextDouble(), y + jitter * r.nextDouble());
        for (int x = 0; x < width; x++)
            for (int y = 0; y < height; y++) {
                if (x + 1 < width && r.nextDouble() < 0.85)
                    street(b, r, id[x][y], id[x + 1][y], x + 0.5, y + jitter * r.nextDouble(), jitter == 0);
                if (y + 1 < height && r.nextDouble() < 0.85)
                    street(b, r, id[x][y], id[x][y + 1], x + jitter * r.nextDouble(), y + 0.5, jitter == 0);
                if (x + 1 < width && y + 1 < height && r.nextDouble() < 0.05)
                    street(b, r, id[x][y], id[x + 1][y + 1], Double.NaN, Double.NaN, jitter == 0);
            }
        return b.build();
    }

    private static void street(RoadNetworkBuilder b, Random r, int from, int to, double bendX, double bendY,
                               boolean quantised) {
        int e = Double.isNaN(bendX) || r.nextBoolean() || bendX == Math.rint(bendX) || bendY == Math.rint(bendY)
                ? b.addEdge(from, to)
                : b.addEdge(from, to, Double.NaN, Tiny.lon(bendX), Tiny.lat(bendY));
        b.access(TravelProfile.WALK, e, 5, false);
        double roll = r.nextDouble();
        if (roll < 0.03) {
            b.access(TravelProfile.CAR, e, 0, 0);
        } else if (roll < 0.9) {
            // quantised times on lattices (6, 9, 12, 18 s per block) make many exact ties between paths
            int millis = quantised ? new int[]{6000, 9000, 12000, 18000}[r.nextInt(4)]
                    : (int) Math.round(100 * 3600.0 / (20 + 40 * r.nextDouble()));
            double oneway = r.nextDouble();
            b.access(TravelProfile.CAR, e, oneway < 0.12 ? ProfileGraph.NO_ACCESS : millis,
                    oneway > 0.88 ? ProfileGraph.NO_ACCESS : millis);
        }
    }

    /** Random snapped sources, often exactly at a node or a quarter of an edge (ties), sometimes two on one edge. */
    static List<Snap> sources(RoadNetwork net, TravelProfile profile, Random r, int count) {
        List<Snap> out = new ArrayList<>();
        while (out.size() < count)
            out.add(randomPoint(net, profile, r, out));
        return out;
    }

    static Snap randomPoint(RoadNetwork net, TravelProfile profile, Random r, List<Snap> existing) {
        ProfileGraph g = net.graph(profile);
        if (!existing.isEmpty() && r.nextDouble() < 0.1) {
            Snap other = existing.get(r.nextInt(existing.size()));
            if (other != null)
                return net.onEdge(profile, other.edge(), r.nextDouble());
        }
        while (true) {
            int e = r.nextInt(net.edgeCount());
            if (!g.isUsable(e))
                continue;
            double roll = r.nextDouble();
            double f = roll < 0.1 ? 0 : roll < 0.2 ? 1 : roll < 0.6 ? 0.25 * (1 + r.nextInt(3)) : r.nextDouble();
            return net.onEdge(profile, e, f);
        }
    }
}
