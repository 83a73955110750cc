package cn.servicemap.gis.access;

import cn.servicemap.gis.network.NanjingCore;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.util.List;
import java.util.Random;

import static cn.servicemap.gis.network.TravelProfile.WALK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** 5/10/15-minute walking areas on the Nanjing Xinjiekou core (OSM, © OpenStreetMap contributors). */
class NanjingServiceAreasTest {
    private final RoadNetwork net = NanjingCore.network();
    private final GeometryFactory gf = new GeometryFactory();

    private Point point(double lon, double lat) {
        return gf.createPoint(new Coordinate(lon, lat));
    }

    @Test
    void bandsShouldBeValidNestedAndHoldTheirStations() {
        List<Snap> stations = NanjingAccessTest.stations(net, WALK, new Random(5), 8);
        AccessField field = MultiSourceSearch.compute(net, WALK, stations, 900);
        ServiceAreas areas = ServiceAreas.build(field);
        List<ServiceBand> nested = areas.nested();
        assertThat(nested).extracting(ServiceBand::toSeconds).containsExactly(300, 600, 900);
        for (int k = 0; k < nested.size(); k++) {
            Geometry band = nested.get(k).area();
            assertThat(new IsValidOp(band).getValidationError()).isNull();
            assertThat(band.getSRID()).isEqualTo(4326);
            if (k > 0)
                assertThat(band.covers(nested.get(k - 1).area())).isTrue();
            for (Snap s : stations)
                assertThat(band.contains(point(s.lon(), s.lat()))).as("station %s in band %d", s, k).isTrue();
        }
        List<ServiceBand> rings = areas.rings();
        double sum = 0;
        for (int k = 0; k < rings.size(); k++) {
            assertThat(rings.get(k).area().isValid()).isTrue();
            sum += rings.get(k).areaInSquareMeters();
            for (int j = 0; j < k; j++)
                assertThat(rings.get(k).area().intersection(rings.get(j).area()).getArea()).isLessThan(1e-12);
        }
        assertThat(sum).isCloseTo(nested.get(2).areaInSquareMeters(), within(1e-3));
        List<Catchment> catchments = areas.catchments();
        assertThat(catchments).hasSizeLessThanOrEqualTo(stations.size()).hasSizeGreaterThan(stations.size() / 2);
        double catchmentArea = 0;
        for (Catchment c : catchments) {
            assertThat(c.area().isValid()).isTrue();
            catchmentArea += c.areaInSquareMeters();
            Snap s = stations.get(c.sourceIndex());
            if (field.nearestSource(s.baseNode()) == c.sourceIndex() && field.timeInMillis(s.baseNode()) < 60_000)
                assertThat(c.area().contains(point(s.lon(), s.lat()))).isTrue();
        }
        assertThat(catchmentArea).isCloseTo(nested.get(2).areaInSquareMeters(), within(1e-3));
        // a 15-min walk covers at most a disc of 1250 m per station: 4.9 km²
        assertThat(nested.get(2).areaInSquareMeters()).isLessThan(stations.size() * Math.PI * 1310 * 1310);
    }

