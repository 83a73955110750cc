package cn.servicemap.gis.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two nearest stations from one search equal the two best of one search per station, at every node and at random
 * points on the streets — on lattices full of ties, one-way driving networks and short limits. And a what-if (a station
 * added, removed or moved) equals the search run afresh on the new stations.
 */
class TwoNearestSearchTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 20261201;
        for (TravelProfile profile : List.of(TravelProfile.WALK, TravelProfile.CAR))
            for (int limit : new int[]{150, 86_400})
                for (int k = 0; k < 3; k++)
                    cases.add(Arguments.of(seed++, profile, limit));
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0} {1} limit {2} s")
    @MethodSource("cases")
    void shouldEqualTheTwoBestOfOneSearchPerStation(long seed, TravelProfile profile, int limit) {
        RoadNetwork net = RandomNetworks.grid(seed, 13, 10);
        Random r = new Random(seed);
        List<Snap> sources = RandomNetworks.sources(net, profile, r, 8);
        TwoNearestSearch.Result two = new TwoNearestSearch(net, profile, limit).run(sources);
        MultiSourceSearch single = new MultiSourceSearch(net, profile, limit);
        List<AccessField> each = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            List<Snap> only = new ArrayList<>(Collections.nCopies(sources.size(), (Snap) null));
            only.set(i, sources.get(i));
            each.add(single.run(only));
        }
        for (int v = 0; v < net.nodeCount(); v++) {
            List<Long> keys = new ArrayList<>();
            for (AccessField f : each)
                if (f.isReached(v))
                    keys.add(FieldEngine.key(f.timeInMillis(v), f.nearestSource(v)));
            Collections.sort(keys);
            assertThat(FieldEngine.key(two.nearestTimeInMillis(v), two.nearestSource(v))).as("node %d first", v)
                    .isEqualTo(keys.isEmpty() ? Long.MAX_VALUE : keys.get(0));
            assertThat(FieldEngine.key(two.secondTimeInMillis(v), Math.max(0, two.secondSource(v)))).as("node %d second", v)
                    .isEqualTo(keys.size() < 2 ? Long.MAX_VALUE : keys.get(1));
        }
        for (int q = 0; q < 300; q++) {
            Snap point = RandomNetworks.randomPoint(net, profile, r, sources);
            List<Long> keys = new ArrayList<>();
            for (AccessField f : each) {
                Reach reach = f.reachAt(point);
                if (reach.isReached())
                    keys.add(FieldEngine.key(reach.timeInMillis(), reach.sourceIndex()));
            }
            Collections.sort(keys);
            int[] got = two.reachAt(point.edge(), point.fraction());
            assertThat(got[0] == AccessField.UNREACHED ? Long.MAX_VALUE : FieldEngine.key(got[0], got[1])).as("point %s first", point)
                    .isEqualTo(keys.isEmpty() ? Long.MAX_VALUE : keys.get(0));
            assertThat(got[2] == AccessField.UNREACHED ? Long.MAX_VALUE : FieldEngine.key(got[2], got[3])).as("point %s second", point)
                    .isEqualTo(keys.size() < 2 ? Long.MAX_VALUE : keys.get(1));
        }
    }

    static Stream<Arguments> whatIfCases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 20270301;
        for (TravelProfile profile : List.of(TravelProfile.WALK, TravelProfile.CAR))
            for (int limit : new int[]{150, 86_400})
                for (int stations : new int[]{3, 8, 24})
                    cases.add(Arguments.of(seed++, profile, limit, stations));
        return cases.stream();
    }

    /**
     * Random sequences of what-ifs, each checked against a full search on the same station list: all four labels of
     * every node, the changed nodes, the two nearest at random points (which also read the stations on each edge), and
     * the old result left as it was. Odd seeds are exact lattices with many equal times, so ties between stations (the
     * lower index wins) are exercised; CAR has one-way streets and zero-time edges; stations sit on nodes, at quarter
     * points and several on one edge.
     */
    @ParameterizedTest(name = "seed {0} {1} limit {2} s, {3} stations")
    @MethodSource("whatIfCases")
    void whatIfsShouldEqualAFullSearchOnTheNewStations(long seed, TravelProfile profile, int limit, int stations) {
        RoadNetwork net = RandomNetworks.grid(seed, 16, 12);
        Random r = new Random(seed * 31);
        List<Snap> sources = new ArrayList<>(RandomNetworks.sources(net, profile, r, stations));
        TwoNearestSearch search = new TwoNearestSearch(net, profile, limit);
        TwoNearestSearch.Result two = search.run(sources);
        for (int step = 0; step < 80; step++) {
            int[][] before = labels(two, net);
            int active = (int) sources.stream().filter(s -> s != null).count();
            double roll = r.nextDouble();
            TwoNearestUpdate update;
            String what;
            if (active == 0 || roll < 0.35) {
                Snap s = RandomNetworks.randomPoint(net, profile, r, sources);
                update = two.withSourceAdded(s);
                sources.add(s);
                what = "add " + (sources.size() - 1);
            } else {
                int index = randomActive(sources, r);
                if (roll < 0.7) {
                    update = two.withSourceRemoved(index);
                    sources.set(index, null);
                    what = "remove " + index;
                } else {
                    // now and then to where it already is: nothing may change
                    Snap s = roll < 0.75 ? sources.get(index) : RandomNetworks.randomPoint(net, profile, r, sources);
                    update = two.withSourceMoved(index, s);
                    sources.set(index, s);
                    what = "move " + index;
                }
            }
            TwoNearestSearch.Result full = search.run(sources);
            int[][] got = labels(update.result(), net);
            int[][] expected = labels(full, net);
            String[] names = {"nearest time", "nearest station", "second time", "second station"};
            for (int a = 0; a < 4; a++)
                assertThat(got[a]).as("%s after step %d (%s)", names[a], step, what).isEqualTo(expected[a]);
            assertThat(update.changedNodes()).as("changed nodes after step %d (%s)", step, what)
                    .isEqualTo(diff(before, expected));
            assertThat(labels(two, net)).as("the old result after step %d", step).isDeepEqualTo(before);
            assertThat(update.result().sources()).isEqualTo(sources);
            for (int q = 0; q < 40; q++) {
                Snap point = RandomNetworks.randomPoint(net, profile, r, sources);
                assertThat(update.result().reachAt(point.edge(), point.fraction())).as("point %s after step %d", point, step)
                        .isEqualTo(full.reachAt(point.edge(), point.fraction()));
            }
            two = update.result();
        }
    }

    /**
     * Random batches of removals and additions at once, each checked against a full search on the new stations as
     * above: empty batches, every active station removed, and removals and additions together (often on one edge).
     */
    @ParameterizedTest(name = "seed {0} {1} limit {2} s, {3} stations")
    @MethodSource("whatIfCases")
    void batchesShouldEqualAFullSearchOnTheNewStations(long seed, TravelProfile profile, int limit, int stations) {
        RoadNetwork net = RandomNetworks.grid(seed, 16, 12);
        Random r = new Random(seed * 41);
        List<Snap> sources = new ArrayList<>(RandomNetworks.sources(net, profile, r, stations));
        TwoNearestSearch search = new TwoNearestSearch(net, profile, limit);
        TwoNearestSearch.Result two = search.run(sources);
        for (int step = 0; step < 40; step++) {
            int[][] before = labels(two, net);
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++)
                if (sources.get(i) != null)
                    active.add(i);
            Collections.shuffle(active, r);
            double roll = r.nextDouble();
            int removeCount = roll < 0.1 ? 0 : roll < 0.2 ? active.size() : r.nextInt(active.size() + 1);
            int addCount = roll < 0.1 ? 0 : r.nextInt(roll < 0.2 ? 3 : stations + 1);
            int[] removed = active.subList(0, removeCount).stream().mapToInt(Integer::intValue).toArray();
            List<Snap> added = new ArrayList<>();
            for (int k = 0; k < addCount; k++)
                added.add(RandomNetworks.randomPoint(net, profile, r, sources));
            TwoNearestUpdate update = two.withSourcesChanged(removed, added);
            for (int i : removed)
                sources.set(i, null);
            sources.addAll(added);
            String what = "step " + step + " (-" + removed.length + " +" + added.size() + ")";
            TwoNearestSearch.Result full = search.run(sources);
            int[][] got = labels(update.result(), net);
            int[][] expected = labels(full, net);
            String[] names = {"nearest time", "nearest station", "second time", "second station"};
            for (int a = 0; a < 4; a++)
                assertThat(got[a]).as("%s after %s", names[a], what).isEqualTo(expected[a]);
            assertThat(update.changedNodes()).as("changed nodes after %s", what).isEqualTo(diff(before, expected));
            assertThat(labels(two, net)).as("the old result after %s", what).isDeepEqualTo(before);
            assertThat(update.result().sources()).isEqualTo(sources);
            for (int q = 0; q < 20; q++) {
                Snap point = RandomNetworks.randomPoint(net, profile, r, sources);
                assertThat(update.result().reachAt(point.edge(), point.fraction())).as("point %s after %s", point, what)
                        .isEqualTo(full.reachAt(point.edge(), point.fraction()));
            }
            two = update.result();
        }
    }

    private static int[][] labels(TwoNearestSearch.Result two, RoadNetwork net) {
        int[][] out = new int[4][net.nodeCount()];
        for (int v = 0; v < net.nodeCount(); v++) {
            out[0][v] = two.nearestTimeInMillis(v);
            out[1][v] = two.nearestSource(v);
            out[2][v] = two.secondTimeInMillis(v);
            out[3][v] = two.secondSource(v);
        }
        return out;
    }

    private static int[] diff(int[][] a, int[][] b) {
        return java.util.stream.IntStream.range(0, a[0].length)
                .filter(v -> a[0][v] != b[0][v] || a[1][v] != b[1][v] || a[2][v] != b[2][v] || a[3][v] != b[3][v])
                .toArray();
    }

    private static int randomActive(List<Snap> sources, Random r) {
        while (true) {
            int i = r.nextInt(sources.size());
            if (sources.get(i) != null)
                return i;
        }
    }
}
