package cn.servicemap.gis.coverage;

import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.synthetic.SyntheticCity;
import java.util.List;
import java.util.Random;

/**
 * Random street grids over a small synthetic city (synthetic, for tests), which gives the districts (2 × 2) and the
 * people (its generated surface, 50 m cells, each hung on the nearest street of the main network piece): node
 * {@code (x, y)} lies near x · 100 m east and y · 100 m north of the city's south-west corner; some streets missing,
 * a few diagonals. Walking at 5 km/h everywhere; driving with random one-way streets, streets closed to cars and a few
 * zero-time ones. Odd seeds give an
 * exact lattice with driving times of 6, 9, 12 or 18 s a block (many equal times between stations), even seeds a
 * jittered one.
 */
record RandomStreets(SyntheticCity city, RoadNetwork network, CoverageModel model) {

    static RandomStreets grid(long seed, int width, int height, TravelProfile profile) {
        Random r = new Random(seed);
        double jitter = seed % 2 == 0 ? 0.3 : 0;
        SyntheticCity city = new SyntheticCity(7, 115.5, 29.5, width, height, 100, 2, 2);
        RoadNetworkBuilder b = RoadNetwork.builder().description("random streets " + seed);
        b.profile(TravelProfile.WALK).profile(TravelProfile.CAR);
        int[][] id = new int[width + 1][height + 1];
        for (int x = 0; x <= width; x++) {
            for (int y = 0; y <= height; y++) {
                double dx = Math.min(width, x + jitter * r.nextDouble());
                double dy = Math.min(height, y + jitter * r.nextDouble());
                id[x][y] = b.addNode(city.lon(dx * 100), city.lat(dy * 100));
            }
        }
        for (int x = 0; x <= width; x++) {
            for (int y = 0; y <= height; y++) {
                if (x < width && r.nextDouble() < 0.85) {
                    street(b, r, id[x][y], id[x + 1][y], jitter == 0);
                }
                if (y < height && r.nextDouble() < 0.85) {
                    street(b, r, id[x][y], id[x][y + 1], jitter == 0);
                }
                if (x < width && y < height && r.nextDouble() < 0.05) {
                    street(b, r, id[x][y], id[x + 1][y + 1], jitter == 0);
                }
            }
        }
        RoadNetwork network = b.build();
        PopulationSurface surface = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults().withCellSizeInMeters(50));
        CoverageModel model = CoverageModel.build(network, profile, surface, new DistrictLocator(city.districts(), 10), 150);
        return new RandomStreets(city, network, model);
    }

    private static void street(RoadNetworkBuilder b, Random r, int from, int to, boolean quantised) {
        int e = b.addEdge(from, to);
        b.access(TravelProfile.WALK, e, 5, false);
        double roll = r.nextDouble();
        if (roll < 0.03) {
            b.access(TravelProfile.CAR, e, 0, 0);
        } else if (roll < 0.9) {
            int millis = quantised ? new int[]{6000, 9000, 12000, 18000}[r.nextInt(4)]
                    : (int) Math.round(100 * 3600.0 / (20 + 40 * r.nextDouble()));
            double oneway = r.nextDouble();
            b.access(TravelProfile.CAR, e, oneway < 0.12 ? ProfileGraph.NO_ACCESS : millis,
                    oneway > 0.88 ? ProfileGraph.NO_ACCESS : millis);
        }
    }

    /** A random place for a station: often exactly at a node or a quarter of a street, sometimes on another's street. */
    Snap randomPlace(TravelProfile profile, Random r, List<Snap> existing) {
        ProfileGraph g = network.graph(profile);
        if (!existing.isEmpty() && r.nextDouble() < 0.1) {
            Snap other = existing.get(r.nextInt(existing.size()));
            if (other != null) {
                return network.onEdge(profile, other.edge(), r.nextDouble());
            }
        }
        while (true) {
            int e = r.nextInt(network.edgeCount());
            if (!g.isUsable(e)) {
                continue;
            }
            double roll = r.nextDouble();
            double f = roll < 0.1 ? 0 : roll < 0.2 ? 1 : roll < 0.6 ? 0.25 * (1 + r.nextInt(3)) : r.nextDouble();
            return network.onEdge(profile, e, f);
        }
    }
}