    /**
     * The polygon agrees with the network time of places near streets: a sampled place is snapped (main
     * component, within 35 m) and so are eight neighbours 12 m around it; if all of them are more than 16 min
     * away (or unreached) the place is outside the 15-min polygon, if all are within 14 min it is inside (no
     * spurious holes where streets are reachable). The neighbours and the minute of slack cover the raster's
     * 10 m cells: the frontier along a street and the line between two nearly equidistant streets.
     */
    @Test
    void bandShouldAgreeWithTheNetworkTimeOfPlacesNearStreets() {
        List<Snap> stations = NanjingAccessTest.stations(net, WALK, new Random(9), 4);
        // searched to 60 min so that "beyond 16 min" is known exactly, drawn to 15 min
        AccessField field = MultiSourceSearch.compute(net, WALK, stations, 3600);
        Geometry band = ServiceAreas.build(field).nested(2).area();
        double dLat = 12 / 111_195.0, dLon = dLat / Math.cos(Math.toRadians(32.04));
        int inside = 0, outside = 0;
        for (double lat = 32.029; lat <= 32.059; lat += 0.0004)
            for (double lon = 118.756; lon <= 118.800; lon += 0.0004) {
                if (!net.snapToMainComponent(WALK, lon, lat, 35).isSnapped())
                    continue;
                int min = Integer.MAX_VALUE, max = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) {
                        Snap q = net.snapToMainComponent(WALK, lon + dx * dLon, lat + dy * dLat, 60);
                        int t = q.isSnapped() ? field.timeAtInMillis(q) : AccessField.UNREACHED;
                        min = Math.min(min, t);
                        max = Math.max(max, t);
                    }
                if (min > 16 * 60_000) {
                    assertThat(band.contains(point(lon, lat))).as("%.4f,%.4f at > %d ms", lon, lat, min).isFalse();
                    outside++;
                } else if (max <= 14 * 60_000) {
                    assertThat(band.contains(point(lon, lat))).as("%.4f,%.4f at < %d ms", lon, lat, max).isTrue();
                    inside++;
                }
            }
        assertThat(inside).isGreaterThan(400);
        assertThat(outside).isGreaterThan(400);
    }

    @Test
    void shouldLeaveOutAPlaceCloseByAsTheCrowFliesButFarOnFoot() {
        // a station on 汉西门大街; 435 m south on 虎踞南路 the walk takes more than 16 minutes (the direct way is
        // the inner-ring expressway 内环西线, closed to pedestrians)
        Snap station = net.snap(WALK, 118.7630, 32.0440, 100);
        AccessField field = MultiSourceSearch.compute(net, WALK, List.of(station), 900);
        Snap across = net.snapToMainComponent(WALK, 118.7630, 32.0400, 30);
        assertThat(field.reachAt(across).isReached()).isFalse();
        Geometry band = ServiceAreas.build(field).nested(2).area();
        assertThat(band.contains(point(station.lon(), station.lat()))).isTrue();
        assertThat(band.contains(point(118.7630, 32.0400))).isFalse();
    }

    @Test
    void shouldDrawOnlyTheWindowAskedFor() {
        List<Snap> stations = NanjingAccessTest.stations(net, WALK, new Random(5), 8);
        AccessField field = MultiSourceSearch.compute(net, WALK, stations, 900);
        cn.servicemap.gis.network.BoundingBox tile =
                new cn.servicemap.gis.network.BoundingBox(118.770, 32.035, 118.785, 32.048);
        Geometry whole = ServiceAreas.build(field).nested(2).area();
        Geometry part = ServiceAreas.build(field, ServiceAreaOptions.defaults().withWindow(tile)).nested(2).area();
        Geometry box = gf.toGeometry(new org.locationtech.jts.geom.Envelope(118.770, 118.785, 32.035, 32.048));
        assertThat(part.isValid()).isTrue();
        assertThat(box.buffer(1e-4).covers(part)).isTrue();
        double expected = whole.intersection(box).getArea();
        assertThat(part.getArea()).isCloseTo(expected, within(expected * 0.03));
    }

    @Test
    void shouldDrawBandsForOtherProfilesAndCustomBands() {
        List<Snap> stations = NanjingAccessTest.stations(net, TravelProfile.EBIKE, new Random(2), 3);
        AccessField field = MultiSourceSearch.compute(net, TravelProfile.EBIKE, stations, 600);
        ServiceAreas areas = ServiceAreas.build(field, ServiceAreaOptions.defaults().withBands(List.of(120, 240, 600))
                .withCellSize(15));
        for (ServiceBand band : areas.rings())
            assertThat(band.area().isValid()).isTrue();
        assertThat(areas.cellSizeInMeters()).isEqualTo(15.0);
        assertThat(areas.nested(2).areaInSquareMeters()).isGreaterThan(areas.nested(0).areaInSquareMeters());
    }
}
