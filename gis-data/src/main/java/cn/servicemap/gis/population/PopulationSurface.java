package cn.servicemap.gis.population;

import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.osm.OsmExtractBounds;
import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import cn.servicemap.gis.synthetic.SyntheticCity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * People per cell over the part of a region the road network covers: the population surface the
 * coverage engine counts "people covered" with.
 *
 * <p><b>Cells.</b> A square grid of {@link Options#cellSizeInMeters()} (default 100 m) in a
 * {@link LocalMetricProjection} centred on the study area, grid lines on whole multiples of the
 * cell size. Only land inside the {@link StudyArea} counts, and each district's part is cut
 * separately: a grid square split by a district boundary or the study area's edge becomes one cell
 * per polygon piece (pieces under {@value #MIN_PIECE_IN_SQUARE_METERS} m² are dropped as slivers).
 * Each cell has a representative point (its centroid, or an interior point when the centroid falls
 * outside a concave piece) given as WGS84 {@link #lon(int)}/{@link #lat(int)}: the point the
 * coverage engine looks up a travel time for.
 *
 * <p><b>People in the covered part of a district</b> (DESIGN.md: never a whole district's people
 * in a small core): the district's mean density, census people ÷ district area, times the covered
 * area, rounded to whole people; that is {@code census × covered share of area}, so it can never
 * exceed the census figure. A plain mean is used, not one adjusted for how urban the covered part
 * is, because the inputs cannot measure that adjustment: ghsl.csv gives one row per district (for
 * 玄武/秦淮/鼓楼/建邺 GHSL_URB = 1 and the urban-centre share GHSL_POP_30 = 1, so it cannot tell a
 * core from the rest of the district, and its GHSL_POP differs from the census by up to 2×), and an
 * extract of a core has no buildings or land cover for the rest of the district to compare with.
 * The estimate is therefore low for a core of a district whose mean includes uninhabited land
 * (玄武区 holds 紫金山 and 玄武湖); every {@link DistrictShare#method()} says how it was made.
 *
 * <p><b>A district wholly inside the extract</b> — its bounding box inside the area the OSM file declares it
 * covers ({@link OsmExtractBounds}; only {@link #fromOsm} reads it) — gets all its census people, spread over its
 * covered part: its roads are all mapped, so the land without a road network (a lake, a hill, a park) holds no
 * homes. A city-wide extract therefore reports real district figures. A file that declares no bounds (an Overpass
 * answer) leaves every district to the rule above, which never counts more people than a covered share can hold.
 *
 * <p><b>Spreading inside the covered part</b>, by the first of these the district part has:
 * floor area of dwellings (footprint × storeys, see {@link Options#defaultBuildingLevels()};
 * offices, shops, stations, schools, hotels … count zero); else residential land area; else
 * walkable road length; else cell area. With dwellings, a cell without any building outline is
 * taken as not yet mapped (OSM building coverage comes in patches) rather than empty: it is weighed
 * by its residential land, else its road length, at the ratios of dwelling floor to land and to road
 * length measured on the part's cells that do have outlines. Whole people per cell by the largest
 * remainder method, so a district's cells sum exactly to its estimate. {@link DistrictShare#method()}
 * states the rule and the counts.
 *
 * <p><b>Other demand on the same cells.</b> {@link #withDemand} makes a surface with other values per cell — delivery
 * riders, sanitation workers, drivers, uploaded points ({@link DemandKind}) — on exactly these cells (same grid, order,
 * districts and study area), so that every figure summed from {@link #people(int)} (coverage, gaps, siting) is computed
 * for it unchanged; {@link #demand()} says what the values count and in which unit. Residents are the default.
 *
 * <p>Immutable after construction; the arrays are read through accessors and safe for concurrent
 * readers. Districts may overlap where their simplified outlines do; each keeps its own cells.
 */
public final class PopulationSurface {

    /** Pieces of a cell smaller than this (m²) are slivers of boundary noise and are dropped. */
    public static final double MIN_PIECE_IN_SQUARE_METERS = 1.0;

    /**
     * Options for building a surface.
     *
     * @param cellSizeInMeters      side of a grid cell, metres, 10…5000 (default 100: a city block;
     *                              about 100k cells for a 1,000 km² city)
     * @param defaultBuildingLevels storeys assumed for a dwelling with neither {@code building:levels}
     *                              nor {@code height} (default 6: the 6-storey walk-up block that
     *                              dominates Chinese urban housing of 1980–2000, and the most common
     *                              tagged value in the Nanjing core, 46 of 135 tagged buildings)
     * @param studyArea             how the study area is found from the roads
     */
    public record Options(double cellSizeInMeters, double defaultBuildingLevels, StudyArea.Options studyArea) {

        public Options {
            if (!(cellSizeInMeters >= 10 && cellSizeInMeters <= 5000)) {
                throw new IllegalArgumentException("cellSizeInMeters must lie in 10…5000, was " + cellSizeInMeters);
            }
            if (!(defaultBuildingLevels >= 1 && defaultBuildingLevels <= 200)) {
                throw new IllegalArgumentException("defaultBuildingLevels must lie in 1…200, was " + defaultBuildingLevels);
            }
            Objects.requireNonNull(studyArea, "studyArea");
        }

        public static Options defaults() {
            return new Options(100, 6, StudyArea.Options.defaults());
        }

        public Options withCellSizeInMeters(double meters) {
            return new Options(meters, defaultBuildingLevels, studyArea);
        }
    }

    private final StudyArea studyArea;
    private final LocalMetricProjection projection;
    private final double cellSizeInMeters;
    private final double[] lon;
    private final double[] lat;
    private final double[] people;
    private final double[] areaInSquareMeters;
    private final int[] district;
    /** The grid square each cell lies in, counted from the grid's origin (gridX, gridY; metres in the projection). */
    private final int[] column;
    private final int[] row;
    private final double gridX;
    private final double gridY;
    /** Outlines of the cells that are not whole grid squares (a JTS polygon per cell would cost about 340 bytes, a
     * whole square is made again from its column and row when asked for): cell i's rings are
     * {@code cellRings[i] .. cellRings[i+1]-1}, none for a whole square; ring r's WGS84 coordinates
     * {@code xy[2·ringStarts[r] .. 2·ringStarts[r+1]-1]}, the shell first. */
    private final int[] cellRings;
    private final int[] ringStarts;
    private final double[] xy;
    private final List<String> districtAdcodes;
    private final Map<String, DistrictShare> shares;
    private final Demand demand;

    /** A surface read back from {@link PopulationSurfaceStore}: the arrays as they were written, not copied. */
    PopulationSurface(StudyArea studyArea, LocalMetricProjection projection, double cellSizeInMeters, double gridX,
                      double gridY, double[] lon, double[] lat, double[] people, double[] areaInSquareMeters,
                      int[] district, int[] column, int[] row, int[] cellRings, int[] ringStarts, double[] xy,
                      List<String> districtAdcodes, Map<String, DistrictShare> shares) {
        this.studyArea = studyArea;
        this.projection = projection;
        this.cellSizeInMeters = cellSizeInMeters;
        this.gridX = gridX;
        this.gridY = gridY;
        this.column = column;
        this.row = row;
        this.lon = lon;
        this.lat = lat;
        this.people = people;
        this.areaInSquareMeters = areaInSquareMeters;
        this.district = district;
        this.cellRings = cellRings;
        this.ringStarts = ringStarts;
        this.xy = xy;
        this.districtAdcodes = List.copyOf(districtAdcodes);
        this.shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        this.demand = Demand.residents();
    }

    /** The same cells as {@code cells} with other values: shares every array but the values. */
    private PopulationSurface(PopulationSurface cells, double[] values, Demand demand, Map<String, DistrictShare> shares) {
        this.studyArea = cells.studyArea;
        this.projection = cells.projection;
        this.cellSizeInMeters = cells.cellSizeInMeters;
        this.gridX = cells.gridX;
        this.gridY = cells.gridY;
        this.column = cells.column;
        this.row = cells.row;
        this.lon = cells.lon;
        this.lat = cells.lat;
        this.people = values;
        this.areaInSquareMeters = cells.areaInSquareMeters;
        this.district = cells.district;
        this.cellRings = cells.cellRings;
        this.ringStarts = cells.ringStarts;
        this.xy = cells.xy;
        this.districtAdcodes = cells.districtAdcodes;
        this.shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        this.demand = demand;
    }

    /** The arrays {@link PopulationSurfaceStore} writes, in the order its reading constructor takes them. */
    double[][] doubleArrays() {
        return new double[][]{lon, lat, people, areaInSquareMeters, xy};
    }

    int[][] intArrays() {
        return new int[][]{district, column, row, cellRings, ringStarts};
    }

    double gridX() {
        return gridX;
    }

    double gridY() {
        return gridY;
    }

    private PopulationSurface(StudyArea studyArea, LocalMetricProjection projection, MetricGrid grid,
                              Cells cells, List<String> districtAdcodes, Map<String, DistrictShare> shares) {
        this.studyArea = studyArea;
        this.projection = projection;
        this.cellSizeInMeters = grid.cellInMeters();
        this.gridX = grid.originX();
        this.gridY = grid.originY();
        int n = cells.size();
        this.column = cells.column.stream().mapToInt(Integer::intValue).toArray();
        this.row = cells.row.stream().mapToInt(Integer::intValue).toArray();
        this.lon = new double[n];
        this.lat = new double[n];
        this.people = new double[n];
        this.areaInSquareMeters = new double[n];
        this.district = new int[n];
        this.cellRings = new int[n + 1];
        // One transform for all clipped cells and all points, not one per cell.
        List<Polygon> clipped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!cells.whole.get(i)) {
                clipped.add(cells.polygons.get(i));
            }
        }
        Geometry all = projection.toWgs84(StudyArea.METRIC.buildGeometry(clipped));
        Geometry points = projection.toWgs84(StudyArea.METRIC.createMultiPointFromCoords(
                cells.points.toArray(new Coordinate[0])));
        int rings = 0;
        int coordinates = 0;
        for (int k = 0; k < clipped.size(); k++) {
            Polygon cell = (Polygon) all.getGeometryN(k);
            rings += 1 + cell.getNumInteriorRing();
            coordinates += cell.getNumPoints();
        }
        this.ringStarts = new int[rings + 1];
        this.xy = new double[2 * coordinates];
        int ring = 0;
        int at = 0;
        int next = 0;
        for (int i = 0; i < n; i++) {
            cellRings[i] = ring;
            Polygon cell = cells.whole.get(i) ? StudyArea.WGS84.createPolygon() : (Polygon) all.getGeometryN(next++);
            for (int r = -1; r < cell.getNumInteriorRing() && !cell.isEmpty(); r++) {
                ringStarts[ring++] = at;
                CoordinateSequence c = (r < 0 ? cell.getExteriorRing() : cell.getInteriorRingN(r)).getCoordinateSequence();
                for (int k = 0; k < c.size(); k++, at++) {
                    xy[2 * at] = c.getX(k);
                    xy[2 * at + 1] = c.getY(k);
                }
            }
            Point p = (Point) points.getGeometryN(i);
            lon[i] = p.getX();
            lat[i] = p.getY();
            people[i] = cells.people.get(i);
            areaInSquareMeters[i] = cells.polygons.get(i).getArea();
            district[i] = cells.district.get(i);
        }
        cellRings[n] = ring;
        ringStarts[ring] = at;
        this.districtAdcodes = List.copyOf(districtAdcodes);
        this.shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
        this.demand = Demand.residents();
    }

    /**
     * Reads the OSM file once (walkable roads, buildings and residential land), finds the study area
     * from the roads and builds the surface.
     */
    public static PopulationSurface fromOsm(Path osm, List<DistrictBoundary> districts,
                                            Map<String, CensusRecord> census, Options options) {
        List<OsmFeature> features = OsmFeatureReader.read(osm, tags -> WalkableRoads.isWalkable(tags)
                || BuildingTags.isBuilding(tags) || BuildingTags.isResidentialLand(tags));
        List<OsmFeature> roads = new ArrayList<>();
        List<OsmFeature> land = new ArrayList<>();
        for (OsmFeature f : features) {
            (WalkableRoads.isWalkable(f.tags()) ? roads : land).add(f);
        }
        return build(districts, census, StudyArea.fromRoads(roads, options.studyArea()), roads, land,
                OsmExtractBounds.read(osm).orElse(null), options);
    }

    /**
     * Finds the study area from the roads ({@link StudyArea#fromRoads}) and builds the surface.
     *
     * @param districts           district boundaries, WGS84
     * @param census              census records by adcode; every district with a covered part needs one
     * @param roads               OSM ways; those {@link WalkableRoads#isWalkable walkable} define the study
     *                            area and the road-length weights
     * @param buildingsAndLanduse OSM buildings and {@code landuse=residential} areas; others are ignored
     */
    public static PopulationSurface build(List<DistrictBoundary> districts, Map<String, CensusRecord> census,
                                          List<OsmFeature> roads, List<OsmFeature> buildingsAndLanduse,
                                          Options options) {
        return build(districts, census, StudyArea.fromRoads(roads, options.studyArea()), roads,
                buildingsAndLanduse, null, options);
    }

    /**
     * Builds the surface over a given study area (the roads only weigh cells here).
     *
     * @param extractBounds the area the OSM extract declares it covers ({@link OsmExtractBounds}), or null when it
     *                      declares none: a district wholly inside it is wholly mapped, so all its census people are
     *                      spread over its covered part; any other district gets the people of its covered part only
     */
    public static PopulationSurface build(List<DistrictBoundary> districts, Map<String, CensusRecord> census,
                                          StudyArea studyArea, List<OsmFeature> roads,
                                          List<OsmFeature> buildingsAndLanduse, Envelope extractBounds, Options options) {
        LocalMetricProjection projection = projectionFor(studyArea);
        LandIndex land = new LandIndex(roads, buildingsAndLanduse, projection, options.defaultBuildingLevels());
        return assemble(districts, census, studyArea, projection, options.cellSizeInMeters(),
                pieces -> DasymetricSpread.weigh(pieces.stream().map(land::measure).toList(),
                        options.defaultBuildingLevels()), false, extractBounds);
    }

    /**
     * A generated surface over a {@link SyntheticCity}, for demos and scale tests without real data:
     * the study area is the whole city, each district's people are its made-up
     * {@link SyntheticCity#census()} figure (the district is wholly covered), spread by a fixed
     * pattern, 1 + 4·exp(−d² / 2σ²) with d the distance from the city centre and σ a quarter of the
     * city's shorter side, so cells near the centre hold up to 5 times as many people as the edge.
     * Deterministic. Every {@link DistrictShare#method()} starts with {@link SyntheticCity#LABEL}.
     */
    public static PopulationSurface synthetic(SyntheticCity city, Options options) {
        Envelope bounds = city.bounds();
        List<DistrictBoundary> districts = city.districts();
        // The union of the districts, not the bounds rectangle: the same edges, so no slivers are lost.
        StudyArea area = StudyArea.of(UnaryUnionOp.union(districts.stream().map(d -> (Geometry) d.geometry()).toList()),
                SyntheticCity.LABEL + ": the whole synthetic city");
        LocalMetricProjection projection = LocalMetricProjection.centredOn(bounds);
        Coordinate lo = projection.toMetric(bounds.getMinX(), bounds.getMinY());
        Coordinate hi = projection.toMetric(bounds.getMaxX(), bounds.getMaxY());
        double cx = (lo.x + hi.x) / 2;
        double cy = (lo.y + hi.y) / 2;
        double sigma = Math.min(hi.x - lo.x, hi.y - lo.y) / 4;
        return assemble(districts, city.census(), area, projection, options.cellSizeInMeters(), pieces -> {
            double[] w = new double[pieces.size()];
            for (int i = 0; i < w.length; i++) {
                Coordinate c = pieces.get(i).getCentroid().getCoordinate();
                double d2 = (c.x - cx) * (c.x - cx) + (c.y - cy) * (c.y - cy);
                w[i] = (1 + 4 * Math.exp(-d2 / (2 * sigma * sigma))) * pieces.get(i).getArea();
            }
            return new DasymetricSpread.Result(Weighting.SYNTHETIC_PATTERN, w, 0, 0, 0,
                    Weighting.SYNTHETIC_PATTERN.description());
        }, true, null);
    }

    /** How one district's people are spread over its pieces. */
    private interface SpreadRule {
        DasymetricSpread.Result weigh(List<Polygon> metricPieces);
    }

    /** The cells collected while building, in metric coordinates. */
    private static final class Cells {
        final List<Polygon> polygons = new ArrayList<>();
        final List<Coordinate> points = new ArrayList<>();
        final List<Long> people = new ArrayList<>();
        final List<Integer> district = new ArrayList<>();
        final List<Integer> column = new ArrayList<>();
        final List<Integer> row = new ArrayList<>();
        final List<Boolean> whole = new ArrayList<>();

        int size() {
            return polygons.size();
        }
    }

    private static PopulationSurface assemble(List<DistrictBoundary> districts, Map<String, CensusRecord> census,
                                              StudyArea studyArea, LocalMetricProjection projection,
                                              double cellSizeInMeters, SpreadRule rule, boolean synthetic,
                                              Envelope extractBounds) {
        Geometry studyMetric = valid(projection.toMetric(studyArea.geometry()));
        MetricGrid grid = MetricGrid.covering(studyMetric.getEnvelopeInternal(), cellSizeInMeters, 0);
        Cells cells = new Cells();
        List<String> adcodes = new ArrayList<>();
        Map<String, DistrictShare> shares = new LinkedHashMap<>();
        for (DistrictBoundary d : districts) {
            if (shares.containsKey(d.adcode())) {
                throw new IllegalArgumentException("district " + d.adcode() + " " + d.nameZh() + " is listed twice");
            }
            Geometry districtMetric = valid(projection.toMetric(d.geometry()));
            double districtM2 = districtMetric.getArea();
            Geometry part = OverlayNGRobust.overlay(districtMetric, studyMetric, OverlayNG.INTERSECTION);
            List<Piece> cut = part.isEmpty() ? List.of() : cut(part, grid);
            List<Polygon> pieces = cut.stream().map(Piece::polygon).toList();
            CensusRecord record = census.get(d.adcode());
            if (pieces.isEmpty()) {
                long censusPeople = record == null ? 0 : record.population();
                shares.put(d.adcode(), new DistrictShare(d.adcode(), d.nameZh(), censusPeople, districtM2 / 1e6, 0, 0,
                        0, 0, 0, Weighting.NOT_COVERED, String.format(Locale.ROOT,
                        "%s%s is not covered by the road network (0 km² of %.2f km²); no people counted",
                        synthetic ? SyntheticCity.LABEL + ": " : "", d.nameZh(), districtM2 / 1e6)));
                continue;
            }
            if (record == null) {
                throw new IllegalArgumentException("no census figure for district " + d.adcode() + " " + d.nameZh()
                        + ", which the study area covers in part");
            }
            double coveredM2 = Math.min(districtM2, part.getArea());
            double share = Math.min(1.0, coveredM2 / districtM2);
            // Wholly inside the extract: the roads missing from the rest of the district (a lake, a hill, a park) are
            // missing on the ground too, so everybody lives in the covered part. Else only the covered part's share.
            boolean wholeDistrict = extractBounds != null && within(d.geometry().getEnvelopeInternal(), extractBounds);
            long estimate = wholeDistrict ? record.population()
                    : Math.min(record.population(), Math.round(record.population() * share));
            DasymetricSpread.Result spread = rule.weigh(pieces);
            long[] split = Apportionment.split(estimate, spread.weights());
            int index = adcodes.size();
            adcodes.add(d.adcode());
            for (int i = 0; i < pieces.size(); i++) {
                Piece piece = cut.get(i);
                cells.polygons.add(piece.polygon());
                cells.points.add(representativePoint(piece.polygon()));
                cells.people.add(split[i]);
                cells.district.add(index);
                cells.column.add(piece.column());
                cells.row.add(piece.row());
                cells.whole.add(piece.whole());
            }
            DistrictShare measured = new DistrictShare(d.adcode(), d.nameZh(), record.population(), districtM2 / 1e6,
                    coveredM2 / 1e6, share, estimate, pieces.size(), spread.cellsWithBuildings(), spread.weighting(), "");
            shares.put(d.adcode(), measured.withMethod(method(measured, spread, synthetic, wholeDistrict)));
        }
        return new PopulationSurface(studyArea, projection, grid, cells, adcodes, shares);
    }

    /**
     * Whether the district's box lies inside the extract's, give or take 1e-6° (about 0.1 m): files write
     * coordinates to 7 decimals, so a district drawn along the extract's edge must not fall outside by rounding.
     */
    private static boolean within(Envelope district, Envelope extract) {
        Envelope tolerant = new Envelope(extract);
        tolerant.expandBy(1e-6);
        return tolerant.covers(district);
    }

    private static String method(DistrictShare s, DasymetricSpread.Result spread, boolean synthetic, boolean wholeDistrict) {
        if (synthetic) {
            return String.format(Locale.ROOT, "%s: %s; made-up census %,d people, %,d of them in the covered part, "
                            + "spread over %,d cells by %s", SyntheticCity.LABEL, s.coveredPart(), s.censusPeople(),
                    s.estimatedPeople(), s.cells(), spread.description());
        }
        if (wholeDistrict) {
            return String.format(Locale.ROOT, "%s; the district lies wholly inside the OSM extract, so all %,d census people "
                            + "are counted, spread over %,d cells of the covered part by %s", s.coveredPart(), s.censusPeople(),
                    s.cells(), spread.description());
        }
        return String.format(Locale.ROOT, "%s; people estimated from the district's mean density (census %,d people "
                        + "÷ %.2f km² = %,.0f per km²) × %.2f km² covered = %,d people; spread over %,d cells by %s",
                s.coveredPart(), s.censusPeople(), s.districtAreaKm2(), s.meanDensityPerKm2(), s.coveredAreaKm2(),
                s.estimatedPeople(), s.cells(), spread.description());
    }

    private static LocalMetricProjection projectionFor(StudyArea studyArea) {
        if (studyArea.geometry().isEmpty()) {
            throw new IllegalArgumentException("the study area is empty, nowhere to count people: " + studyArea.method());
        }
        return LocalMetricProjection.centredOn(studyArea.geometry().getEnvelopeInternal());
    }

    /** A piece of a district in one grid square: the whole square, or the part of it the district covers. */
    private record Piece(Polygon polygon, int column, int row, boolean whole) {
    }

    /** Cuts a metric polygon into its pieces per grid cell: whole squares inside, clipped pieces at the edge. */
    private static List<Piece> cut(Geometry area, MetricGrid grid) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        Envelope e = area.getEnvelopeInternal();
        double s = grid.cellInMeters();
        int c0 = (int) Math.floor((e.getMinX() - grid.originX()) / s);
        int c1 = (int) Math.ceil((e.getMaxX() - grid.originX()) / s);
        int r0 = (int) Math.floor((e.getMinY() - grid.originY()) / s);
        int r1 = (int) Math.ceil((e.getMaxY() - grid.originY()) / s);
        List<Piece> pieces = new ArrayList<>();
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                double x0 = grid.originX() + c * s;
                double y0 = grid.originY() + r * s;
                Polygon square = (Polygon) StudyArea.METRIC.toGeometry(new Envelope(x0, x0 + s, y0, y0 + s));
                if (prepared.contains(square)) {
                    pieces.add(new Piece(square, c, r, true));
                } else if (prepared.intersects(square)) {
                    Geometry clipped = OverlayNGRobust.overlay(square, area, OverlayNG.INTERSECTION);
                    Geometry polygons = CellMask.asMultiPolygon(clipped, StudyArea.METRIC);
                    for (int k = 0; k < polygons.getNumGeometries(); k++) {
                        Polygon p = (Polygon) polygons.getGeometryN(k);
                        if (p.getArea() >= MIN_PIECE_IN_SQUARE_METERS) {
                            pieces.add(new Piece(p, c, r, false));
                        }
                    }
                }
            }
        }
        return pieces;
    }

    private static Coordinate representativePoint(Polygon piece) {
        Point centroid = piece.getCentroid();
        return piece.contains(centroid) ? centroid.getCoordinate() : piece.getInteriorPoint().getCoordinate();
    }

    private static Geometry valid(Geometry g) {
        return g.isValid() ? g : GeometryFixer.fix(g);
    }

    /** Number of cells. */
    public int size() {
        return lon.length;
    }

    /** WGS84 longitude of cell {@code i}'s representative point (inside the cell). */
    public double lon(int i) {
        return lon[i];
    }

    /** WGS84 latitude of cell {@code i}'s representative point (inside the cell). */
    public double lat(int i) {
        return lat[i];
    }

    /**
     * What cell {@code i} holds: the people living there (a whole number) on a residents' surface, else the value of
     * the {@link #demand()} in its unit (≥ 0, finite, not necessarily whole).
     */
    public double people(int i) {
        return people[i];
    }

    /**
     * A surface on the same cells whose cell {@code i} holds {@code values[i]} instead: the demand of a worker group
     * or of uploaded points, which coverage, gaps and siting then count where they count people. Each district's
     * {@link DistrictShare} keeps its areas and its residents' figures (census and estimate, for rates per resident);
     * its {@link DistrictShare#method() method} names the demand and states the district's sum in its unit instead, so
     * a report row says what was counted ({@link #demand()} has the method in full, once). On a synthetic surface both
     * start with {@link SyntheticCity#LABEL}. The values are copied.
     *
     * @param values one value per cell, in cell order, each finite and ≥ 0
     * @throws IllegalArgumentException when there is not one value per cell or a value is negative, NaN or infinite
     */
    public PopulationSurface withDemand(double[] values, Demand demand) {
        Objects.requireNonNull(demand, "demand");
        if (values.length != size()) {
            throw new IllegalArgumentException("need one value per cell: " + size() + " cells, " + values.length + " values");
        }
        double[] bySum = new double[districtAdcodes.size()];
        int[] cells = new int[districtAdcodes.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0) || values[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("cell " + i + " has value " + values[i] + "; values must be finite and ≥ 0");
            }
            bySum[district[i]] += values[i];
            cells[district[i]]++;
        }
        // generated cells stay labelled so wherever the demand on them is shown (DESIGN.md)
        String label = studyArea.method().startsWith(SyntheticCity.LABEL) ? SyntheticCity.LABEL + ": " : "";
        Demand stated = label.isEmpty() || demand.methodEn().startsWith(SyntheticCity.LABEL) ? demand
                : new Demand(demand.kind(), demand.unitZh(), demand.unitEn(), label + demand.methodZh(),
                label + demand.methodEn(), demand.relative());
        Map<String, DistrictShare> described = new LinkedHashMap<>();
        for (DistrictShare share : shares.values()) {
            int d = districtAdcodes.indexOf(share.adcode());
            String held = d < 0 ? "no cells" : String.format(Locale.ROOT, "%s %s in its %,d cells",
                    amount(bySum[d]), demand.unitEn(), cells[d]);
            described.put(share.adcode(), share.withMethod(String.format(Locale.ROOT, "%s%s; %s: %s (the surface's "
                    + "demand states how they were made)", label, share.coveredPart(), demand.kind().labelEn(), held)));
        }
        return new PopulationSurface(this, values.clone(), stated, described);
    }

    /** A sum as a report shows it: whole numbers grouped, others to two decimals. */
    private static String amount(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    /** What {@link #people(int)} counts: residents unless made by {@link #withDemand}. */
    public Demand demand() {
        return demand;
    }

    /**
     * True when {@code other} has the very cells of this surface — grid, projection, cell order, representative points
     * and districts — whatever its values: a surface {@link #withDemand} made from this one or from the same cells
     * (read back from the store). Then a coverage model of one serves the other ({@code CoverageModel.withSurface}).
     */
    public boolean hasSameCells(PopulationSurface other) {
        return other == this || other.size() == size() && other.cellSizeInMeters == cellSizeInMeters
                && other.gridX == gridX && other.gridY == gridY
                && other.projection.centreLon() == projection.centreLon()
                && other.projection.centreLat() == projection.centreLat()
                && Arrays.equals(other.lon, lon) && Arrays.equals(other.lat, lat)
                && Arrays.equals(other.district, district) && Arrays.equals(other.column, column)
                && Arrays.equals(other.row, row) && other.districtAdcodes.equals(districtAdcodes);
    }

    /** Area of cell {@code i} in m², measured in the surface's projection (≤ cell size², smaller where clipped). */
    public double areaInSquareMeters(int i) {
        return areaInSquareMeters[i];
    }

    /**
     * The grid square cell {@code i} lies in: its column, counted from the surface's grid origin. Cells of one square
     * (a square split by a district boundary) share it; squares side by side differ by one.
     */
    public int column(int i) {
        return column[i];
    }

    /** The grid square's row, as {@link #column}. */
    public int row(int i) {
        return row[i];
    }

    /** Index into {@link #districtAdcodes()} of the district cell {@code i} belongs to. */
    public int districtIndex(int i) {
        return district[i];
    }

    /** Adcodes of the districts that have cells, in the order the districts were given. */
    public List<String> districtAdcodes() {
        return districtAdcodes;
    }

    /** Outline of cell {@code i}, WGS84 (SRID 4326); a new instance each call. */
    public Polygon cellPolygon(int i) {
        if (cellRings[i] == cellRings[i + 1]) {
            // a whole grid square, with the very corners the grid was cut at
            double x0 = gridX + column[i] * cellSizeInMeters;
            double y0 = gridY + row[i] * cellSizeInMeters;
            Geometry square = StudyArea.METRIC.toGeometry(new Envelope(x0, x0 + cellSizeInMeters, y0, y0 + cellSizeInMeters));
            return (Polygon) projection.toWgs84(square);
        }
        LinearRing[] rings = new LinearRing[cellRings[i + 1] - cellRings[i]];
        for (int r = 0; r < rings.length; r++) {
            int from = ringStarts[cellRings[i] + r];
            int to = ringStarts[cellRings[i] + r + 1];
            Coordinate[] c = new Coordinate[to - from];
            for (int k = 0; k < c.length; k++) {
                c[k] = new Coordinate(xy[2 * (from + k)], xy[2 * (from + k) + 1]);
            }
            rings[r] = StudyArea.WGS84.createLinearRing(c);
        }
        return StudyArea.WGS84.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
    }

    /** True when cell {@code i} is a whole grid square (not cut by a district boundary or the study area's edge). */
    boolean isWholeSquare(int i) {
        return cellRings[i] == cellRings[i + 1];
    }

    /**
     * Outline of cell {@code i} in the metres of {@link #projection()}: a whole square exactly as the grid cut it, a
     * clipped piece projected back from its WGS84 outline (to within a nanometre of where it was cut).
     */
    Polygon metricCellPolygon(int i) {
        if (isWholeSquare(i)) {
            double x0 = gridX + column[i] * cellSizeInMeters;
            double y0 = gridY + row[i] * cellSizeInMeters;
            return (Polygon) StudyArea.METRIC.toGeometry(new Envelope(x0, x0 + cellSizeInMeters, y0, y0 + cellSizeInMeters));
        }
        return (Polygon) StudyArea.METRIC.createGeometry(projection.toMetric(cellPolygon(i)));
    }

    /** Side of the grid cells, metres. */
    public double cellSizeInMeters() {
        return cellSizeInMeters;
    }

    /** The share of a district given to the builder (also those with no covered part). */
    public DistrictShare share(String adcode) {
        DistrictShare share = shares.get(adcode);
        if (share == null) {
            throw new IllegalArgumentException("no district " + adcode + " in this population surface");
        }
        return share;
    }

    /** The shares of all districts given to the builder, in their order. */
    public List<DistrictShare> shares() {
        return List.copyOf(shares.values());
    }

    /** Sum of people over all cells; on a surface of another {@link #demand()}, its {@link #total()} rounded. */
    public long totalPeople() {
        return Math.round(total());
    }

    /** Sum of the values of all cells, in the unit of the {@link #demand()}. */
    public double total() {
        double sum = 0;
        for (double p : people) {
            sum += p;
        }
        return sum;
    }

    /** The area the cells cover. */
    public StudyArea studyArea() {
        return studyArea;
    }

    /** The projection the grid is laid out in. */
    public LocalMetricProjection projection() {
        return projection;
    }
}
