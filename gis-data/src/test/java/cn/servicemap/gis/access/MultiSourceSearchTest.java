package cn.servicemap.gis.access;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.servicemap.gis.access.AccessField.UNREACHED;
import static cn.servicemap.gis.network.TravelProfile.CAR;
import static cn.servicemap.gis.network.TravelProfile.WALK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dijkstra edge cases on hand-drawn graphs. Times are given per edge in ms; arrows are one-way for CAR. */
class MultiSourceSearchTest {

    @Nested
    class PartialEdges {
        /*
         *   0 ------- 1 ------- 2
         *      e0        e1          every edge 1000 ms both ways
         *    S at 25 % of e0
         */
        private final RoadNetwork net;

        PartialEdges() {
            RoadNetworkBuilder b = RoadNetwork.builder();
            int n0 = Tiny.node(b, 0, 0), n1 = Tiny.node(b, 1, 0), n2 = Tiny.node(b, 2, 0);
            b.access(WALK, b.addEdge(n0, n1), 1000, 1000);
            b.access(WALK, b.addEdge(n1, n2), 1000, 1000);
            net = b.build();
        }

        @Test
        void shouldSeedBothEndsWithTheirPartialTimes() {
            AccessField f = MultiSourceSearch.compute(net, WALK, List.of(net.onEdge(WALK, 0, 0.25)), 3600);
            assertThat(new int[]{f.timeInMillis(0), f.timeInMillis(1), f.timeInMillis(2)})
                    .containsExactly(250, 750, 1750);
            assertThat(f.nearestSource(2)).isZero();
        }

        @Test
        void shouldReachAPointOnTheSameEdgeDirectly() {
            AccessField f = MultiSourceSearch.compute(net, WALK, List.of(net.onEdge(WALK, 0, 0.25)), 3600);
            // 0.25 -> 0.75 directly is 500 ms; via a node it would be 1000 ms
            assertThat(f.reachAt(net.onEdge(WALK, 0, 0.75))).isEqualTo(new Reach(500, 0));
            assertThat(f.reachAt(net.onEdge(WALK, 1, 0.5))).isEqualTo(new Reach(1250, 0));
        }

        @Test
        void shouldCutOffAtTheLimitInclusive() {
            AccessField f = new MultiSourceSearch(net, WALK, 1).run(List.of(net.onEdge(WALK, 0, 0.25)));
            assertThat(f.timeInMillis(1)).isEqualTo(750);
            assertThat(f.timeInMillis(2)).isEqualTo(UNREACHED);
            assertThat(f.nearestSource(2)).isEqualTo(-1);
            assertThat(f.reachAt(net.onEdge(WALK, 1, 0.25))).isEqualTo(new Reach(1000, 0));
            assertThat(f.reachAt(net.onEdge(WALK, 1, 0.26)).isReached()).isFalse();
        }
    }

    @Nested
    class OneWay {
        /*
         *   0 ======> 1 ======> 2        e0, e1 one-way east, 1000 ms
         *   |                   |
         *   +------ e2 ---------+        e2 two-way, 5000 ms
         */
        private final RoadNetwork net;

        OneWay() {
            RoadNetworkBuilder b = RoadNetwork.builder();
            int n0 = Tiny.node(b, 0, 0), n1 = Tiny.node(b, 1, 0), n2 = Tiny.node(b, 2, 0);
            b.access(CAR, b.addEdge(n0, n1), 1000, ProfileGraph.NO_ACCESS);
            b.access(CAR, b.addEdge(n1, n2), 1000, ProfileGraph.NO_ACCESS);
            b.access(CAR, b.addEdge(n0, n2, 1000, Tiny.lon(1), Tiny.lat(-1)), 5000, 5000);
            net = b.build();
        }

        @Test
        void shouldMeasureTheTripFromEachNodeToTheStation() {
            // station in the middle of e0: node 0 drives 500 ms east; node 1 must go 1 -> 2 -> 0 -> S
            AccessField f = MultiSourceSearch.compute(net, CAR, List.of(net.onEdge(CAR, 0, 0.5)), 3600);
            assertThat(f.direction()).isEqualTo(SearchDirection.TO_SOURCES);
            assertThat(f.timeInMillis(0)).isEqualTo(500);
            assertThat(f.timeInMillis(2)).isEqualTo(5500);
            assertThat(f.timeInMillis(1)).isEqualTo(6500);
        }

        @Test
        void shouldMeasureTheTripFromTheStationWhenAsked() {
            AccessField f = new MultiSourceSearch(net, CAR, 3600, SearchDirection.FROM_SOURCES)
                    .run(List.of(net.onEdge(CAR, 0, 0.5)));
            assertThat(f.timeInMillis(1)).isEqualTo(500);
            assertThat(f.timeInMillis(2)).isEqualTo(1500);
            assertThat(f.timeInMillis(0)).isEqualTo(6500);
        }

        @Test
        void shouldNotGoBackwardsOnAOneWayEdgeToASourceOnTheSameEdge() {
            AccessField f = MultiSourceSearch.compute(net, CAR, List.of(net.onEdge(CAR, 0, 0.5)), 3600);
            // at 75 % of e0 the car must drive on to 1, 2, back to 0 and then 50 %: 250 + 1000 + 5000 + 500
            assertThat(f.timeAtInMillis(net.onEdge(CAR, 0, 0.75))).isEqualTo(6750);
            assertThat(f.timeAtInMillis(net.onEdge(CAR, 0, 0.25))).isEqualTo(250);
        }

