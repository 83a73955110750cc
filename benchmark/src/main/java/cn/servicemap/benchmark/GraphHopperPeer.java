package cn.servicemap.benchmark;

import cn.servicemap.gis.network.TravelProfile;
import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.jackson.Jackson;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.Helper;
import com.graphhopper.util.PMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GraphHopper peer: one isochrone per station on the same GraphHopper graph our network was copied from
 * (the cache folder is opened again with GraphHopper itself, same profile and custom model), built the way
 * GraphHopper's {@code /isochrone} endpoint builds it with its defaults (one bucket, no tolerance, the main
 * polygon only): a {@link ShortestPathTree} explored to the limit plus max(14 %, 200 s), a Delaunay triangulation
 * of the reached nodes ({@link JTSTriangulator}) and a contour at the limit ({@link ContourBuilder}); then all
 * isochrones unioned with JTS ({@link UnaryUnionOp}, cascaded). GraphHopper's code is used as a library, never
 * copied.
 */
final class GraphHopperPeer implements AutoCloseable {
    private final GraphHopper hopper;
    private final Weighting weighting;
    private final BooleanEncodedValue inSubnetwork;
    private final Triangulator triangulator;

    GraphHopperPeer(Path graphDir, TravelProfile travelProfile) throws IOException {
        if (!Files.isDirectory(graphDir))
            throw new IOException("no GraphHopper graph at " + graphDir + " (run the prepare phase first)");
        hopper = new GraphHopper();
        hopper.setGraphHopperLocation(graphDir.toString());
        Profile profile = new Profile(travelProfile.profileName()).setCustomModel(customModel(travelProfile));
        hopper.setProfiles(profile);
        if (!hopper.load())
            throw new IOException("GraphHopper could not load " + graphDir);
        weighting = hopper.createWeighting(profile, new PMap());
        inSubnetwork = hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile.getName()));
        triangulator = new JTSTriangulator(hopper.getRouterConfig());
    }

    /** The same custom model JSON our import used (a cached graph only loads with the profile it was built for). */
    private static CustomModel customModel(TravelProfile profile) throws IOException {
        try (InputStream in = TravelProfile.class.getResourceAsStream(profile.customModelResource())) {
            if (in == null)
                throw new IOException("missing " + profile.customModelResource());
            String json = Helper.readJSONFileWithoutComments(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Jackson.newObjectMapper().readValue(json, CustomModel.class);
        }
    }

    int edgeCount() {
        return hopper.getBaseGraph().getEdges();
    }

    /** GraphHopper's snap of a point: the node it lands on (a tower node when the point is one). */
    int snapNode(double lon, double lat) {
        return snap(lon, lat).getClosestNode();
    }

    private Snap snap(double lon, double lat) {
        Snap snap = hopper.getLocationIndex().findClosest(lat, lon, new DefaultSnapFilter(weighting, inSubnetwork));
        if (!snap.isValid())
            throw new IllegalArgumentException("GraphHopper found no road near " + lon + ", " + lat);
        return snap;
    }

    /** One isochrone as the endpoint returns it by default: the outer ring of the polygon holding the point. */
    Polygon isochrone(double lon, double lat, int seconds) {
        Snap snap = snap(lon, lat);
        QueryGraph queryGraph = QueryGraph.create(hopper.getBaseGraph(), snap);
        ShortestPathTree tree = new ShortestPathTree(queryGraph, queryGraph.wrapWeighting(weighting), false,
                TraversalMode.NODE_BASED);
        double limit = seconds * 1000d;
        tree.setTimeLimit(limit + Math.max(limit * 0.14, 200_000));
        Triangulator.Result result = triangulator.triangulate(snap, queryGraph, tree, label -> label.time, 0);
        MultiPolygon contour = new ContourBuilder(result.triangulation).computeIsoline(limit, result.seedEdges);
        Point point = contour.getFactory().createPoint(new Coordinate(lon, lat));
        Polygon main = null;
        for (int i = 0; i < contour.getNumGeometries(); i++) {
            Polygon p = (Polygon) contour.getGeometryN(i);
            if (p.contains(point)) {
                main = p;
                break;
            }
            if (main == null || p.getNumPoints() > main.getNumPoints())
                main = p;
        }
        if (main == null)
            return contour.getFactory().createPolygon();
        return contour.getFactory().createPolygon((LinearRing) main.getExteriorRing());
    }

    /** One isochrone per point. */
    List<Polygon> isochrones(List<double[]> points, int seconds) {
        List<Polygon> out = new ArrayList<>(points.size());
        for (double[] p : points)
            out.add(isochrone(p[0], p[1], seconds));
        return out;
    }

    static Geometry union(List<Polygon> polygons) {
        return UnaryUnionOp.union(polygons);
    }

    /**
     * For the cross-check: the minimum over one {@link ShortestPathTree} per station (from its node, exactly to
     * the limit) of each node's time in ms, {@link Integer#MAX_VALUE} if beyond it.
     */
    int[] minTimesFromNodes(int[] stationNodes, int seconds, int nodeCount) {
        int[] best = new int[nodeCount];
        Arrays.fill(best, Integer.MAX_VALUE);
        for (int node : stationNodes) {
            ShortestPathTree tree = new ShortestPathTree(hopper.getBaseGraph(), weighting, false, TraversalMode.NODE_BASED);
            tree.setTimeLimit(seconds * 1000d);
            tree.search(node, label -> {
                if (label.time < best[label.node])
                    best[label.node] = (int) label.time;
            });
        }
        return best;
    }

    @Override
    public void close() {
        hopper.close();
    }
}
