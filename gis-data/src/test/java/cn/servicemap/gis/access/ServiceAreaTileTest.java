package cn.servicemap.gis.access;

import static cn.servicemap.gis.network.TravelProfile.WALK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.gis.basemap.TileMath;
import cn.servicemap.gis.network.NanjingCore;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Band tiles on the Nanjing core agree with the band polygons, pixel by pixel (OSM, © OpenStreetMap contributors). */
class ServiceAreaTileTest {

    private static final int[] COLOURS = {0x1a9850, 0x91cf60, 0xfee08b};
    private final RoadNetwork net = NanjingCore.network();
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void shouldPaintEachPixelWithTheSmallestBandTheBandPolygonsGiveIt() throws IOException {
        List<Snap> stations = NanjingAccessTest.stations(net, WALK, new Random(5), 6);
        AccessField field = MultiSourceSearch.compute(net, WALK, stations, 900);
        List<Integer> bands = List.of(300, 600, 900);
        List<ServiceBand> nested = ServiceAreas.build(field, ServiceAreaOptions.defaults().withBands(bands)).nested();
        Snap first = stations.get(0);
        for (int z : new int[]{14, 16}) {
            TileId tile = TileId.containing(first.lon(), first.lat(), z);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(ServiceAreaTile.png(field, bands, tile, COLOURS)));
            assertThat(image.getWidth()).isEqualTo(256);
            Envelope mercator = TileMath.mercatorEnvelope(tile);
            double step = mercator.getWidth() / 256;
            int agree = 0;
            int compared = 0;
            int[] painted = new int[4];
            for (int py = 2; py < 256; py += 9) {
                for (int px = 2; px < 256; px += 9) {
                    double lon = TileMath.lon(mercator.getMinX() + (px + 0.5) * step);
                    double lat = TileMath.lat(mercator.getMaxY() - (py + 0.5) * step);
                    int expected = bandOf(nested, lon, lat);
                    int argb = image.getRGB(px, py);
                    int got = (argb >>> 24) == 0 ? -1 : indexOf(argb & 0xffffff);
                    painted[got + 1]++;
                    compared++;
                    if (got == expected) {
                        agree++;
                    }
                }
            }
            // raster and polygons are the same raster at different cell sizes: they differ only along band edges
            assertThat((double) agree / compared).as("z%d agreement", z).isGreaterThan(0.95);
            assertThat(painted[1]).as("z%d pixels of the 5-minute band", z).isPositive();
        }
        // the station's own pixel is in the 5-minute band
        TileId tile = TileId.containing(first.lon(), first.lat(), 17);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ServiceAreaTile.png(field, bands, tile, COLOURS)));
        Envelope mercator = TileMath.mercatorEnvelope(tile);
        int px = (int) ((TileMath.mercatorX(first.lon()) - mercator.getMinX()) / mercator.getWidth() * 256);
        int py = (int) ((mercator.getMaxY() - TileMath.mercatorY(first.lat())) / mercator.getHeight() * 256);
        assertThat(image.getRGB(px, py) & 0xffffff).isEqualTo(COLOURS[0]);
    }

    /** A window reads only the streets near it, and draws exactly what it draws reading every street. */
    @Test
    void shouldDrawTheSameBandsInAWindowFromTheStreetsNearItAsFromAllStreets() {
        AccessField field = MultiSourceSearch.compute(net, WALK, NanjingAccessTest.stations(net, WALK, new Random(11), 5), 900);
        cn.servicemap.gis.network.BoundingBox all = net.bbox();
        double midLon = (all.minLon() + all.maxLon()) / 2;
        double midLat = (all.minLat() + all.maxLat()) / 2;
        cn.servicemap.gis.network.BoundingBox window = new cn.servicemap.gis.network.BoundingBox(midLon - 0.006, midLat - 0.005,
                midLon + 0.004, midLat + 0.006);
        ServiceAreaOptions options = ServiceAreaOptions.defaults().withWindow(window);
        ServiceAreas near = ServiceAreas.build(field, options);
        ServiceAreas every = ServiceAreas.build(field, options, null, Double.POSITIVE_INFINITY);
        assertThat(net.edgesNear(window).length).isLessThan(net.edgeCount());
        for (int k = 0; k < 3; k++) {
            Geometry expected = every.nested(k).area();
            assertThat(expected.getArea()).as("band %d has area in the window", k).isPositive();
            assertThat(near.nested(k).area().symDifference(expected).getArea()).as("band %d", k).isLessThan(1e-12);
        }
    }

    @Test
    void shouldLeaveATileFarFromEveryStationTransparent() throws IOException {
        AccessField field = MultiSourceSearch.compute(net, WALK, NanjingAccessTest.stations(net, WALK, new Random(5), 3), 900);
        TileId faraway = TileId.containing(116.40, 39.90, 15); // Beijing
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ServiceAreaTile.png(field, List.of(300, 600, 900), faraway, COLOURS)));
        for (int y = 0; y < 256; y += 16) {
            for (int x = 0; x < 256; x += 16) {
                assertThat(image.getRGB(x, y) >>> 24).isZero();
            }
        }
    }

    @Test
    void shouldRefuseCoarseZoomsAndMismatchedColours() {
        AccessField field = MultiSourceSearch.compute(net, WALK, NanjingAccessTest.stations(net, WALK, new Random(5), 3), 900);
        assertThatThrownBy(() -> ServiceAreaTile.png(field, List.of(300, 600, 900), new TileId(10, 800, 400), COLOURS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zoom 11");
        assertThatThrownBy(() -> ServiceAreaTile.png(field, List.of(300, 600), TileId.containing(118.78, 32.04, 15), COLOURS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 colours for 2 bands");
    }

    private int bandOf(List<ServiceBand> nested, double lon, double lat) {
        Geometry p = gf.createPoint(new Coordinate(lon, lat));
        for (int k = 0; k < nested.size(); k++) {
            if (nested.get(k).area().covers(p)) {
                return k;
            }
        }
        return -1;
    }

    private static int indexOf(int rgb) {
        for (int k = 0; k < COLOURS.length; k++) {
            if (COLOURS[k] == rgb) {
                return k;
            }
        }
        throw new AssertionError("a colour that is no band's: " + Integer.toHexString(rgb));
    }
}
