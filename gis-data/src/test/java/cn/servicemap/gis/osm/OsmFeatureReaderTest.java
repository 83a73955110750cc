package cn.servicemap.gis.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.testdata.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

class OsmFeatureReaderTest {

    @Test
    void shouldReadTaggedNodesAndWaysOfTheNanjingCore() {
        List<OsmFeature> banks = OsmFeatureReader.read(TestData.nanjingOsm(), t -> "bank".equals(t.get("amenity")));
        assertThat(banks).hasSize(22); // as `grep -c 'v="bank"'` counts in the file
        assertThat(banks).allSatisfy(b -> assertThat(b.geometry().getSRID()).isEqualTo(4326));
        assertThat(banks).filteredOn(b -> b.type() == 'n').allSatisfy(b -> assertThat(b.geometry()).isInstanceOf(Point.class));
        assertThat(banks).filteredOn(b -> b.type() == 'w').allSatisfy(b -> assertThat(b.geometry()).isInstanceOf(Polygonal.class));

        List<OsmFeature> primary = OsmFeatureReader.read(TestData.nanjingOsm(), t -> "primary".equals(t.get("highway")));
        assertThat(primary).hasSize(23).allSatisfy(w -> assertThat(w.geometry()).isInstanceOf(LineString.class));
        assertThat(primary).allSatisfy(w -> assertThat(w.geometry().getEnvelopeInternal().getMinX()).isBetween(118.6, 118.9));
    }

    @Test
    void shouldAssembleMultipolygonRelationsIntoValidAreas() {
        List<OsmFeature> buildings = OsmFeatureReader.read(TestData.nanjingOsm(),
                t -> "multipolygon".equals(t.get("type")) && t.containsKey("building"));
        assertThat(buildings).filteredOn(f -> f.type() == 'r').isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.geometry()).isInstanceOf(Polygonal.class);
                    assertThat(f.geometry().isValid()).isTrue();
                    assertThat(f.geometry().getArea()).isPositive();
                });
    }

    @Test
    void shouldSayWhichFileIsNotOsm(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.osm");
        Files.writeString(bad, "<osm><node id='1' lat='x'");
        assertThatThrownBy(() -> OsmFeatureReader.read(bad, t -> true)).hasMessageContaining("bad.osm");
    }
}
