package cn.servicemap.gis.network;

import cn.servicemap.gis.crs.Geodesic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A region's road network for a set of {@link TravelProfile}s, held in primitive arrays: node coordinates, edge
 * end nodes, lengths and geometries, and per profile a {@link ProfileGraph} with travel times, compressed sparse
 * row adjacencies and connected components.
 *
 * <p>{@link #open(Path, Path, Set)} imports OpenStreetMap data (.osm XML or .pbf) with GraphHopper 11 into a
 * graph cached on disk and copies what the searches need into arrays; GraphHopper is closed again afterwards,
 * hot loops never go through its EdgeExplorer. Networks can also be built directly with {@link #builder()}.
 *
 * <p>Coordinates are WGS84 (EPSG:4326) lon/lat degrees, lengths metres, times milliseconds. Node and edge ids are
 * GraphHopper's (dense, {@code 0..count-1}); an edge runs from its base node through its geometry to its adj node.
 * Instances are immutable and thread-safe.
 */
public final class RoadNetwork {
    /** SRID 4326 factory for every geometry this package and {@code access} produce. */
    private final GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), 4326);
    private final String description;
    private final double[] nodeLon;
    private final double[] nodeLat;
    private final int[] edgeBase;
    private final int[] edgeAdj;
    private final double[] edgeDistance;
    private final int[] pillarStart;
    private final double[] pillarLonLat;
    private final String[] edgeName;
    private final Map<TravelProfile, ProfileGraph> graphs;
    private final BoundingBox bbox;
    private final EdgeGridIndex index;

    RoadNetwork(String description, double[] nodeLon, double[] nodeLat, int[] edgeBase, int[] edgeAdj,
                double[] edgeDistance, int[] pillarStart, double[] pillarLonLat,
                String[] edgeName, Map<TravelProfile, ProfileGraph> graphs) {
        this.description = description;
        this.nodeLon = nodeLon;
        this.nodeLat = nodeLat;
        this.edgeBase = edgeBase;
        this.edgeAdj = edgeAdj;
        this.edgeDistance = edgeDistance;
        this.pillarStart = pillarStart;
        this.pillarLonLat = pillarLonLat;
        this.edgeName = edgeName;
        this.graphs = graphs;
        double minLon = Double.POSITIVE_INFINITY, minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nodeLon.length; i++) {
            minLon = Math.min(minLon, nodeLon[i]);
            maxLon = Math.max(maxLon, nodeLon[i]);
            minLat = Math.min(minLat, nodeLat[i]);
            maxLat = Math.max(maxLat, nodeLat[i]);
        }
        for (int i = 0; i < pillarLonLat.length; i += 2) {
            minLon = Math.min(minLon, pillarLonLat[i]);
            maxLon = Math.max(maxLon, pillarLonLat[i]);
            minLat = Math.min(minLat, pillarLonLat[i + 1]);
            maxLat = Math.max(maxLat, pillarLonLat[i + 1]);
        }
        this.bbox = new BoundingBox(minLon, minLat, maxLon, maxLat);
        this.index = EdgeGridIndex.build(this);
    }

    /**
     * Opens the road network of one region: loads the GraphHopper graph cached in {@code cacheDir} or imports
     * {@code osmFile} into it first. The cache is re-imported when the OSM file's size or modification time, the
     * profile set or ServiceMap's import settings differ from those recorded in {@code cacheDir/manifest.properties}.
     * Use one cache directory per region and profile set.
     *
     * @throws IOException if the OSM file cannot be read or the cache cannot be written: a
     *                     {@link cn.servicemap.gis.CacheDiskFullException} when the disk of {@code cacheDir} filled up
     *                     during an import, whose graph and manifest are deleted by then (a failed import leaves none)
     */
    public static RoadNetwork open(Path osmFile, Path cacheDir, Set<TravelProfile> profiles) throws IOException {
        return GraphHopperImport.open(osmFile, cacheDir, profiles);
    }

    /** A builder for networks drawn by hand or generated. */
    public static RoadNetworkBuilder builder() {
        return new RoadNetworkBuilder();
    }

    /** Where the network came from, e.g. the OSM file and whether the cache was reused. */
    public String description() {
        return description;
    }

    public int nodeCount() {
        return nodeLon.length;
    }

    public int edgeCount() {
        return edgeBase.length;
    }

    /**
     * The edges that may cross the box (WGS84): every edge that does, and some near it (from the same spatial grid
     * that snaps points), ascending. For work on a small window of a large network, such as one map tile.
     */
    public int[] edgesNear(BoundingBox box) {
        return index.edgesTouching(box);
    }

    /** The box around all nodes and edge geometries. */
    public BoundingBox bbox() {
        return bbox;
    }

    public double nodeLon(int node) {
        return nodeLon[node];
    }

    public double nodeLat(int node) {
        return nodeLat[node];
    }

    public int edgeBase(int edge) {
        return edgeBase[edge];
    }

    public int edgeAdj(int edge) {
        return edgeAdj[edge];
    }

    /** Length of the edge along its geometry in metres (GraphHopper's distance for imported networks). */
    public double edgeDistanceInMeters(int edge) {
        return edgeDistance[edge];
    }

    /** The street name (OSM {@code name}), "" if none. */
    public String edgeName(int edge) {
        return edgeName[edge];
    }

    /** Number of points of the edge geometry including both end nodes (at least 2). */
    public int edgePointCount(int edge) {
        return pillarStart[edge + 1] - pillarStart[edge] + 2;
    }

    /** Longitude of point {@code i} of the edge geometry: 0 is the base node, the last the adj node. */
    public double edgePointLon(int edge, int i) {
        if (i == 0)
            return nodeLon[edgeBase[edge]];
        int p = pillarStart[edge] + i - 1;
        return p < pillarStart[edge + 1] ? pillarLonLat[2 * p] : nodeLon[edgeAdj[edge]];
    }

    /** Latitude of point {@code i} of the edge geometry: 0 is the base node, the last the adj node. */
    public double edgePointLat(int edge, int i) {
        if (i == 0)
            return nodeLat[edgeBase[edge]];
        int p = pillarStart[edge] + i - 1;
        return p < pillarStart[edge + 1] ? pillarLonLat[2 * p + 1] : nodeLat[edgeAdj[edge]];
    }

    /** The SRID 4326 geometry factory shared by this network's geometries. */
    public GeometryFactory geometryFactory() {
        return geometryFactory;
    }

    public Set<TravelProfile> profiles() {
        return graphs.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(graphs.keySet()));
    }

    /** The network as the profile sees it. */
    public ProfileGraph graph(TravelProfile profile) {
        ProfileGraph graph = graphs.get(profile);
        if (graph == null)
            throw new IllegalArgumentException("profile " + profile + " was not imported; have " + graphs.keySet());
        return graph;
    }

    /**
     * Places a point on the nearest edge the profile may use (in either direction). Never snaps silently: if the
     * nearest usable edge is farther than {@code maxDistanceInMeters} the result has status
     * {@link Snap.Status#TOO_FAR} and tells the distance. The nearest point is found in a local equirectangular
     * projection around the query (exact enough within tens of kilometres); the reported distance is great-circle.
     */
    public Snap snap(TravelProfile profile, double lon, double lat, double maxDistanceInMeters) {
        return snap(profile, lon, lat, maxDistanceInMeters, false);
    }

    /**
     * Like {@link #snap}, but only onto the profile's main (largest) component: for a worker's position, where a
     * nearby disconnected piece (a sidewalk drawn without its crossings, a courtyard path) would answer "no
     * station reachable". Stations should be snapped with {@link #snap} and flagged instead.
     */
    public Snap snapToMainComponent(TravelProfile profile, double lon, double lat, double maxDistanceInMeters) {
        return snap(profile, lon, lat, maxDistanceInMeters, true);
    }

    private Snap snap(TravelProfile profile, double lon, double lat, double maxDistanceInMeters, boolean mainOnly) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
            throw new IllegalArgumentException("not a WGS84 lon/lat: " + lon + ", " + lat);
        ProfileGraph graph = graph(profile);
        EdgeGridIndex.Hit hit = index.nearest(graph, mainOnly, lon, lat);
        if (hit == null)
            return new Snap(profile, lon, lat, Snap.Status.NO_ROAD, -1, -1, -1, 0, Double.NaN, Double.NaN,
                    Double.POSITIVE_INFINITY, null);
        int e = hit.edge;
        double kx = Geodesic.metersPerDegreeLon(edgePointLat(e, 0));
        double ky = Geodesic.METERS_PER_DEGREE;
        int points = edgePointCount(e);
        double total = 0, before = 0;
        double snapLon = 0, snapLat = 0;
        for (int s = 0; s + 1 < points; s++) {
            double lon1 = edgePointLon(e, s), lat1 = edgePointLat(e, s);
            double lon2 = edgePointLon(e, s + 1), lat2 = edgePointLat(e, s + 1);
            double len = Math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * ky);
            if (s == hit.segment) {
                before = total + hit.segmentFraction * len;
                snapLon = lon1 + hit.segmentFraction * (lon2 - lon1);
                snapLat = lat1 + hit.segmentFraction * (lat2 - lat1);
            }
            total += len;
        }
        double fraction = total == 0 ? 0 : Math.max(0, Math.min(1, before / total));
        double distance = Geodesic.distanceMeters(lon, lat, snapLon, snapLat);
        Snap.Status status = distance <= maxDistanceInMeters ? Snap.Status.SNAPPED : Snap.Status.TOO_FAR;
        return new Snap(profile, lon, lat, status, e, edgeBase[e], edgeAdj[e], fraction, snapLon, snapLat, distance,
                graph.component(graph.componentOfEdge(e)));
    }

    /**
     * A snap placed exactly at a share of an edge's length, e.g. for a candidate site on a node (fraction 0 or 1)
     * or for tests. The query point is the placed point itself, at distance 0.
     *
     * @throws IllegalArgumentException if the profile may not use the edge
     */
    public Snap onEdge(TravelProfile profile, int edge, double fraction) {
        ProfileGraph graph = graph(profile);
        if (edge < 0 || edge >= edgeCount() || !graph.isUsable(edge))
            throw new IllegalArgumentException("edge " + edge + " is not usable by " + profile);
        double[] p = pointAlongEdge(edge, fraction);
        return new Snap(profile, p[0], p[1], Snap.Status.SNAPPED, edge, edgeBase[edge], edgeAdj[edge], fraction,
                p[0], p[1], 0, graph.component(graph.componentOfEdge(edge)));
    }

    /**
     * The point at a share of an edge's length, by linear interpolation along its geometry in a local
     * equirectangular projection.
     *
     * @return {lon, lat}
     */
    public double[] pointAlongEdge(int edge, double fraction) {
        int points = edgePointCount(edge);
        double kx = Geodesic.metersPerDegreeLon(edgePointLat(edge, 0));
        double ky = Geodesic.METERS_PER_DEGREE;
        double total = 0;
        for (int s = 0; s + 1 < points; s++)
            total += Math.hypot((edgePointLon(edge, s + 1) - edgePointLon(edge, s)) * kx,
                    (edgePointLat(edge, s + 1) - edgePointLat(edge, s)) * ky);
        double wanted = fraction * total, walked = 0;
        for (int s = 0; s + 1 < points; s++) {
            double lon1 = edgePointLon(edge, s), lat1 = edgePointLat(edge, s);
            double lon2 = edgePointLon(edge, s + 1), lat2 = edgePointLat(edge, s + 1);
            double len = Math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * ky);
            if (walked + len >= wanted && len > 0) {
                double t = Math.max(0, Math.min(1, (wanted - walked) / len));
                return new double[]{lon1 + t * (lon2 - lon1), lat1 + t * (lat2 - lat1)};
            }
            walked += len;
        }
        return new double[]{edgePointLon(edge, points - 1), edgePointLat(edge, points - 1)};
    }

    @Override
    public String toString() {
        return "RoadNetwork[" + description + ", nodes=" + nodeCount() + ", edges=" + edgeCount() + ", profiles="
                + graphs.keySet() + "]";
    }
}
