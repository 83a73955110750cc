package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Buildings, residential land and walkable roads of a region in a local metric projection, indexed
 * (STR-trees) to measure what a cell holds ({@link #measure}). Built once; read-only afterwards.
 * Overlapping {@code landuse=residential} areas are unioned first so land is not counted twice;
 * overlapping building outlines (rare in OSM) are not. Invalid OSM outlines are repaired.
 */
final class LandIndex {

    private record Building(Geometry footprint, double levels) {
    }

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
                    buildings.insert(footprint.getEnvelopeInternal(), new Building(footprint, levels));
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
                Geometry part = union.getGeometryN(i);
                if (part instanceof Polygon) {
                    residential.insert(part.getEnvelopeInternal(), part);
                }
            }
        }
        for (OsmFeature f : roadFeatures) {
            if (WalkableRoads.isWalkable(f.tags())) {
                Geometry g = f.geometry() instanceof Polygon p ? p.getExteriorRing() : f.geometry();
                if (g instanceof LineString) {
                    Geometry line = projection.toMetric(g);
                    roads.insert(line.getEnvelopeInternal(), line);
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
        for (Object o : roads.query(cell.getEnvelopeInternal())) {
            Geometry line = (Geometry) o;
            length += cell.isRectangle() && cell.getEnvelopeInternal().contains(line.getEnvelopeInternal())
                    ? line.getLength()
                    : cell.intersection(line).getLength();
        }
        return new CellContent(cell.getArea(), floor, footprint, land, length);
    }

    private static double overlapArea(Geometry cell, Geometry area) {
        if (cell.isRectangle() && cell.getEnvelopeInternal().contains(area.getEnvelopeInternal())) {
            return area.getArea();
        }
        return cell.intersection(area).getArea();
    }
}
