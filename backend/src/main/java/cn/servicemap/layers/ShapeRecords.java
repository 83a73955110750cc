package cn.servicemap.layers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The geometry files of a Shapefile — the main file ({@code .shp}) and its index ({@code .shx}) — as the ESRI Shapefile
 * Technical Description (1998) lays them out: a 100-byte header (file code 9994 and lengths big-endian, version 1000,
 * shape type and bounding box little-endian), then one record per row in the table's order, so that record n is the
 * {@code .dbf}'s row n. Points are shape type 1; polygon layers type 5, each multipolygon one record whose parts are all
 * its rings, outer rings clockwise and holes counter-clockwise as the format requires. A row without a geometry is a
 * null shape (type 0). Lengths in the files count 16-bit words.
 */
final class ShapeRecords {

    private static final int HEADER_BYTES = 100;
    private static final int NULL_SHAPE = 0;
    private static final int POINT = 1;
    private static final int POLYGON = 5;

    private ShapeRecords() {
    }

    static void write(LayerTable table, Path shp, Path shx) throws IOException {
        int type = table.layer().shape == Layer.Shape.POINT ? POINT : POLYGON;
        List<byte[]> records = new ArrayList<>();
        Envelope box = new Envelope();
        for (LayerTable.Row row : table.rows()) {
            Geometry g = row.geometry();
            if (g == null || g.isEmpty()) {
                records.add(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(NULL_SHAPE).array());
                continue;
            }
            box.expandToInclude(g.getEnvelopeInternal());
            records.add(type == POINT ? point((Point) g) : polygon(g));
        }
        int shpBytes = HEADER_BYTES;
        for (byte[] r : records) {
            shpBytes += 8 + r.length;
        }
        ByteBuffer main = header(shpBytes, type, box);
        ByteBuffer index = header(HEADER_BYTES + 8 * records.size(), type, box);
        int offset = HEADER_BYTES;
        for (int i = 0; i < records.size(); i++) {
            byte[] r = records.get(i);
            main.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(r.length / 2).put(r);
            index.order(ByteOrder.BIG_ENDIAN).putInt(offset / 2).putInt(r.length / 2);
            offset += 8 + r.length;
        }
        Files.write(shp, main.array());
        Files.write(shx, index.array());
    }

    private static ByteBuffer header(int fileBytes, int type, Envelope box) {
        ByteBuffer b = ByteBuffer.allocate(fileBytes);
        b.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt(fileBytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(type);
        if (box.isNull()) {
            b.putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        } else {
            b.putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY());
        }
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(0); // Z and M ranges: unused
        return b;
    }

    private static byte[] point(Point p) {
        return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(POINT).putDouble(p.getX()).putDouble(p.getY()).array();
    }

    private static byte[] polygon(Geometry g) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                rings.add(oriented(p.getExteriorRing().getCoordinates(), false));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rings.add(oriented(p.getInteriorRingN(h).getCoordinates(), true));
                }
            }
        }
        int points = rings.stream().mapToInt(r -> r.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope e = g.getEnvelopeInternal();
        b.putInt(POLYGON).putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        b.putInt(rings.size()).putInt(points);
        int start = 0;
        for (Coordinate[] r : rings) {
            b.putInt(start);
            start += r.length;
        }
        for (Coordinate[] r : rings) {
            for (Coordinate c : r) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        return b.array();
    }

    /** The ring clockwise (an outer ring) or counter-clockwise (a hole). */
    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (Orientation.isCCW(ring) == counterClockwise) {
            return ring;
        }
        Coordinate[] reversed = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            reversed[i] = ring[ring.length - 1 - i];
        }
        return reversed;
    }
}
