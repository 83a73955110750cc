package cn.servicemap.gis.access;

import cn.servicemap.gis.network.NanjingCore;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Searches on the Nanjing Xinjiekou core (OSM, © OpenStreetMap contributors). */
class NanjingAccessTest {
    private final RoadNetwork net = NanjingCore.network();

    /** Random places in the dense core snapped to the profile's network (some land on small pieces). */
    static List<Snap> stations(RoadNetwork net, TravelProfile profile, Random r, int count) {
        List<Snap> out = new ArrayList<>();
        while (out.size() < count) {
            Snap s = net.snap(profile, 118.765 + 0.031 * r.nextDouble(), 32.030 + 0.024 * r.nextDouble(), 100);
            if (s.isSnapped())
                out.add(s);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = TravelProfile.class)
    void multiSourceShouldEqualTheMinimumOverSingleSourceSearches(TravelProfile profile) {
        Random r = new Random(7);
        for (SearchDirection direction : SearchDirection.values())
            for (int round = 0; round < 5; round++) {
                List<Snap> stations = stations(net, profile, r, 3 + r.nextInt(12));
                MultiSourceSearch search = new MultiSourceSearch(net, profile, 900, direction);
                AccessField all = search.run(stations);
                long[] best = new long[net.nodeCount()];
                java.util.Arrays.fill(best, Long.MAX_VALUE);
                for (int i = 0; i < stations.size(); i++) {
                    List<Snap> only = new ArrayList<>(Collections.nCopies(stations.size(), (Snap) null));
                    only.set(i, stations.get(i));
                    AccessField single = search.run(only);
                    for (int v = 0; v < best.length; v++)
                        best[v] = Math.min(best[v], FieldEngine.key(single.timeInMillis(v), single.nearestSource(v)));
                }
                for (int v = 0; v < best.length; v++)
                    assertThat(FieldEngine.key(all.timeInMillis(v), all.nearestSource(v))).isEqualTo(best[v]);
                assertThat(all.reachedNodeCount()).isPositive();
            }
    }

    @ParameterizedTest
    @EnumSource(value = TravelProfile.class, names = {"WALK", "CAR"})
    void incrementalWhatIfShouldEqualAFullRecomputation(TravelProfile profile) {
        Random r = new Random(11);
        List<Snap> stations = new ArrayList<>(stations(net, profile, r, 12));
        MultiSourceSearch search = new MultiSourceSearch(net, profile, 900);
        AccessField field = search.run(stations);
        for (int step = 0; step < 40; step++) {
            AccessUpdate update;
            int index = r.nextInt(stations.size());
            if (step % 3 == 0 || stations.get(index) == null) {
                Snap s = stations(net, profile, r, 1).get(0);
                update = field.withSourceAdded(s);
                stations.add(s);
            } else if (step % 3 == 1) {
                update = field.withSourceRemoved(index);
                stations.set(index, null);
            } else {
                Snap s = stations(net, profile, r, 1).get(0);
                update = field.withSourceMoved(index, s);
                stations.set(index, s);
            }
            AccessField full = search.run(stations);
            assertThat(update.field().timesInMillis()).isEqualTo(full.timesInMillis());
            assertThat(update.field().nearestSources()).isEqualTo(full.nearestSources());
            for (int v : update.changedNodes())
                assertThat(field.timeInMillis(v) != full.timeInMillis(v)
                        || field.nearestSource(v) != full.nearestSource(v)).isTrue();
            field = update.field();
        }
    }

    @Test
    void nearestStationsShouldComeInOrderOfTravelTimeWithRoutesFromTheQueryToTheStation() {
        Random r = new Random(3);
        List<Snap> stations = stations(net, TravelProfile.WALK, r, 20);
        NearestStations nearest = new NearestStations(net, TravelProfile.WALK, stations);
        AccessField field = MultiSourceSearch.compute(net, TravelProfile.WALK, stations, 3600);
        int checked = 0;
        for (int q = 0; q < 50; q++) {
            Snap query = net.snapToMainComponent(TravelProfile.WALK, 118.768 + 0.025 * r.nextDouble(),
                    32.032 + 0.02 * r.nextDouble(), 150);
            if (!query.isSnapped())
                continue;
            List<NearestStation> found = nearest.find(query, 3, 3600);
            assertThat(found).isNotEmpty();
            for (int i = 1; i < found.size(); i++)
                assertThat(found.get(i).timeInMillis()).isGreaterThanOrEqualTo(found.get(i - 1).timeInMillis());
            assertThat(found.get(0).timeInMillis()).isEqualTo(field.timeAtInMillis(query));
            assertThat(found.get(0).sourceIndex()).isEqualTo(field.reachAt(query).sourceIndex());
            for (NearestStation s : found) {
                Coordinate first = s.route().getCoordinateN(0);
                Coordinate last = s.route().getCoordinateN(s.route().getNumPoints() - 1);
                Snap station = stations.get(s.sourceIndex());
                assertThat(metres(first, query.queryLon(), query.queryLat())).isLessThanOrEqualTo(query.distanceInMeters() + 0.5);
                assertThat(metres(last, station.lon(), station.lat())).isLessThan(0.5);
                // walking at 5 km/h: 720 ms per metre of path
                assertThat(s.timeInMillis()).isCloseTo((int) Math.round(s.distanceInMeters() * 720),
                        org.assertj.core.data.Offset.offset(1 + s.route().getNumPoints() * 2));
                assertThat(routeLength(s)).isCloseTo(s.distanceInMeters(),
                        org.assertj.core.data.Offset.offset(2 + s.distanceInMeters() * 0.01));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }

    private static double metres(Coordinate c, double lon, double lat) {
        double kx = 111_195.08 * Math.cos(Math.toRadians(lat));
        return Math.hypot((c.x - lon) * kx, (c.y - lat) * 111_195.08);
    }

    private static double routeLength(NearestStation s) {
        double sum = 0;
        for (int i = 1; i < s.route().getNumPoints(); i++)
            sum += metres(s.route().getCoordinateN(i), s.route().getCoordinateN(i - 1).x,
                    s.route().getCoordinateN(i - 1).y);
        return sum;
    }
}
