package cn.servicemap.gis.access;

import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties on random graphs with fixed seeds: one search equals many, incremental equals full. */
class AccessPropertyTest {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 20240601;
        for (TravelProfile profile : List.of(TravelProfile.WALK, TravelProfile.CAR))
            for (SearchDirection direction : SearchDirection.values())
                for (int limit : new int[]{150, 86_400})
                    cases.add(Arguments.of(seed++, profile, direction, limit));
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0} {1} {2} limit {3} s")
    @MethodSource("cases")
    void multiSourceShouldEqualTheMinimumOverSingleSourceSearches(long seed, TravelProfile profile,
                                                                  SearchDirection direction, int limit) {
        RoadNetwork net = RandomNetworks.grid(seed, 14, 11);
        Random r = new Random(seed);
        List<Snap> sources = RandomNetworks.sources(net, profile, r, 7);
        MultiSourceSearch search = new MultiSourceSearch(net, profile, limit, direction);
        AccessField all = search.run(sources);
        List<AccessField> singles = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            List<Snap> only = new ArrayList<>(Collections.nCopies(sources.size(), (Snap) null));
            only.set(i, sources.get(i));
            singles.add(search.run(only));
        }
        for (int v = 0; v < net.nodeCount(); v++) {
            long best = Long.MAX_VALUE;
            for (AccessField single : singles)
                best = Math.min(best, FieldEngine.key(single.timeInMillis(v), single.nearestSource(v)));
            assertThat(FieldEngine.key(all.timeInMillis(v), all.nearestSource(v))).as("node %d", v).isEqualTo(best);
        }
        for (int q = 0; q < 200; q++) {
            Snap point = RandomNetworks.randomPoint(net, profile, r, sources);
            Reach best = Reach.NONE;
            for (AccessField single : singles) {
                Reach one = single.reachAt(point);
                if (FieldEngine.key(one.timeInMillis(), one.sourceIndex())
                        < FieldEngine.key(best.timeInMillis(), best.sourceIndex()))
                    best = one;
            }
            assertThat(all.reachAt(point)).as("point %s", point).isEqualTo(best);
            // the same point kept as edge and fraction, as coverage keeps its cells
            assertThat(all.reachAt(point.edge(), point.fraction())).as("point %s by edge", point).isEqualTo(best);
        }
        assertThat(all.reachedNodeCount()).isPositive();
    }

    @ParameterizedTest(name = "seed {0} {1} {2} limit {3} s")
    @MethodSource("cases")
    void incrementalUpdatesShouldEqualAFullRecomputation(long seed, TravelProfile profile,
                                                         SearchDirection direction, int limit) {
        RoadNetwork net = RandomNetworks.grid(seed, 16, 12);
        Random r = new Random(seed * 31);
        List<Snap> sources = new ArrayList<>(RandomNetworks.sources(net, profile, r, 6));
        MultiSourceSearch search = new MultiSourceSearch(net, profile, limit, direction);
        AccessField field = search.run(sources);
        for (int step = 0; step < 60; step++) {
            int active = (int) sources.stream().filter(s -> s != null).count();
            double roll = r.nextDouble();
            AccessUpdate update;
            if (active < 2 || roll < 0.35) {
                Snap s = RandomNetworks.randomPoint(net, profile, r, sources);
                update = field.withSourceAdded(s);
                sources.add(s);
            } else {
                int index = randomActive(sources, r);
                if (roll < 0.7) {
                    update = field.withSourceRemoved(index);
                    sources.set(index, null);
                } else {
                    Snap s = RandomNetworks.randomPoint(net, profile, r, sources);
                    update = field.withSourceMoved(index, s);
                    sources.set(index, s);
                }
            }
            AccessField full = search.run(sources);
            assertThat(update.field().timesInMillis()).as("times after step %d", step)
                    .isEqualTo(full.timesInMillis());
            assertThat(update.field().nearestSources()).as("sources after step %d", step)
                    .isEqualTo(full.nearestSources());
            assertThat(update.changedNodes()).as("changed nodes after step %d", step)
                    .isEqualTo(diff(field, full));
            field = update.field();
        }
    }

    /**
     * Random batches of removals and additions, each checked against a full search on the new source list: times and
     * nearest sources at every node, the changed nodes, the old field left as it was. Batches are empty now and then,
     * remove every active source now and then, and otherwise remove and add a few to many at once (on the same edges
     * too, as {@link RandomNetworks#randomPoint} often reuses a source's edge).
     */
    @ParameterizedTest(name = "seed {0} {1} {2} limit {3} s")
    @MethodSource("cases")
    void batchUpdatesShouldEqualAFullRecomputation(long seed, TravelProfile profile, SearchDirection direction, int limit) {
        RoadNetwork net = RandomNetworks.grid(seed, 16, 12);
        Random r = new Random(seed * 37);
        List<Snap> sources = new ArrayList<>(RandomNetworks.sources(net, profile, r, 10));
        MultiSourceSearch search = new MultiSourceSearch(net, profile, limit, direction);
        AccessField field = search.run(sources);
        for (int step = 0; step < 40; step++) {
            int[] before = field.timesInMillis();
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++)
                if (sources.get(i) != null)
                    active.add(i);
            Collections.shuffle(active, r);
            double roll = r.nextDouble();
            int removeCount = roll < 0.1 ? 0 : roll < 0.2 ? active.size() : r.nextInt(active.size() + 1);
            int addCount = roll < 0.1 ? 0 : r.nextInt(roll < 0.2 ? 3 : 9);
            int[] removed = active.subList(0, removeCount).stream().mapToInt(Integer::intValue).toArray();
            List<Snap> added = new ArrayList<>();
            for (int k = 0; k < addCount; k++)
                added.add(RandomNetworks.randomPoint(net, profile, r, sources));
            AccessUpdate update = field.withSourcesChanged(removed, added);
            for (int i : removed)
                sources.set(i, null);
            sources.addAll(added);
            AccessField full = search.run(sources);
            String what = "step " + step + " (-" + removed.length + " +" + added.size() + ")";
            assertThat(update.field().timesInMillis()).as("times after %s", what).isEqualTo(full.timesInMillis());
            assertThat(update.field().nearestSources()).as("sources after %s", what).isEqualTo(full.nearestSources());
            assertThat(update.changedNodes()).as("changed nodes after %s", what).isEqualTo(diff(field, full));
            assertThat(update.field().sources()).isEqualTo(sources);
            assertThat(field.timesInMillis()).as("the old field after %s", what).isEqualTo(before);
            for (int q = 0; q < 20; q++) {
                Snap point = RandomNetworks.randomPoint(net, profile, r, sources);
                assertThat(update.field().reachAt(point)).as("point %s after %s", point, what).isEqualTo(full.reachAt(point));
            }
            field = update.field();
        }
    }

    @Test
    void batchUpdatesShouldRejectAnInactiveOrRepeatedIndex() {
        RoadNetwork net = RandomNetworks.grid(5, 6, 6);
        List<Snap> sources = new ArrayList<>(RandomNetworks.sources(net, TravelProfile.WALK, new Random(5), 3));
        AccessField field = MultiSourceSearch.compute(net, TravelProfile.WALK, sources, 600);
        AccessField without = field.withSourceRemoved(1).field();
        assertThatThrownBy(() -> without.withSourcesChanged(new int[]{1}, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> field.withSourcesChanged(new int[]{0, 0}, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> field.withSourcesChanged(new int[]{3}, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(field.withSourcesChanged(new int[0], List.of()).changedNodes()).isEmpty();
    }

    private static int randomActive(List<Snap> sources, Random r) {
        while (true) {
            int i = r.nextInt(sources.size());
            if (sources.get(i) != null)
                return i;
        }
    }

    private static int[] diff(AccessField a, AccessField b) {
        return java.util.stream.IntStream.range(0, a.network().nodeCount())
                .filter(v -> a.timeInMillis(v) != b.timeInMillis(v) || a.nearestSource(v) != b.nearestSource(v))
                .toArray();
    }

    @SuppressWarnings("unused")
    private static String show(int[] a) {
        return Arrays.toString(a);
    }
}
