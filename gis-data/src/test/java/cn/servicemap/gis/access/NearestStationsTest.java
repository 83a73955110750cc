package cn.servicemap.gis.access;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.RoadNetworkBuilder;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

import static cn.servicemap.gis.network.TravelProfile.CAR;
import static cn.servicemap.gis.network.TravelProfile.WALK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NearestStationsTest {

    /*
     *   0 ------ 1 ------ 2 ------ 3          e0, e1, e2: 100 m each, walk 72 s
     *        ^Q      ^A       ^B      C at node 3
     *   Q at 50 % of e0; A at 50 % of e1; B at 50 % of e2; C at the end of e2
     */
    private RoadNetwork line() {
        RoadNetworkBuilder b = RoadNetwork.builder();
        int[] n = {Tiny.node(b, 0, 0), Tiny.node(b, 1, 0), Tiny.node(b, 2, 0), Tiny.node(b, 3, 0)};
        for (int i = 0; i < 3; i++)
            b.access(WALK, b.addEdge(n[i], n[i + 1], 100), 5, false);
        return b.build();
    }

    @Test
    void shouldOrderStationsByTravelTimeWithRoutes() {
        RoadNetwork net = line();
        List<Snap> stations = List.of(net.onEdge(WALK, 2, 1.0), net.onEdge(WALK, 1, 0.5), net.onEdge(WALK, 2, 0.5));
        NearestStations nearest = new NearestStations(net, WALK, stations);
        List<NearestStation> found = nearest.find(net.onEdge(WALK, 0, 0.5), 2, 3600);
        assertThat(found).extracting(NearestStation::sourceIndex).containsExactly(1, 2);
        assertThat(found.get(0).timeInMillis()).isEqualTo(72_000);
        assertThat(found.get(0).distanceInMeters()).isCloseTo(100, within(1e-6));
        assertThat(found.get(1).timeInMillis()).isEqualTo(144_000);
        assertThat(found.get(1).minutes()).isCloseTo(2.4, within(1e-9));
        LineString route = found.get(1).route();
        assertThat(route.getCoordinateN(0).x).isCloseTo(Tiny.lon(0.5), within(1e-9));
        assertThat(route.getCoordinateN(route.getNumPoints() - 1).x).isCloseTo(Tiny.lon(2.5), within(1e-9));
    }

    @Test
    void shouldSkipStationsTheCallerRejects() {
        RoadNetwork net = line();
        List<Snap> stations = List.of(net.onEdge(WALK, 2, 1.0), net.onEdge(WALK, 1, 0.5), net.onEdge(WALK, 2, 0.5));
        List<NearestStation> found = new NearestStations(net, WALK, stations)
                .find(net.onEdge(WALK, 0, 0.5), 5, 3600, i -> i != 1);
        assertThat(found).extracting(NearestStation::sourceIndex).containsExactly(2, 0);
    }

    @Test
    void shouldRespectTheTimeLimit() {
        RoadNetwork net = line();
        List<Snap> stations = List.of(net.onEdge(WALK, 2, 1.0), net.onEdge(WALK, 1, 0.5));
        assertThat(new NearestStations(net, WALK, stations).find(net.onEdge(WALK, 0, 0.5), 5, 100))
                .extracting(NearestStation::sourceIndex).containsExactly(1);
    }

    @Test
    void shouldFindAStationOnTheSameEdgeDirectly() {
        RoadNetwork net = line();
        List<NearestStation> found = new NearestStations(net, WALK, List.of(net.onEdge(WALK, 0, 0.9)))
                .find(net.onEdge(WALK, 0, 0.4), 1, 3600);
        assertThat(found.get(0).timeInMillis()).isEqualTo(36_000);
        assertThat(found.get(0).route().getNumPoints()).isEqualTo(2);
    }

    /*
     *   0 ======> 1          e0 one-way east, 1000 ms; e1 two-way back along a detour, 5000 ms
     *   +---e1----+
     */
    @Test
    void shouldNotDriveAgainstAOneWayStreet() {
        RoadNetworkBuilder b = RoadNetwork.builder();
        int n0 = Tiny.node(b, 0, 0), n1 = Tiny.node(b, 1, 0);
        b.access(CAR, b.addEdge(n0, n1), 1000, ProfileGraph.NO_ACCESS);
        b.access(CAR, b.addEdge(n0, n1, Double.NaN, Tiny.lon(0.5), Tiny.lat(-1)), 5000, 5000);
        RoadNetwork net = b.build();
        NearestStations nearest = new NearestStations(net, CAR, List.of(net.onEdge(CAR, 0, 0.2)));
        assertThat(nearest.find(net.onEdge(CAR, 0, 0.6), 1, 3600).get(0).timeInMillis())
                .isEqualTo(400 + 5000 + 200);
        assertThat(nearest.find(net.onEdge(CAR, 0, 0.1), 1, 3600).get(0).timeInMillis()).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(value = TravelProfile.class, names = {"WALK", "CAR"})
    void shouldAgreeWithSingleSourceFieldsOnRandomGraphs(TravelProfile profile) {
        for (long seed = 1; seed <= 6; seed++) {
            RoadNetwork net = RandomNetworks.grid(seed, 15, 12);
            Random r = new Random(seed);
            List<Snap> stations = RandomNetworks.sources(net, profile, r, 9);
            List<AccessField> singles = new ArrayList<>();
            MultiSourceSearch search = new MultiSourceSearch(net, profile, 900);
            for (int i = 0; i < stations.size(); i++) {
                List<Snap> only = new ArrayList<>(Collections.nCopies(stations.size(), (Snap) null));
                only.set(i, stations.get(i));
                singles.add(search.run(only));
            }
            AccessField all = search.run(stations);
            NearestStations nearest = new NearestStations(net, profile, stations);
            IntPredicate odd = i -> i % 2 == 1;
            for (int q = 0; q < 100; q++) {
                Snap query = RandomNetworks.randomPoint(net, profile, r, stations);
                IntPredicate accept = q % 3 == 0 ? odd : i -> true;
                List<Reach> expected = new ArrayList<>();
                for (AccessField single : singles) {
                    Reach reach = single.reachAt(query);
                    if (reach.isReached() && accept.test(reach.sourceIndex()))
                        expected.add(reach);
                }
                expected.sort(Comparator.comparingLong(x -> FieldEngine.key(x.timeInMillis(), x.sourceIndex())));
                List<NearestStation> found = nearest.find(query, 4, 900, accept);
                assertThat(found).extracting(NearestStation::sourceIndex)
                        .containsExactlyElementsOf(expected.stream().limit(4).map(Reach::sourceIndex).toList());
                assertThat(found).extracting(NearestStation::timeInMillis)
                        .containsExactlyElementsOf(expected.stream().limit(4).map(Reach::timeInMillis).toList());
                if (accept == odd || found.isEmpty())
                    continue;
                assertThat(all.reachAt(query)).isEqualTo(expected.get(0));
                for (NearestStation s : found) {
                    Coordinate first = s.route().getCoordinateN(0);
                    Coordinate last = s.route().getCoordinateN(s.route().getNumPoints() - 1);
                    assertThat(first.distance(new Coordinate(query.lon(), query.lat()))).isLessThan(1e-9);
                    Snap station = stations.get(s.sourceIndex());
                    assertThat(last.distance(new Coordinate(station.lon(), station.lat()))).isLessThan(1e-9);
                    if (profile == WALK)
                        assertThat(s.timeInMillis()).isCloseTo((int) Math.round(s.distanceInMeters() * 720),
                                within(5));
                }
            }
        }
    }
}
