package cn.servicemap.gis.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) geometry objects to and from JTS. Reading takes a Jackson 2 tree; writing
 * produces plain maps and lists that any JSON library serialises (the backend uses Jackson 3,
 * GraphHopper Jackson 2; jackson-datatype-jts only works with the latter).
 * Written coordinates are rounded to 7 decimals (about 1 cm), lon before lat.
 */
public final class GeoJsonGeometries {

    private static final double SCALE = 1e7;

    private GeoJsonGeometries() {
    }

    /**
     * @throws IllegalArgumentException for a missing, unknown or malformed geometry, saying which; a position that is
     *                                  not two finite numbers is malformed
     */
    public static Geometry read(JsonNode node, GeometryFactory factory) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("geometry is missing");
        }
        String type = node.path("type").asText("");
        JsonNode c = node.path("coordinates");
        return switch (type) {
            case "Point" -> factory.createPoint(coordinate(c));
            case "MultiPoint" -> factory.createMultiPointFromCoords(coordinates(c));
            case "LineString" -> factory.createLineString(coordinates(c));
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = factory.createLineString(coordinates(c.get(i)));
                }
                yield factory.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c, factory);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i), factory);
                }
                yield factory.createMultiPolygon(polygons);
            }
            case "GeometryCollection" -> {
                JsonNode members = node.path("geometries");
                Geometry[] geometries = new Geometry[members.size()];
                for (int i = 0; i < geometries.length; i++) {
                    geometries[i] = read(members.get(i), factory);
                }
                yield factory.createGeometryCollection(geometries);
            }
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    /** The GeoJSON geometry object for a JTS geometry in WGS84, as maps and lists. */
    public static Map<String, Object> write(Geometry g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", g.getGeometryType());
        if (g instanceof GeometryCollection gc && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            List<Object> geometries = new ArrayList<>();
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                geometries.add(write(gc.getGeometryN(i)));
            }
            out.put("geometries", geometries);
            return out;
        }
        out.put("coordinates", coordinatesOf(g));
        return out;
    }

    private static Object coordinatesOf(Geometry g) {
        if (g instanceof Point p) {
            return p.isEmpty() ? List.of() : position(p.getCoordinate());
        }
        if (g instanceof LineString l) {
            return positions(l.getCoordinates());
        }
        if (g instanceof Polygon p) {
            List<Object> rings = new ArrayList<>();
            if (!p.isEmpty()) {
                rings.add(positions(p.getExteriorRing().getCoordinates()));
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
                }
            }
            return rings;
        }
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            parts.add(coordinatesOf(g.getGeometryN(i)));
        }
        return parts;
    }

    private static List<Double> position(Coordinate c) {
        return List.of(Math.round(c.x * SCALE) / SCALE, Math.round(c.y * SCALE) / SCALE);
    }

    private static List<Object> positions(Coordinate[] cs) {
        List<Object> out = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            out.add(position(c));
        }
        return out;
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        if (rings.size() == 0) {
            return factory.createPolygon();
        }
        LinearRing shell = factory.createLinearRing(closed(coordinates(rings.get(0))));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = factory.createLinearRing(closed(coordinates(rings.get(i))));
        }
        return factory.createPolygon(shell, holes);
    }

    private static Coordinate[] closed(Coordinate[] ring) {
        if (ring.length > 0 && !ring[0].equals2D(ring[ring.length - 1])) {
            Coordinate[] out = java.util.Arrays.copyOf(ring, ring.length + 1);
            out[ring.length] = ring[0].copy();
            return out;
        }
        return ring;
    }

    /** A position of two finite numbers (an integer of hundreds of digits is a number too, but not a finite double). */
    private static Coordinate coordinate(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
                || !Double.isFinite(position.get(0).asDouble()) || !Double.isFinite(position.get(1).asDouble())) {
            String shown = position.toString();
            throw new IllegalArgumentException("a position must be [lon, lat] of finite numbers, was "
                    + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown));
        }
        return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
    }

    private static Coordinate[] coordinates(JsonNode positions) {
        Coordinate[] out = new Coordinate[positions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coordinate(positions.get(i));
        }
        return out;
    }
}
