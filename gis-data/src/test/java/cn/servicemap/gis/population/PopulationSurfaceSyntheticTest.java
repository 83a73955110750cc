package cn.servicemap.gis.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.synthetic.SyntheticCity;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class PopulationSurfaceSyntheticTest {

    final SyntheticCity city = SyntheticCity.demo();
    final PopulationSurface surface = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults());

    @Test
    void shouldSumToTheSyntheticCensusDistrictByDistrict() {
        long census = city.census().values().stream().mapToLong(CensusRecord::population).sum();
        assertThat(surface.totalPeople()).isEqualTo(census);
        Map<String, Double> byDistrict = new HashMap<>();
        for (int i = 0; i < surface.size(); i++) {
            byDistrict.merge(surface.districtAdcodes().get(surface.districtIndex(i)), surface.people(i), Double::sum);
        }
        city.census().forEach((adcode, record) -> {
            assertThat(byDistrict.get(adcode)).isEqualTo((double) record.population());
            DistrictShare share = surface.share(adcode);
            assertThat(share.estimatedPeople()).isEqualTo(record.population());
            assertThat(share.coveredShareOfArea()).isCloseTo(1.0, within(1e-9));
            assertThat(share.weighting()).isEqualTo(Weighting.SYNTHETIC_PATTERN);
        });
    }

    @Test
    void shouldCoverTheWholeCityWithCellsAndSayItIsSynthetic() {
        // 3 km × 3 km in 100 m cells: 900 cells, a few more where district edges cut a cell
        assertThat(surface.size()).isBetween(900, 1_000);
        assertThat(surface.studyArea().areaKm2()).isCloseTo(9.0, within(0.05));
        assertThat(surface.studyArea().method()).startsWith(SyntheticCity.LABEL);
        Envelope bounds = city.bounds();
        for (int i = 0; i < surface.size(); i++) {
            assertThat(bounds.contains(surface.lon(i), surface.lat(i))).isTrue();
            assertThat(surface.cellPolygon(i).isValid()).isTrue();
        }
        for (DistrictShare share : surface.shares()) {
            assertThat(share.method()).startsWith(SyntheticCity.LABEL).contains(share.coveredPart());
        }
    }

    @Test
    void shouldBeDenserNearTheCentreAndTheSameEveryTime() {
        Envelope b = city.bounds();
        // points a few tens of metres off grid lines, so each lies in one cell
        double centre = peopleNear(b.centre().x + b.getWidth() * 0.01, b.centre().y + b.getHeight() * 0.01);
        double corner = peopleNear(b.getMinX() + b.getWidth() * 0.02, b.getMinY() + b.getHeight() * 0.02);
        assertThat(centre).isGreaterThan(3 * corner);

        PopulationSurface again = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults());
        assertThat(again.size()).isEqualTo(surface.size());
        for (int i = 0; i < surface.size(); i++) {
            assertThat(again.people(i)).isEqualTo(surface.people(i));
            assertThat(again.lon(i)).isEqualTo(surface.lon(i));
        }
    }

    private double peopleNear(double lon, double lat) {
        for (int i = 0; i < surface.size(); i++) {
            if (surface.cellPolygon(i).getEnvelopeInternal().contains(lon, lat)
                    && surface.areaInSquareMeters(i) > 9_000) {
                return surface.people(i);
            }
        }
        throw new AssertionError("no whole cell at " + lon + ", " + lat);
    }
}
