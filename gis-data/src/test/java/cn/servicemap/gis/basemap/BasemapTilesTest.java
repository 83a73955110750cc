package cn.servicemap.gis.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.gis.testdata.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** The tile cutter on the real Nanjing Xinjiekou extract. */
class BasemapTilesTest {

    private static final TileId XINJIEKOU_Z16 = TileId.containing(118.784, 32.042, 16);

    private static BasemapTiles nanjing;

    @BeforeAll
    static void readOnce() {
        nanjing = BasemapTiles.fromOsm(TestData.nanjingOsm());
    }

    @Test
    void shouldDrawPrimaryRoadsAndBuildingsAtXinjiekouZ16() {
        BasemapTile tile = nanjing.tile(XINJIEKOU_Z16);
        assertThat(tile.layer(BasemapLayer.ROADS)).extracting(TileFeature::cls).contains("primary");
        assertThat(tile.layer(BasemapLayer.ROADS)).allSatisfy(f -> assertThat(f.geometry()).isInstanceOf(LineString.class));
        assertThat(tile.layer(BasemapLayer.BUILDINGS)).hasSizeGreaterThan(20)
                .allSatisfy(f -> assertThat(f.geometry()).isInstanceOf(Polygon.class));
        assertThat(tile.synthetic()).isFalse();
        assertThat(tile.source()).contains("OpenStreetMap");
    }

