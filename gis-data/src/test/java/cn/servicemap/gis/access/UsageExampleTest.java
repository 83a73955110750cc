package cn.servicemap.gis.access;

import cn.servicemap.gis.network.NanjingCore;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The typical flow, as documentation: stations → 15-min field → what-if → polygons → nearest for a worker. */
class UsageExampleTest {

    @Test
    void shouldServeAPlannerAndAWorker() {
        RoadNetwork net = NanjingCore.network();
        // three stations near 新街口, 大行宫 and 鼓楼 (lon, lat in WGS84)
        List<Snap> stations = List.of(
                net.snap(TravelProfile.WALK, 118.7787, 32.0403, 100),
                net.snap(TravelProfile.WALK, 118.7880, 32.0430, 100),
                net.snap(TravelProfile.WALK, 118.7800, 32.0560, 100));
        assertThat(stations).allMatch(Snap::isSnapped);

        // planner: who is within a 15-minute walk, and what if a fourth station opens?
        AccessField field = MultiSourceSearch.compute(net, TravelProfile.WALK, stations, 900);
        AccessUpdate whatIf = field.withSourceAdded(net.snap(TravelProfile.WALK, 118.7700, 32.0350, 100));
        assertThat(whatIf.field().reachedNodeCount()).isGreaterThan(field.reachedNodeCount());
        assertThat(whatIf.changedNodes()).isNotEmpty();
        List<ServiceBand> rings = ServiceAreas.build(whatIf.field()).rings();
        assertThat(rings).extracting(ServiceBand::toSeconds).containsExactly(300, 600, 900);

        // worker: the two nearest stations on foot, with minutes and the way there
        Snap me = net.snapToMainComponent(TravelProfile.WALK, 118.7830, 32.0470, 200);
        List<NearestStation> near = new NearestStations(net, TravelProfile.WALK, stations).find(me, 2, 1800);
        assertThat(near).hasSize(2);
        assertThat(near.get(0).minutes()).isLessThan(near.get(1).minutes());
        assertThat(near.get(0).route().getLength()).isPositive();
    }
}
