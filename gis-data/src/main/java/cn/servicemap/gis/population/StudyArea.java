package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.osm.OsmFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The part of a region the road network covers densely enough for travel times to mean something:
 * where people can be counted as inside or outside a service area. An extract of a city core
 * carries long ways that reach far beyond it, so neither its bounding box nor a convex hull will do.
 *
 * <p><b>Method</b> ({@link #fromRoads}), on a raster of {@code rasterCellInMeters} in a local
 * transverse Mercator projection centred on the roads:
 * <ol>
 * <li>walkable road length ({@link WalkableRoads}) and road junctions (nodes where ≥ 3 road ends
 *     meet) per cell, lengths cut exactly at the cell edges;</li>
 * <li>a cell is <em>dense</em> when the square window of {@code windowInMeters} around it holds at
 *     least {@code minRoadKmPerKm2} of road and {@code minJunctionsPerKm2} junctions;</li>
 * <li>morphological closing by {@code closingInMeters} (fills block interiors between dense cells),
 *     holes up to {@code maxHoleKm2} filled, opening by {@code openingInMeters} (drops strips and
 *     spurs narrower than 2 × opening + one cell), regions under {@code minIslandKm2} dropped;</li>
 * <li>the union of the remaining cells, back in WGS84.</li>
 * </ol>
 * The defaults and why ({@link Options#defaults()}): 100 m cells (a city block); a 300 m window, in
 * which one straight road makes 3.3 km/km² (4.7 diagonally) and a dual carriageway 6.7 (9.4), so
 * {@code minRoadKmPerKm2 = 8} needs more than a lone road — in the Nanjing core it is the 10th
 * percentile of the windows kept (median 12.8); 20 junctions/km² is 2 in a 300 m window — a mesh has
 * junctions every 100–200 m (Nanjing core median 5 per window), a tunnel, a bundle of parallel
 * carriageways or a metro line mapped as a road has none; closing 100 m fills one-cell gaps; holes up
 * to 0.5 km² (a superblock, campus or park enclosed by streets) are part of the city the network
 * serves, a lake or hill beyond that is not; the 300 m window widens every dense strip to at least
 * 3 cells, so the opening must be 200 m to drop strips along a lone road with side streets (it costs
 * the Nanjing core 1.3 % of its area); an island under 0.25 km² (5 × 5 cells) is too small to be a
 * neighbourhood of its own.
 *
 * <p>Limits: the outline follows the raster (steps of one cell); a dense area within one cell of
 * the extract's edge may be cut there; the thresholds describe a Chinese city; a sparse suburb of
 * 500 m superblocks with few junctions falls below them.
 *
 * @param geometry the area, WGS84 lon/lat (SRID 4326), valid, possibly several parts
 * @param areaKm2  its area in km², measured in a local metric projection
 * @param method   how it was found, one sentence for reports
 */
public record StudyArea(MultiPolygon geometry, double areaKm2, String method) {

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    static final GeometryFactory METRIC = new GeometryFactory(new PrecisionModel(), 0);

    public StudyArea {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(method, "method");
    }

    /**
     * Thresholds of {@link #fromRoads}; all lengths in metres, areas in km². Radii are rounded to
     * whole cells.
     *
     * @param rasterCellInMeters side of a raster cell, 10…1000
     * @param windowInMeters     side of the square window the densities are measured in (rounded
     *                           to an odd number of cells)
     * @param minRoadKmPerKm2    walkable road length per window area a dense cell needs
     * @param minJunctionsPerKm2 road junctions per window area a dense cell needs (0: no test)
     * @param closingInMeters    radius of the closing (0: none)
     * @param openingInMeters    radius of the opening (0: none)
     * @param maxHoleKm2         holes up to this size are filled
     * @param minIslandKm2       separate regions smaller than this are dropped
     */
    public record Options(double rasterCellInMeters, double windowInMeters, double minRoadKmPerKm2,
                          double minJunctionsPerKm2, double closingInMeters, double openingInMeters,
                          double maxHoleKm2, double minIslandKm2) {

        public Options {
            if (!(rasterCellInMeters >= 10 && rasterCellInMeters <= 1000)) {
                throw new IllegalArgumentException("rasterCellInMeters must lie in 10…1000, was " + rasterCellInMeters);
            }
            if (!(windowInMeters >= 0 && minRoadKmPerKm2 >= 0 && minJunctionsPerKm2 >= 0 && closingInMeters >= 0
                    && openingInMeters >= 0 && maxHoleKm2 >= 0 && minIslandKm2 >= 0)) {
                throw new IllegalArgumentException("study area thresholds must be non-negative numbers");
            }
        }

        /** 100 m cells, 300 m window, ≥ 8 km/km² of road and ≥ 20 junctions/km², closing 100 m, holes ≤ 0.5 km², opening 200 m, islands ≥ 0.25 km². */
        public static Options defaults() {
            return new Options(100, 300, 8, 20, 100, 200, 0.5, 0.25);
        }
    }

    /**
     * Finds the densely networked area of {@code roads} as described above. Features that are not
     * {@link WalkableRoads#isWalkable walkable} roads with a line geometry are ignored.
     *
     * @throws IllegalArgumentException when there are no walkable roads
     */
    public static StudyArea fromRoads(List<OsmFeature> roads, Options options) {
        List<OsmFeature> walkable = new ArrayList<>();
        Envelope extent = new Envelope();
        for (OsmFeature road : roads) {
            if (WalkableRoads.isWalkable(road.tags())
                    && (road.geometry() instanceof LineString || road.geometry() instanceof Polygon)) {
                walkable.add(road);
                extent.expandToInclude(road.geometry().getEnvelopeInternal());
            }
        }
        if (walkable.isEmpty()) {
            throw new IllegalArgumentException("no walkable roads among " + roads.size() + " features to find a study area from");
        }
        LocalMetricProjection projection = LocalMetricProjection.centredOn(extent);
        Geometry metric = mask(walkable, projection, options).toMetricPolygon(METRIC);
        MultiPolygon area = CellMask.asMultiPolygon(fixed(projection.toWgs84(metric)), WGS84);
        double km2 = metric.getArea() / 1e6;
        String method = String.format(Locale.ROOT, "road network dense enough to count people: %.2f km² of %.0f m "
                        + "cells with ≥ %.0f km of walkable road and ≥ %.0f junctions per km² in the surrounding %.0f m, "
                        + "closed by %.0f m, holes ≤ %.2f km² filled, opened by %.0f m, parts < %.2f km² dropped "
                        + "(%d walkable roads)", km2, options.rasterCellInMeters(), options.minRoadKmPerKm2(),
                options.minJunctionsPerKm2(), options.windowInMeters(), options.closingInMeters(), options.maxHoleKm2(),
                options.openingInMeters(), options.minIslandKm2(), walkable.size());
        return new StudyArea(area, km2, method);
    }

    /**
     * A study area given as a WGS84 (multi)polygon, e.g. a synthetic city's bounds or an area drawn by a
     * planner; invalid outlines are repaired.
     *
     * @throws IllegalArgumentException when the geometry is not polygonal or empty
     */
    public static StudyArea of(Geometry wgs84, String method) {
        if (!(wgs84 instanceof Polygonal) || wgs84.isEmpty()) {
            throw new IllegalArgumentException("a study area must be a non-empty Polygon or MultiPolygon, was "
                    + wgs84.getGeometryType());
        }
        MultiPolygon area = CellMask.asMultiPolygon(fixed(WGS84.createGeometry(wgs84)), WGS84);
        double km2 = LocalMetricProjection.centredOn(area.getEnvelopeInternal()).toMetric(area).getArea() / 1e6;
        return new StudyArea(area, km2, method);
    }

    /** True when the WGS84 point lies in the area or on its edge. Not indexed: for a few points, not for cells. */
    public boolean contains(double lon, double lat) {
        return geometry.covers(WGS84.createPoint(new Coordinate(lon, lat)));
    }

    static CellMask mask(List<OsmFeature> walkableRoads, LocalMetricProjection projection, Options o) {
        double cell = o.rasterCellInMeters();
        int window = Math.max(0, (int) Math.round((o.windowInMeters() / cell - 1) / 2));
        int closing = (int) Math.round(o.closingInMeters() / cell);
        int opening = (int) Math.round(o.openingInMeters() / cell);
        RoadRaster raster = RoadRaster.of(walkableRoads, projection, cell, window + closing + opening + 2);
        MetricGrid grid = raster.grid;
        double windowKm2 = Math.pow((2 * window + 1) * cell / 1000.0, 2);
        double minLengthInMeters = o.minRoadKmPerKm2() * windowKm2 * 1000;
        double minJunctions = o.minJunctionsPerKm2() * windowKm2;
        boolean[] dense = new boolean[grid.size()];
        for (int i = 0; i < grid.size(); i++) {
            double length = 0;
            int junctions = 0;
            int c = grid.column(i);
            int r = grid.row(i);
            for (int rr = Math.max(0, r - window); rr <= Math.min(grid.rows() - 1, r + window); rr++) {
                for (int cc = Math.max(0, c - window); cc <= Math.min(grid.columns() - 1, c + window); cc++) {
                    length += raster.lengthInMeters[rr * grid.columns() + cc];
                    junctions += raster.junctions[rr * grid.columns() + cc];
                }
            }
            // A small epsilon so that a threshold met exactly (e.g. 720 m of 720 m) is not lost to rounding.
            dense[i] = length > 0 && length >= minLengthInMeters - 1e-6 && junctions >= minJunctions - 1e-9;
        }
        double cellKm2 = grid.cellAreaKm2();
        return new CellMask(grid, dense)
                .close(closing)
                .fillHoles((int) Math.floor(o.maxHoleKm2() / cellKm2 + 1e-9))
                .open(opening)
                .dropIslands((int) Math.ceil(o.minIslandKm2() / cellKm2 - 1e-9));
    }

    private static Geometry fixed(Geometry g) {
        return g.isValid() ? g : GeometryFixer.fix(g);
    }
}