    @Test
    void shouldLeaveBuildingsAndFootwaysOutAtLowZoom() {
        BasemapTile z12 = nanjing.tile(TileId.containing(118.784, 32.042, 12));
        assertThat(z12.layer(BasemapLayer.BUILDINGS)).isEmpty();
        assertThat(z12.layer(BasemapLayer.ROADS)).extracting(TileFeature::cls)
                .contains("primary").doesNotContain("footway", "service", "residential");
        BasemapTile z15 = nanjing.tile(TileId.containing(118.784, 32.042, 15));
        assertThat(z15.layer(BasemapLayer.BUILDINGS)).isNotEmpty();
        assertThat(z15.layer(BasemapLayer.ROADS)).extracting(TileFeature::cls).doesNotContain("footway");
        // Footways appear from z16: somewhere in the 5 × 5 tiles around Xinjiekou, none of them at z15.
        long footwaysZ16 = 0;
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                footwaysZ16 += nanjing.tile(new TileId(16, XINJIEKOU_Z16.x() + dx, XINJIEKOU_Z16.y() + dy))
                        .layer(BasemapLayer.ROADS).stream().filter(f -> f.cls().equals("footway")).count();
            }
        }
        assertThat(footwaysZ16).isPositive();
    }

    @Test
    void shouldClipEveryGeometryToTheBufferedTile() {
        for (int z = 13; z <= 18; z++) {
            BasemapTile tile = nanjing.tile(TileId.containing(118.784, 32.042, z));
            for (List<TileFeature> layer : tile.layers().values()) {
                for (TileFeature f : layer) {
                    for (Coordinate c : f.geometry().getCoordinates()) {
                        assertThat(c.x).as("%s %s x", tile.id(), f.cls())
                                .isBetween((double) -BasemapTiles.BUFFER, (double) BasemapTiles.EXTENT + BasemapTiles.BUFFER);
                        assertThat(c.y).as("%s %s y", tile.id(), f.cls())
                                .isBetween((double) -BasemapTiles.BUFFER, (double) BasemapTiles.EXTENT + BasemapTiles.BUFFER);
                        assertThat(c.x).isEqualTo(Math.rint(c.x));
                    }
                }
            }
        }
    }

    @Test
    void shouldClipLongRoadsSoThatSomeEndExactlyOnTheBufferEdge() {
        BasemapTile tile = nanjing.tile(TileId.containing(118.784, 32.042, 18));
        double edge = BasemapTiles.EXTENT + BasemapTiles.BUFFER;
        boolean touchesEdge = tile.layer(BasemapLayer.ROADS).stream().flatMap(f -> List.of(f.geometry().getCoordinates()).stream())
                .anyMatch(c -> c.x == -BasemapTiles.BUFFER || c.y == -BasemapTiles.BUFFER || c.x == edge || c.y == edge);
        assertThat(touchesEdge).isTrue();
    }

    @Test
    void shouldLabelInChineseWithRoadNamesAlongTheRoad() {
        BasemapTile tile = nanjing.tile(XINJIEKOU_Z16);
        List<TileFeature> labels = tile.layer(BasemapLayer.LABELS);
        assertThat(labels).isNotEmpty().allSatisfy(l -> {
            assertThat(l.geometry()).isInstanceOf(Point.class);
            assertThat(l.name()).isNotBlank();
            Coordinate c = l.geometry().getCoordinate();
            assertThat(c.x).isBetween(0.0, (double) BasemapTiles.EXTENT);
            assertThat(c.y).isBetween(0.0, (double) BasemapTiles.EXTENT);
        });
        assertThat(labels).filteredOn(l -> l.name().codePoints().anyMatch(cp ->
                Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).hasSizeGreaterThan(labels.size() / 2);
        List<TileFeature> roadNames = labels.stream().filter(l -> l.cls().startsWith("road")).toList();
        assertThat(roadNames).isNotEmpty().allSatisfy(l -> assertThat(l.angle()).isBetween(-90.0, 90.0));
        assertThat(roadNames).extracting(TileFeature::name).doesNotHaveDuplicates();
        assertThat(roadNames).extracting(TileFeature::name).anyMatch(n -> n.endsWith("路") || n.endsWith("街"));
        // Labels come most important first, so a client placing them in order keeps the right ones.
        assertThat(labels).isSortedAccordingTo(java.util.Comparator.comparingInt(TileFeature::priority));
    }

    @Test
    void shouldSimplifyMoreAtLowerZoom() {
        // The same area at z14 (one tile) holds fewer road vertices than its 16 z16 tiles together.
        TileId z14 = TileId.containing(118.784, 32.042, 14);
        long z14Vertices = vertices(nanjing.tile(z14), BasemapLayer.ROADS);
        assertThat(z14Vertices).isPositive();
        long z16Total = 0;
        for (int dx = 0; dx < 4; dx++) {
            for (int dy = 0; dy < 4; dy++) {
                z16Total += vertices(nanjing.tile(new TileId(16, z14.x() * 4 + dx, z14.y() * 4 + dy)), BasemapLayer.ROADS);
            }
        }
        assertThat(z14Vertices).isLessThan(z16Total);
    }

    @Test
    void shouldAllowAnEmptyBasemap() {
        BasemapTiles empty = BasemapTiles.of(List.of(), false, "-");

        assertThat(empty.featureCount()).isZero();
        assertThat(empty.bounds().isNull()).as("no roads, no bounds").isTrue();
        assertThat(empty.tile(TileId.containing(118.784, 32.042, 14)).isEmpty()).isTrue();
        assertThat(empty.source()).isEqualTo("-");
        assertThat(empty.synthetic()).isFalse();
    }

    @Test
    void shouldAnswerEmptyTilesFarFromTheRegionAndReportItsBounds() {
        assertThat(nanjing.tile(TileId.containing(116.39, 39.91, 16)).isEmpty()).isTrue(); // Beijing
        Envelope bounds = nanjing.bounds();
        assertThat(bounds.contains(118.784, 32.042)).isTrue();
        assertThat(bounds.getWidth()).isLessThan(0.5);
    }

    @Test
    void shouldWriteCompactJsonLikeMaps() {
        Map<String, Object> json = nanjing.tile(XINJIEKOU_Z16).toJson();
        assertThat(json).containsEntry("tile", XINJIEKOU_Z16.toString()).containsEntry("extent", 4096)
                .containsEntry("synthetic", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> layers = (Map<String, Object>) json.get("layers");
        assertThat(layers).containsKeys("roads", "buildings", "labels");
        @SuppressWarnings("unchecked")
        Map<String, Object> roads = (Map<String, Object>) layers.get("roads");
        assertThat(roads).containsEntry("type", "FeatureCollection");
    }

    @Test
    void shouldDrawTheSyntheticCityLabelledSynthetic(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SyntheticCity city = SyntheticCity.demo();
        java.nio.file.Path osm = dir.resolve("synthetic.osm");
        city.writeOsm(osm, 6, true);
        BasemapTiles synthetic = BasemapTiles.fromOsm(osm, true);
        Envelope b = city.bounds();
        BasemapTile tile = synthetic.tile(TileId.containing(b.centre().x, b.centre().y, 16));
        assertThat(tile.synthetic()).isTrue();
        assertThat(tile.source()).contains("synthetic");
        assertThat(tile.layer(BasemapLayer.ROADS)).isNotEmpty();
        assertThat(tile.layer(BasemapLayer.BUILDINGS)).isNotEmpty();
        assertThat(tile.layer(BasemapLayer.LABELS)).isNotEmpty().allSatisfy(l -> assertThat(l.name()).startsWith("合成"));
        assertThat(synthetic.bounds().contains(b.centre())).isTrue();
    }

    private static long vertices(BasemapTile tile, BasemapLayer layer) {
        return tile.layer(layer).stream().mapToLong(f -> f.geometry().getNumPoints()).sum();
    }
}
