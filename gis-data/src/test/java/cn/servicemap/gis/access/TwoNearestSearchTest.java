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
 * points on the streets — on lattices full of ties, one-way driving networks and short limits.
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
}