        @Test
        void shouldComputeStronglyConnectedComponents() {
            assertThat(net.graph(CAR).componentCount()).isEqualTo(1);
        }
    }

    @Nested
    class Ties {
        /*
         *   0 --e0-- 1 --e1-- 2 --e2-- 3 --e3-- 4       all edges 1000 ms
         *   ^                                   ^
         *   source 1                            source 0       node 2 is 2000 ms from both
         */
        private final RoadNetwork net;
        private final List<Snap> sources;

        Ties() {
            RoadNetworkBuilder b = RoadNetwork.builder();
            int a = Tiny.node(b, 0, 0), n0 = Tiny.node(b, 1, 0), n1 = Tiny.node(b, 2, 0);
            int n2 = Tiny.node(b, 3, 0), bb = Tiny.node(b, 4, 0);
            int[] nodes = {a, n0, n1, n2, bb};
            for (int i = 0; i + 1 < nodes.length; i++)
                b.access(WALK, b.addEdge(nodes[i], nodes[i + 1]), 1000, 1000);
            net = b.build();
            sources = new ArrayList<>(List.of(net.onEdge(WALK, 3, 1.0), net.onEdge(WALK, 0, 0.0)));
        }

        @Test
        void shouldGiveATieToTheLowerIndex() {
            AccessField f = MultiSourceSearch.compute(net, WALK, sources, 3600);
            assertThat(f.timeInMillis(2)).isEqualTo(2000);
            assertThat(f.nearestSource(2)).isZero();
        }

        @Test
        void shouldHandTheTieToTheOtherSourceWhenTheWinnerIsRemoved() {
            AccessField f = MultiSourceSearch.compute(net, WALK, sources, 3600);
            AccessUpdate u = f.withSourceRemoved(0);
            assertThat(u.field().nearestSource(2)).isEqualTo(1);
            assertThat(u.field().timeInMillis(2)).isEqualTo(2000);
            assertThat(u.field().timeInMillis(4)).isEqualTo(4000);
            assertThat(u.changedNodes()).containsExactly(2, 3, 4);
            assertThat(f.nearestSource(2)).as("old field unchanged").isZero();
        }

        @Test
        void shouldKeepTheTieWhenTheSameSourceIsAddedAgainAtAHigherIndex() {
            AccessField f = MultiSourceSearch.compute(net, WALK, sources, 3600);
            AccessUpdate u = f.withSourceAdded(net.onEdge(WALK, 3, 1.0));
            assertThat(u.changedNodes()).isEmpty();
            assertThat(u.field().sourceCount()).isEqualTo(3);
        }

        @Test
        void shouldMoveASourceKeepingItsIndex() {
            AccessField f = MultiSourceSearch.compute(net, WALK, sources, 3600);
            AccessUpdate u = f.withSourceMoved(1, net.onEdge(WALK, 1, 0.5));
            assertThat(u.field().nearestSource(0)).isEqualTo(1);
            assertThat(u.field().timeInMillis(0)).isEqualTo(1500);
            assertThat(u.field().source(1).edge()).isEqualTo(1);
            AccessField full = MultiSourceSearch.compute(net, WALK,
                    List.of(sources.get(0), net.onEdge(WALK, 1, 0.5)), 3600);
            assertThat(u.field().timesInMillis()).isEqualTo(full.timesInMillis());
            assertThat(u.field().nearestSources()).isEqualTo(full.nearestSources());
        }

        @Test
        void shouldRemoveAndAddSourcesInOneBatch() {
            // source 0 (node 4) closes; sources open at node 3 and at node 4 again: they get indexes 2 and 3
            AccessField f = MultiSourceSearch.compute(net, WALK, sources, 3600);
            AccessUpdate u = f.withSourcesChanged(new int[]{0}, List.of(net.onEdge(WALK, 2, 1.0), net.onEdge(WALK, 3, 1.0)));
            assertThat(u.field().sourceCount()).isEqualTo(4);
            assertThat(u.field().isActive(0)).isFalse();
            assertThat(new int[]{u.field().nearestSource(2), u.field().nearestSource(3), u.field().nearestSource(4)})
                    .containsExactly(2, 2, 3);
            assertThat(new int[]{u.field().timeInMillis(2), u.field().timeInMillis(3), u.field().timeInMillis(4)})
                    .containsExactly(1000, 0, 0);
            assertThat(u.field().nearestSource(1)).isEqualTo(1);
            assertThat(u.changedNodes()).containsExactly(2, 3, 4);
            assertThat(f.nearestSource(4)).as("old field unchanged").isZero();
        }

        @Test
        void shouldRejectASourceThatIsNotSnapped() {
            Snap far = net.snap(WALK, Tiny.lon(2), Tiny.lat(50), 100);
            assertThat(far.status()).isEqualTo(Snap.Status.TOO_FAR);
            assertThat(far.distanceInMeters()).isBetween(4990.0, 5010.0);
            assertThatThrownBy(() -> MultiSourceSearch.compute(net, WALK, List.of(far), 60))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nearest road 5");
        }

        @Test
        void shouldRejectASnapOfAnotherProfile() {
            assertThatThrownBy(() -> net.onEdge(TravelProfile.CAR, 0, 0.5))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
