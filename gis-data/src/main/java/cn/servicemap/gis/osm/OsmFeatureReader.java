package cn.servicemap.gis.osm;

import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.LongObjectHashMap;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderRelation;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Reads the OSM objects whose tags a predicate accepts from an .osm (XML) or .pbf file and builds
 * their WGS84 geometries: nodes as points, ways as lines or (closed, area-like) polygons,
 * {@code type=multipolygon} relations as polygons assembled from their member ways.
 *
 * <p>Three passes over the file (relations, then ways, then nodes) so that only the coordinates
 * of nodes that are needed are held in memory: a city-sized .pbf is read in bounded memory.
 * Objects with missing members (an extract cut at its edge) are built from what is present; a
 * way with fewer than two known nodes is skipped.
 */
public final class OsmFeatureReader {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Set<String> AREA_KEYS = Set.of("building", "landuse", "leisure", "natural",
            "amenity", "water", "place", "landcover", "area:highway");
    private static final Set<String> LINEAR_NATURAL = Set.of("coastline", "cliff", "ridge", "tree_row");

    private OsmFeatureReader() {
    }

    /** Reads every object with tags the predicate accepts. */
    public static List<OsmFeature> read(Path osmFile, Predicate<Map<String, String>> wanted) {
        try {
            return readChecked(osmFile, wanted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM file " + osmFile + ": " + e.getMessage(), e);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalArgumentException("OSM file " + osmFile + " is not valid OSM XML: " + e.getMessage(), e);
        }
    }

    private static List<OsmFeature> readChecked(Path osmFile, Predicate<Map<String, String>> wanted)
            throws IOException, javax.xml.stream.XMLStreamException {
        // Pass 1: relations that are wanted multipolygons, and the ways they need.
        List<ReaderRelation> relations = new ArrayList<>();
        LongHashSet memberWays = new LongHashSet();
        scan(osmFile, new SkipOptions(true, true, false), element -> {
            if (element instanceof ReaderRelation relation && isMultipolygon(relation)
                    && wanted.test(tags(relation))) {
                relations.add(relation);
                for (ReaderRelation.Member m : relation.getMembers()) {
                    if (m.getType() == ReaderElement.Type.WAY) {
                        memberWays.add(m.getRef());
                    }
                }
            }
        });
        // Pass 2: wanted ways and member ways, and the nodes they need.
        List<ReaderWay> ways = new ArrayList<>();
        LongObjectHashMap<LongArrayList> memberWayNodes = new LongObjectHashMap<>();
        LongHashSet neededNodes = new LongHashSet();
        scan(osmFile, new SkipOptions(true, false, true), element -> {
            if (element instanceof ReaderWay way) {
                boolean isWanted = way.hasTags() && wanted.test(tags(way));
                boolean isMember = memberWays.contains(way.getId());
                if (isWanted) {
                    ways.add(way);
                }
                if (isMember) {
                    memberWayNodes.put(way.getId(), way.getNodes());
                }
                if (isWanted || isMember) {
                    neededNodes.addAll(way.getNodes());
                }
            }
        });
        // Pass 3: node coordinates, and wanted nodes.
        LongIntHashMap nodeIndex = new LongIntHashMap(Math.max(16, neededNodes.size()));
        double[][] coordinates = {new double[Math.max(16, neededNodes.size())], new double[Math.max(16, neededNodes.size())]};
        List<OsmFeature> features = new ArrayList<>();
        scan(osmFile, new SkipOptions(false, true, true), element -> {
            if (element instanceof ReaderNode node) {
                if (neededNodes.contains(node.getId())) {
                    int i = nodeIndex.size();
                    nodeIndex.put(node.getId(), i);
                    coordinates[0][i] = node.getLon();
                    coordinates[1][i] = node.getLat();
                }
                if (node.hasTags()) {
                    Map<String, String> tags = tags(node);
                    if (wanted.test(tags)) {
                        features.add(new OsmFeature('n', node.getId(), tags,
                                WGS84.createPoint(new Coordinate(node.getLon(), node.getLat()))));
                    }
                }
            }
        });
        NodeCoordinates nodes = new NodeCoordinates(nodeIndex, coordinates[0], coordinates[1]);
        for (ReaderWay way : ways) {
            Map<String, String> tags = tags(way);
            Coordinate[] line = nodes.line(way.getNodes());
            if (line.length < 2) {
                continue;
            }
            boolean closed = line.length >= 4 && line[0].equals2D(line[line.length - 1]);
            Geometry geometry = closed && isArea(tags)
                    ? WGS84.createPolygon(line)
                    : WGS84.createLineString(line);
            features.add(new OsmFeature('w', way.getId(), tags, geometry));
        }
        for (ReaderRelation relation : relations) {
            Geometry polygon = assembleMultipolygon(relation, memberWayNodes, nodes);
            if (polygon != null && !polygon.isEmpty()) {
                features.add(new OsmFeature('r', relation.getId(), tags(relation), polygon));
            }
        }
        return features;
    }

    private interface ElementSink {
        void accept(ReaderElement element);
    }

    private static void scan(Path file, SkipOptions skip, ElementSink sink)
            throws IOException, javax.xml.stream.XMLStreamException {
        try (OSMInputFile in = new OSMInputFile(file.toFile()).setWorkerThreads(1).setSkipOptions(skip).open()) {
            ReaderElement element;
            while ((element = in.getNext()) != null) {
                sink.accept(element);
            }
        }
    }

    private static boolean isMultipolygon(ReaderRelation relation) {
        return relation.hasTag("type", "multipolygon");
    }

    private static boolean isArea(Map<String, String> tags) {
        if ("no".equals(tags.get("area"))) {
            return false;
        }
        if ("yes".equals(tags.get("area"))) {
            return true;
        }
        if (LINEAR_NATURAL.contains(tags.getOrDefault("natural", ""))) {
            return false;
        }
        if ("riverbank".equals(tags.get("waterway")) || "dock".equals(tags.get("waterway"))) {
            return true;
        }
        for (String key : AREA_KEYS) {
            if (tags.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static Geometry assembleMultipolygon(ReaderRelation relation,
            LongObjectHashMap<LongArrayList> memberWayNodes, NodeCoordinates nodes) {
        List<LineString> outer = new ArrayList<>();
        List<LineString> inner = new ArrayList<>();
        for (ReaderRelation.Member m : relation.getMembers()) {
            if (m.getType() != ReaderElement.Type.WAY) {
                continue;
            }
            LongArrayList refs = memberWayNodes.get(m.getRef());
            if (refs == null) {
                continue;
            }
            Coordinate[] line = nodes.line(refs);
            if (line.length < 2) {
                continue;
            }
            ("inner".equals(m.getRole()) ? inner : outer).add(WGS84.createLineString(line));
        }
        Geometry outerArea = polygonize(outer);
        if (outerArea == null) {
            return null;
        }
        Geometry innerArea = polygonize(inner);
        Geometry area = innerArea == null ? outerArea : outerArea.difference(innerArea);
        area.setSRID(4326);
        return area;
    }

    private static Geometry polygonize(Collection<LineString> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        Polygonizer polygonizer = new Polygonizer(true);
        // Noding through a union lets member ways that meet at shared nodes close their rings.
        polygonizer.add(WGS84.buildGeometry(lines).union());
        @SuppressWarnings("unchecked")
        Collection<Polygon> polygons = polygonizer.getPolygons();
        if (polygons.isEmpty()) {
            return null;
        }
        return WGS84.buildGeometry(polygons);
    }

    private static Map<String, String> tags(ReaderElement element) {
        Map<String, String> tags = new HashMap<>();
        element.getTags().forEach((k, v) -> tags.put(k, String.valueOf(v)));
        return Map.copyOf(tags);
    }

    private record NodeCoordinates(LongIntHashMap index, double[] lon, double[] lat) {
        Coordinate[] line(LongArrayList refs) {
            List<Coordinate> out = new ArrayList<>(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                int at = index.getOrDefault(refs.get(i), -1);
                if (at >= 0) {
                    out.add(new Coordinate(lon[at], lat[at]));
                }
            }
            return out.toArray(new Coordinate[0]);
        }
    }

}
