package cn.servicemap.gis.basemap;

import org.locationtech.jts.geom.Envelope;

/**
 * Spherical Web Mercator (EPSG:3857) and the XYZ tile grid over it, as Leaflet's default CRS uses
 * them: 256 × 256 pixel tiles, tile (0, 0) at the north-west corner. Lon/lat in WGS84 degrees,
 * Mercator x/y in "metres" of the sphere of radius 6 378 137 m (true metres only at the equator:
 * at Nanjing's 32° a Mercator metre is cos 32° ≈ 0.85 real metres — use it for tiling, never for
 * distances).
 */
public final class TileMath {

    /** Pixels per tile side, as Leaflet and OSM tiles use. */
    public static final int TILE_SIZE = 256;
    public static final double EARTH_RADIUS_IN_METERS = 6_378_137.0;
    /** Half the width of the Mercator square: π R. */
    public static final double HALF_WORLD_IN_METERS = Math.PI * EARTH_RADIUS_IN_METERS;
    /** The latitude where the Mercator square ends (atan(sinh(π))). */
    public static final double MAX_LATITUDE = 85.0511287798066;

    private TileMath() {
    }

    public static double mercatorX(double lon) {
        return Math.toRadians(lon) * EARTH_RADIUS_IN_METERS;
    }

    public static double mercatorY(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * EARTH_RADIUS_IN_METERS;
    }

    public static double lon(double mercatorX) {
        return Math.toDegrees(mercatorX / EARTH_RADIUS_IN_METERS);
    }

    public static double lat(double mercatorY) {
        return Math.toDegrees(2 * Math.atan(Math.exp(mercatorY / EARTH_RADIUS_IN_METERS)) - Math.PI / 2);
    }

    /** The column holding a longitude at zoom z (clamped to the grid). */
    public static int tileX(double lon, int z) {
        int n = 1 << z;
        int x = (int) Math.floor((lon + 180.0) / 360.0 * n);
        return Math.max(0, Math.min(n - 1, x));
    }

    /** The row holding a latitude at zoom z (clamped to the grid; row 0 is the northernmost). */
    public static int tileY(double lat, int z) {
        int n = 1 << z;
        double y = (HALF_WORLD_IN_METERS - mercatorY(lat)) / (2 * HALF_WORLD_IN_METERS) * n;
        return Math.max(0, Math.min(n - 1, (int) Math.floor(y)));
    }

    /** Mercator metres per pixel at zoom z (156 543 m at z0, about 0.6 m at z18). */
    public static double metersPerPixel(int z) {
        return 2 * HALF_WORLD_IN_METERS / (TILE_SIZE * (double) (1L << z));
    }

    /** The tile's square in Mercator metres. */
    public static Envelope mercatorEnvelope(TileId t) {
        double size = 2 * HALF_WORLD_IN_METERS / (1L << t.z());
        double minX = -HALF_WORLD_IN_METERS + t.x() * size;
        double maxY = HALF_WORLD_IN_METERS - t.y() * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** The tile's bounds in WGS84 lon/lat (west, east, south, north). */
    public static Envelope wgs84Envelope(TileId t) {
        Envelope m = mercatorEnvelope(t);
        return new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()), lat(m.getMaxY()));
    }
}
