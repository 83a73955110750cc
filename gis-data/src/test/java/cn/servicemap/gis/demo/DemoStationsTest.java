package cn.servicemap.gis.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.StationChecker;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import cn.servicemap.gis.testdata.TestData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class DemoStationsTest {

    static final Envelope CORE = new Envelope(118.765, 118.796, 32.028, 32.052);

    static List<StationInput> demo(int limit) {
        return DemoStations.place(OsmFeatureReader.read(TestData.nanjingOsm(), DemoStations::isHostPlace), CORE, limit);
    }

    @Test
    void shouldPlaceValidDemoStationsAtHostPlacesInsideTheCore() {
        List<StationInput> demo = demo(60);
        assertThat(demo).hasSizeBetween(30, 60);
        StationChecker checker = new StationChecker(TestData.catalog(), new DistrictLocator(List.of(), 200));
        List<CheckedStation> checked = demo.stream().map(in -> {
            StationChecker.Result r = checker.check(in, CoordinateSystem.WGS84);
            assertThat(r.problems()).as(in.get(StationField.NAME)).isEmpty();
            return r.station();
        }).toList();
        assertThat(checked).allSatisfy(s -> {
            assertThat(s.name()).startsWith(DemoStations.PREFIX);
            assertThat(CORE.contains(s.lon(), s.lat())).isTrue();
            assertThat(s.source()).containsPattern("OSM (node|way|relation)/\\d+").contains("OpenStreetMap");
        });
        assertThat(checked.stream().map(CheckedStation::kind).collect(Collectors.toSet()))
                .contains("OUTDOOR_STATION", "DRIVERS_HOME", "SERVICE_CENTRE", "READING_ROOM", "LEGAL_AID");
    }

    @Test
    void shouldKeepStationsOfOneKindOfHostApartAndBeDeterministic() {
        List<StationInput> demo = demo(60);
        assertThat(demo(60)).isEqualTo(demo);
        assertThat(demo(5)).isEqualTo(demo.subList(0, 5));
        for (int i = 0; i < demo.size(); i++) {
            for (int j = i + 1; j < demo.size(); j++) {
                StationInput a = demo.get(i);
                StationInput b = demo.get(j);
                if (suffix(a).equals(suffix(b))) {
                    double d = Geodesic.distanceMeters(lon(a), lat(a), lon(b), lat(b));
                    assertThat(d).as(a.get(StationField.NAME) + " / " + b.get(StationField.NAME)).isGreaterThanOrEqualTo(120);
                }
            }
        }
    }

    private static String suffix(StationInput s) {
        return s.get(StationField.KIND) + s.get(StationField.OPENING_HOURS) + s.get(StationField.SERVICES);
    }

    private static double lon(StationInput s) {
        return Double.parseDouble(s.get(StationField.LON));
    }

    private static double lat(StationInput s) {
        return Double.parseDouble(s.get(StationField.LAT));
    }
}
