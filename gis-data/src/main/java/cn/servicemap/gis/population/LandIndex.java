package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Buildings, residential land and walkable roads of a region in a local metric projection, indexed
 * (STR-trees) to measure what a cell holds ({@link #measure}). Built once; read-only afterwards.
 * Overlapping {@code landuse=residential} areas are unioned first so land is not counted twice;
 * overlapping building outlines (rare in OSM) are not. Invalid OSM outlines are repaired.
 *
 * <p>Scale: a city's ways run for kilometres (an arterial of 700 vertices crosses 700 cells) and its unioned
 * residential land makes polygons of thousands of vertices; measuring each cell against whole ways and outlines costs
 * cells × vertices (minutes for a million-edge city). So roads are indexed in runs of at most
 * {@value #ROAD_PIECE_SEGMENTS} segments, each measured in a rectangular cell by clipping its segments exactly
 * (Liang–Barsky), and areas of more than {@value #AREA_PIECE_VERTICES} vertices are cut in halves of their box,
 * recursively, until each part has at most that many vertices or is under {@value #MIN_SPLIT_SIDE_IN_METERS} m across.
 * Lengths and areas are unchanged by the cutting (to floating-point rounding).
 */
final class LandIndex {

    private record Building(Geometry footprint, double levels) {
    }

    static final int ROAD_PIECE_SEGMENTS = 8;
    static final int AREA_PIECE_VERTICES = 64;
    static final double MIN_SPLIT_SIDE_IN_METERS = 10;

    private final STRtree buildings = new STRtree();
    private final STRtree residential = new STRtree();
    private final STRtree roads = new STRtree();
    private final int buildingCount;
    private final int dwellingCount;

    /**
     * @param roadFeatures  OSM features; the {@link WalkableRoads walkable} lines are measured
     * @param landFeatures  OSM features; building outlines and residential land are measured
     * @param defaultLevels storeys of a dwelling with neither {@code building:levels} nor {@code height}
     */
    LandIndex(List<OsmFeature> roadFeatures, List<OsmFeature> landFeatures, LocalMetricProjection projection,
              double defaultLevels) {
        int all = 0;
        int dwellings = 0;
        List<Geometry> land = new ArrayList<>();
        for (OsmFeature f : landFeatures) {
            if (!(f.geometry() instanceof Polygonal)) {
                continue;
            }
            if (BuildingTags.isBuilding(f.tags())) {
                Geometry footprint = metricArea(f.geometry(), projection);
                if (!footprint.isEmpty()) {
                    double levels = BuildingTags.levels(f.tags(), defaultLevels);
                    for (Geometry part : parts(footprint)) {
                        buildings.insert(part.getEnvelopeInternal(), new Building(part, levels));
                    }
                    all++;
                    dwellings += levels > 0 ? 1 : 0;
                }
            } else if (BuildingTags.isResidentialLand(f.tags())) {
                land.add(metricArea(f.geometry(), projection));
            }
        }
        if (!land.isEmpty()) {
            Geometry union = UnaryUnionOp.union(land);
            for (int i = 0; i < union.getNumGeometries(); i++) {
                for (Geometry part : parts(union.getGeometryN(i))) {
                    residential.insert(part.getEnvelopeInternal(), part);
                }
            }
        }
        for (OsmFeature f : roadFeatures) {
            if (WalkableRoads.isWalkable(f.tags())) {
                Geometry g = f.geometry() instanceof Polygon p ? p.getExteriorRing() : f.geometry();
                if (g instanceof LineString) {
                    Coordinate[] line = projection.toMetric(g).getCoordinates();
                    for (int from = 0; from < line.length - 1; from += ROAD_PIECE_SEGMENTS) {
                        Coordinate[] run = Arrays.copyOfRange(line, from, Math.min(line.length, from + ROAD_PIECE_SEGMENTS + 1));
                        LineString piece = StudyArea.METRIC.createLineString(run);
                        roads.insert(piece.getEnvelopeInternal(), piece);
                    }
                }
            }
        }
        buildings.build();
        residential.build();
        roads.build();
        this.buildingCount = all;
        this.dwellingCount = dwellings;
    }

    private static Geometry metricArea(Geometry wgs84, LocalMetricProjection projection) {
        Geometry g = projection.toMetric(wgs84);
        return g.isValid() ? g : GeometryFixer.fix(g);
    }

    int buildingCount() {
        return buildingCount;
    }

    int dwellingCount() {
        return dwellingCount;
    }

    /** What a metric cell polygon holds. */
    CellContent measure(Geometry cell) {
        double floor = 0;
        double footprint = 0;
        for (Object o : buildings.query(cell.getEnvelopeInternal())) {
            Building b = (Building) o;
            double inside = overlapArea(cell, b.footprint());
            footprint += inside;
            floor += inside * b.levels();
        }
        double land = 0;
        for (Object o : residential.query(cell.getEnvelopeInternal())) {
            land += overlapArea(cell, (Geometry) o);
        }
        double length = 0;
        Envelope box = cell.getEnvelopeInternal();
        boolean rectangle = cell.isRectangle();
        for (Object o : roads.query(box)) {
            LineString line = (LineString) o;
            if (rectangle) {
                length += box.contains(line.getEnvelopeInternal()) ? line.getLength() : clippedLength(line, box);
            } else {
                length += cell.intersection(line).getLength();
            }
        }
        return new CellContent(cell.getArea(), floor, footprint, land, length);
    }

    /** The length of a line inside a rectangle: each segment clipped exactly (Liang–Barsky). */
    static double clippedLength(LineString line, Envelope box) {
        CoordinateSequence c = line.getCoordinateSequence();
        double sum = 0;
        for (int k = 1; k < c.size(); k++) {
            double x0 = c.getX(k - 1), y0 = c.getY(k - 1);
            double dx = c.getX(k) - x0, dy = c.getY(k) - y0;
            double[] t = {0, 1};
            if (clip(-dx, x0 - box.getMinX(), t) && clip(dx, box.getMaxX() - x0, t)
                    && clip(-dy, y0 - box.getMinY(), t) && clip(dy, box.getMaxY() - y0, t)) {
                sum += (t[1] - t[0]) * Math.hypot(dx, dy);
            }
        }
        return sum;
    }

    /** One Liang–Barsky boundary test: narrows [t0, t1] to where p·t ≤ q; false when nothing is left. */
    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return t[0] <= t[1];
    }

    /** A polygonal area as parts of at most {@value #AREA_PIECE_VERTICES} vertices (see the class comment). */
    static List<Polygon> parts(Geometry area) {
        List<Polygon> out = new ArrayList<>();
        split(area, out);
        return out;
    }

    private static void split(Geometry area, List<Polygon> out) {
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (!(area.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) {
                continue;
            }
            Envelope e = p.getEnvelopeInternal();
            if (p.getNumPoints() <= AREA_PIECE_VERTICES || Math.max(e.getWidth(), e.getHeight()) < MIN_SPLIT_SIDE_IN_METERS) {
                out.add(p);
                continue;
            }
            boolean wide = e.getWidth() >= e.getHeight();
            double mid = wide ? (e.getMinX() + e.getMaxX()) / 2 : (e.getMinY() + e.getMaxY()) / 2;
            Envelope[] halves = wide
                    ? new Envelope[]{new Envelope(e.getMinX(), mid, e.getMinY(), e.getMaxY()), new Envelope(mid, e.getMaxX(), e.getMinY(), e.getMaxY())}
                    : new Envelope[]{new Envelope(e.getMinX(), e.getMaxX(), e.getMinY(), mid), new Envelope(e.getMinX(), e.getMaxX(), mid, e.getMaxY())};
            for (Envelope half : halves) {
                split(OverlayNGRobust.overlay(p, StudyArea.METRIC.toGeometry(half), OverlayNG.INTERSECTION), out);
            }
        }
    }

    private static double overlapArea(Geometry cell, Geometry area) {
        if (cell.isRectangle() && cell.getEnvelopeInternal().contains(area.getEnvelopeInternal())) {
            return area.getArea();
        }
        return cell.intersection(area).getArea();
    }
}
