package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.RingClipper;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Buildings, residential land and walkable roads of a region in a local metric projection, indexed
 * (STR-trees) to measure what a cell holds ({@link #measure}). Built once; read-only afterwards.
 * Overlapping {@code landuse=residential} areas are unioned first so land is not counted twice;
 * overlapping building outlines (rare in OSM) are not. Invalid OSM outlines are repaired.
 *
 * <p>Scale: a city's ways run for kilometres (an arterial of 700 vertices crosses 700 cells) and its unioned
 * residential land makes polygons of thousands of vertices; measuring each cell against whole ways and outlines costs
 * cells × vertices (minutes for a million-edge city). So roads are indexed in short runs ({@link RoadIndex}), and
 * areas of more than {@value #AREA_PIECE_VERTICES} vertices are cut in halves of their box,
 * recursively, until each part has at most that many vertices or is under {@value #MIN_SPLIT_SIDE_IN_METERS} m across.
 * Lengths and areas are unchanged by the cutting (to floating-point rounding).
 */
final class LandIndex {

    private record Building(Geometry footprint, double levels) {
    }

    static final int AREA_PIECE_VERTICES = 64;
    static final double MIN_SPLIT_SIDE_IN_METERS = 10;

    private final STRtree buildings = new STRtree();
    private final STRtree residential = new STRtree();
    private final RoadIndex roads;
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
        buildings.build();
        residential.build();
        this.roads = new RoadIndex(roadFeatures, projection, tags -> 1);
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
        double length = roads.lengthIn(cell);
        return new CellContent(cell.getArea(), floor, footprint, land, length);
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

    /**
     * The area of a polygon inside a rectangle, m²: each ring clipped to the rectangle (Sutherland–Hodgman,
     * JTS {@link RingClipper}) and measured by the shoelace formula, holes subtracted. The clipped rings may run along
     * the rectangle's sides and be invalid as geometries, but their signed areas are those of the intersection; about
     * a hundred times faster than an overlay for parts of a few dozen vertices.
     */
    static double clippedArea(Polygon area, Envelope box) {
        if (box.contains(area.getEnvelopeInternal())) {
            return area.getArea();
        }
        RingClipper clipper = new RingClipper(box);
        double m2 = Math.abs(Area.ofRingSigned(clipper.clip(area.getExteriorRing().getCoordinates())));
        for (int h = 0; h < area.getNumInteriorRing(); h++) {
            m2 -= Math.abs(Area.ofRingSigned(clipper.clip(area.getInteriorRingN(h).getCoordinates())));
        }
        return Math.max(0, m2);
    }

    /** The area of {@code area} inside a metric {@code cell}, m². */
    static double overlapArea(Geometry cell, Geometry area) {
        if (cell.isRectangle() && cell.getEnvelopeInternal().contains(area.getEnvelopeInternal())) {
            return area.getArea();
        }
        return cell.intersection(area).getArea();
    }
}
