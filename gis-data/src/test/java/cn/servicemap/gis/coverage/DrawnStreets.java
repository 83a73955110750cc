package cn.servicemap.gis.coverage;

import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.synthetic.SyntheticCity;

/**
 * Streets drawn by hand over a small synthetic city, which gives the districts and the people (its generated surface,
 * 50 m cells, each hung on the nearest drawn street): node {@code (x, y)} lies x · 100 m east and y · 100 m north of
 * the city's south-west corner, and every street takes exactly 1 minute on foot per 100 m, both ways — so times and
 * lengths can be worked out by hand.
 */
record DrawnStreets(SyntheticCity city, RoadNetwork network, CoverageModel model) {

    static final int MILLIS_PER_100_M = 60_000;

    /**
     * @param blocksX   the city's width in 100 m blocks (2 blocks tall), split into {@code districts} districts west to east
     * @param nodes     per node, its (x, y) in hundreds of metres
     * @param streets   per street (edge), its two nodes
     */
    static DrawnStreets draw(int blocksX, int districts, double[][] nodes, int[][] streets) {
        SyntheticCity city = new SyntheticCity(7, 115.5, 29.5, blocksX, 2, 100, districts, 1);
        RoadNetworkBuilder b = RoadNetwork.builder();
        for (double[] n : nodes) {
            b.addNode(city.lon(n[0] * 100), city.lat(n[1] * 100));
        }
        for (int[] s : streets) {
            double hundreds = Math.hypot(nodes[s[1]][0] - nodes[s[0]][0], nodes[s[1]][1] - nodes[s[0]][1]);
            int millis = (int) Math.round(hundreds * MILLIS_PER_100_M);
            b.access(TravelProfile.WALK, b.addEdge(s[0], s[1], hundreds * 100), millis, millis);
        }
        RoadNetwork network = b.build();
        PopulationSurface surface = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults().withCellSizeInMeters(50));
        CoverageModel model = CoverageModel.build(network, TravelProfile.WALK, surface, new DistrictLocator(city.districts(), 10), 300);
        return new DrawnStreets(city, network, model);
    }

    /** The point at {@code fraction} of a street (0 at its first node). */
    Snap at(int street, double fraction) {
        return network.onEdge(TravelProfile.WALK, street, fraction);
    }
}
