package cn.servicemap.gis.access;

import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.gis.basemap.TileMath;
import cn.servicemap.gis.network.BoundingBox;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;

/**
 * One Web-Mercator map tile (256 × 256 px) of service-area bands as a PNG: each pixel painted with the colour of
 * the smallest band that holds it, transparent outside every band. For city-scale regions, whose band polygons are
 * too large to send as one GeoJSON: a map asks only for the tiles it shows.
 *
 * <p>Method: the {@link ServiceAreas} raster of the field, built over the tile's box widened by
 * {@value #MARGIN_IN_METERS} m on every side (so that off-road reach and the filling of street-free holes up to
 * {@link ServiceAreaOptions#MAX_FILLED_HOLE_AREA_IN_SQUARE_METERS} see across the tile's edge, and neighbouring tiles
 * agree) at the tile's ground resolution (never finer than {@value #FINEST_CELL_IN_METERS} m), sampled at each
 * pixel's centre. So a tile shows what the band polygons show, to about one pixel. Indexed colour, one palette entry
 * per band plus transparency: a tile of a dense core is a few kilobytes.
 *
 * <p>Cost: the streets near the tile only (found in the network's spatial grid), so a tile of a million-edge city
 * costs about what a tile of a small one does. Limits: zoom {@value #MIN_ZOOM}–{@value TileId#MAX_ZOOM} (coarser
 * tiles would span tens of kilometres of raster).
 */
public final class ServiceAreaTile {

    /** The coarsest zoom drawn: a z11 tile is about 17 km across in China. */
    public static final int MIN_ZOOM = 11;
    static final double MARGIN_IN_METERS = 600;
    static final double FINEST_CELL_IN_METERS = 2.5;

    private ServiceAreaTile() {
    }

    /**
     * @param field          travel times; its limit must reach the largest band
     * @param bandsInSeconds ascending band limits
     * @param rgbColours     one 0xRRGGBB colour per band, in the same order
     * @throws IllegalArgumentException for a zoom below {@link #MIN_ZOOM} or a colour count that differs from the bands
     */
    public static byte[] png(AccessField field, List<Integer> bandsInSeconds, TileId tile, int[] rgbColours) {
        if (tile.z() < MIN_ZOOM) {
            throw new IllegalArgumentException("band tiles start at zoom " + MIN_ZOOM + ", not " + tile.z());
        }
        if (rgbColours.length != bandsInSeconds.size()) {
            throw new IllegalArgumentException(rgbColours.length + " colours for " + bandsInSeconds.size() + " bands");
        }
        Envelope box = TileMath.wgs84Envelope(tile);
        double midLat = (box.getMinY() + box.getMaxY()) / 2;
        double metersPerDegreeLat = Raster.METERS_PER_DEGREE;
        double metersPerDegreeLon = Raster.METERS_PER_DEGREE * Math.cos(Math.toRadians(midLat));
        double pixel = TileMath.metersPerPixel(tile.z()) * Math.cos(Math.toRadians(midLat));
        BoundingBox window = new BoundingBox(box.getMinX() - MARGIN_IN_METERS / metersPerDegreeLon,
                Math.max(-90, box.getMinY() - MARGIN_IN_METERS / metersPerDegreeLat),
                box.getMaxX() + MARGIN_IN_METERS / metersPerDegreeLon,
                Math.min(90, box.getMaxY() + MARGIN_IN_METERS / metersPerDegreeLat));
        ServiceAreas areas = ServiceAreas.build(field, ServiceAreaOptions.defaults().withBands(bandsInSeconds)
                .withCellSize(Math.max(FINEST_CELL_IN_METERS, pixel)).withWindow(window));
        int n = TileMath.TILE_SIZE;
        byte[] r = new byte[rgbColours.length + 1];
        byte[] g = new byte[r.length];
        byte[] b = new byte[r.length];
        byte[] a = new byte[r.length];
        for (int k = 0; k < rgbColours.length; k++) {
            r[k + 1] = (byte) (rgbColours[k] >> 16);
            g[k + 1] = (byte) (rgbColours[k] >> 8);
            b[k + 1] = (byte) rgbColours[k];
            a[k + 1] = (byte) 0xff;
        }
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, r.length, r, g, b, a));
        WritableRaster pixels = image.getRaster();
        Envelope mercator = TileMath.mercatorEnvelope(tile);
        double step = mercator.getWidth() / n;
        double[] lonOf = new double[n];
        for (int px = 0; px < n; px++) {
            lonOf[px] = TileMath.lon(mercator.getMinX() + (px + 0.5) * step);
        }
        for (int py = 0; py < n; py++) {
            double lat = TileMath.lat(mercator.getMaxY() - (py + 0.5) * step);
            for (int px = 0; px < n; px++) {
                pixels.setSample(px, py, 0, areas.bandAt(lonOf[px], lat) + 1);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e); // in memory: cannot happen
        }
        return out.toByteArray();
    }
}
