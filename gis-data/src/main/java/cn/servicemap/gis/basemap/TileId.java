package cn.servicemap.gis.basemap;

/**
 * One tile of the Web-Mercator XYZ scheme (as OpenStreetMap, Leaflet and most web maps use it):
 * zoom {@code z}, column {@code x} counted east from 180°W, row {@code y} counted south from
 * 85.0511°N. At zoom z there are 2^z × 2^z tiles.
 *
 * @throws IllegalArgumentException naming the field ("z", "x" or "y") that is out of range
 */
public record TileId(int z, int x, int y) {

    /** Deepest zoom served: 20 is about 15 cm per pixel, far beyond what an OSM extract holds. */
    public static final int MAX_ZOOM = 20;

    public TileId {
        if (z < 0 || z > MAX_ZOOM) {
            throw new IllegalArgumentException("z: zoom must be 0–" + MAX_ZOOM + ", not " + z);
        }
        int n = 1 << z;
        if (x < 0 || x >= n) {
            throw new IllegalArgumentException("x: column must be 0–" + (n - 1) + " at zoom " + z + ", not " + x);
        }
        if (y < 0 || y >= n) {
            throw new IllegalArgumentException("y: row must be 0–" + (n - 1) + " at zoom " + z + ", not " + y);
        }
    }

    /** The tile at zoom z that holds a WGS84 point (latitudes beyond ±85.0511° are clamped). */
    public static TileId containing(double lon, double lat, int z) {
        return new TileId(z, TileMath.tileX(lon, z), TileMath.tileY(lat, z));
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
