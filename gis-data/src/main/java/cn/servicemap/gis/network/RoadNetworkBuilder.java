package cn.servicemap.gis.network;

import cn.servicemap.gis.crs.Geodesic;
import com.carrotsearch.hppc.DoubleArrayList;
import com.carrotsearch.hppc.IntArrayList;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link RoadNetwork} from nodes and edges given one by one: used by the OSM import, by tests that draw
 * tiny graphs, and by generators of synthetic cities. Not thread-safe; {@link #build()} copies everything, so
 * the builder may be reused.
 *
 * <p>Coordinates are WGS84 lon/lat degrees; distances metres; times milliseconds.
 */
public final class RoadNetworkBuilder {
    private final DoubleArrayList nodeLon = new DoubleArrayList();
    private final DoubleArrayList nodeLat = new DoubleArrayList();
    private final IntArrayList edgeBase = new IntArrayList();
    private final IntArrayList edgeAdj = new IntArrayList();
    private final DoubleArrayList edgeDistance = new DoubleArrayList();
    private final IntArrayList pillarStart = new IntArrayList();
    private final DoubleArrayList pillarLonLat = new DoubleArrayList();
    private final java.util.ArrayList<String> edgeName = new java.util.ArrayList<>();
    private final Map<TravelProfile, IntArrayList> forward = new EnumMap<>(TravelProfile.class);
    private final Map<TravelProfile, IntArrayList> backward = new EnumMap<>(TravelProfile.class);
    private String description = "built in memory";

    RoadNetworkBuilder() {
        pillarStart.add(0);
    }

    /** Declares a profile even if no edge gets access for it. */
    public RoadNetworkBuilder profile(TravelProfile profile) {
        forward.computeIfAbsent(profile, p -> filled(edgeBase.size()));
        backward.computeIfAbsent(profile, p -> filled(edgeBase.size()));
        return this;
    }

    /** A free text saying where the network came from (shown in logs and reports). */
    public RoadNetworkBuilder description(String description) {
        this.description = description;
        return this;
    }

    /** Adds a node and returns its id (ids are dense, in order of addition). */
    public int addNode(double lon, double lat) {
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90))
            throw new IllegalArgumentException("not a WGS84 lon/lat: " + lon + ", " + lat);
        nodeLon.add(lon);
        nodeLat.add(lat);
        return nodeLon.size() - 1;
    }

    /** Adds a straight edge whose length is the great-circle distance of its end nodes. */
    public int addEdge(int base, int adj) {
        return addEdge(base, adj, Double.NaN);
    }

    /**
     * Adds an edge from {@code base} to {@code adj} with the given intermediate points (lon, lat pairs, may be
     * empty) and returns its id. A NaN distance is replaced by the great-circle length of the geometry.
     */
    public int addEdge(int base, int adj, double distanceInMeters, double... pillarLonLats) {
        if (base < 0 || base >= nodeLon.size() || adj < 0 || adj >= nodeLon.size())
            throw new IllegalArgumentException("unknown node " + base + " or " + adj);
        if (pillarLonLats.length % 2 != 0)
            throw new IllegalArgumentException("pillars must be lon, lat pairs");
        int edge = edgeBase.size();
        edgeBase.add(base);
        edgeAdj.add(adj);
        pillarLonLat.add(pillarLonLats, 0, pillarLonLats.length);
        pillarStart.add(pillarLonLat.size() / 2);
        if (Double.isNaN(distanceInMeters)) {
            double lon = nodeLon.get(base), lat = nodeLat.get(base), sum = 0;
            for (int i = 0; i <= pillarLonLats.length / 2; i++) {
                double nLon = i < pillarLonLats.length / 2 ? pillarLonLats[2 * i] : nodeLon.get(adj);
                double nLat = i < pillarLonLats.length / 2 ? pillarLonLats[2 * i + 1] : nodeLat.get(adj);
                sum += Geodesic.distanceMeters(lon, lat, nLon, nLat);
                lon = nLon;
                lat = nLat;
            }
            distanceInMeters = sum;
        }
        if (!(distanceInMeters >= 0))
            throw new IllegalArgumentException("distance must be >= 0: " + distanceInMeters);
        edgeDistance.add(distanceInMeters);
        edgeName.add("");
        for (IntArrayList list : forward.values())
            list.add(ProfileGraph.NO_ACCESS);
        for (IntArrayList list : backward.values())
            list.add(ProfileGraph.NO_ACCESS);
        return edge;
    }

    /**
     * Sets the travel times of an edge for a profile, {@link ProfileGraph#NO_ACCESS} for a forbidden direction.
     */
    public RoadNetworkBuilder access(TravelProfile profile, int edge, int forwardMillis, int backwardMillis) {
        if (forwardMillis < ProfileGraph.NO_ACCESS || backwardMillis < ProfileGraph.NO_ACCESS)
            throw new IllegalArgumentException("times must be >= 0 or NO_ACCESS");
        profile(profile);
        forward.get(profile).set(edge, forwardMillis);
        backward.get(profile).set(edge, backwardMillis);
        return this;
    }

    /**
     * Sets the times of an edge from a speed: {@code distance / speed}, both directions unless {@code oneway}.
     */
    public RoadNetworkBuilder access(TravelProfile profile, int edge, double speedInKmPerHour, boolean oneway) {
        int millis = (int) Math.round(edgeDistance.get(edge) * 3600.0 / speedInKmPerHour);
        return access(profile, edge, millis, oneway ? ProfileGraph.NO_ACCESS : millis);
    }

    /** Sets the street name of an edge ("" if unknown). */
    public RoadNetworkBuilder name(int edge, String name) {
        edgeName.set(edge, name == null ? "" : name.intern());
        return this;
    }

    public int nodeCount() {
        return nodeLon.size();
    }

    public int edgeCount() {
        return edgeBase.size();
    }

    private IntArrayList filled(int size) {
        IntArrayList list = new IntArrayList(Math.max(size, 16));
        for (int i = 0; i < size; i++)
            list.add(ProfileGraph.NO_ACCESS);
        return list;
    }

    /** Builds the immutable network: adjacencies, components and the spatial index. */
    public RoadNetwork build() {
        if (nodeLon.isEmpty())
            throw new IllegalStateException("a network needs at least one node");
        int[] base = edgeBase.toArray();
        int[] adj = edgeAdj.toArray();
        double[] distance = edgeDistance.toArray();
        Map<TravelProfile, ProfileGraph> graphs = new EnumMap<>(TravelProfile.class);
        // the profiles' graphs are independent: built side by side (a city's three take seconds one after another)
        List<ProfileGraph> built = forward.keySet().parallelStream()
                .map(profile -> ProfileGraph.build(profile, nodeLon.size(), base, adj, distance,
                        forward.get(profile).toArray(), backward.get(profile).toArray()))
                .toList();
        built.forEach(g -> graphs.put(g.profile(), g));
        return new RoadNetwork(description, nodeLon.toArray(), nodeLat.toArray(), base, adj, distance,
                pillarStart.toArray(), pillarLonLat.toArray(), edgeName.toArray(new String[0]), graphs);
    }

    @Override
    public String toString() {
        return "RoadNetworkBuilder[nodes=" + nodeCount() + ", edges=" + edgeCount() + ", profiles="
                + Arrays.toString(forward.keySet().toArray()) + "]";
    }
}
