package cn.servicemap.gis.coverage;

import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.network.Adjacency;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.DistrictShare;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * How the population surface and the road network meet for one travel profile, worked out once per
 * region and profile and shared by every coverage computation on them:
 * <ul>
 *   <li>each population cell's centre snapped to the nearest street of the main network piece, with
 *       the time to walk there off-road at 5 km/h (the last stretch is on foot for every profile);
 *       a centre farther than {@code maxOffRoadInMeters} from any street is "far from any road";</li>
 *   <li>each usable street edge inside the study area with its length and district (by midpoint), for road-km;</li>
 *   <li>which cells hang on which edge and which edges meet at which node, so an incremental what-if
 *       touches only the cells and edges around the nodes it changed.</li>
 * </ul>
 * Immutable and safe to share between threads.
 */
public final class CoverageModel {

    /** Walking speed for the off-road stretch from a place to its street, in metres per second (5 km/h). */
    public static final double OFF_ROAD_SPEED_IN_METERS_PER_SECOND = 5.0 / 3.6;

    private final RoadNetwork network;
    private final TravelProfile profile;
    private final PopulationSurface surface;
    private final List<String> adcodes;
    private final ProfileGraph graph;
    /** Shared by the region's profiles; an edge this profile cannot use has no district here. */
    private final EdgeDistricts edgeDistricts;
    private final Map<String, String> names;
    /** The edge each cell's representative point snaps to (-1: farther than maxOffRoadInMeters from the main
     * network) and where along it: primitives, not Snap objects (88 bytes a cell per profile). */
    private final int[] cellEdge;
    private final double[] cellFraction;
    private final int[] cellOffRoadMillis;
    private final int[] edgeCellsFirst;
    private final int[] edgeCells;
    private final double maxOffRoadInMeters;

    private CoverageModel(RoadNetwork network, TravelProfile profile, PopulationSurface surface, EdgeDistricts edgeDistricts,
                          double maxOffRoadInMeters) {
        this.network = network;
        this.profile = profile;
        this.surface = surface;
        this.maxOffRoadInMeters = maxOffRoadInMeters;
        this.adcodes = edgeDistricts.adcodes();
        this.names = new HashMap<>();
        for (DistrictShare share : surface.shares()) {
            names.put(share.adcode(), share.nameZh());
        }
        int cells = surface.size();
        cellEdge = new int[cells];
        cellFraction = new double[cells];
        Arrays.fill(cellEdge, -1);
        cellOffRoadMillis = new int[cells];
        for (int c = 0; c < cells; c++) {
            Snap s = network.snapToMainComponent(profile, surface.lon(c), surface.lat(c), maxOffRoadInMeters);
            if (s.isSnapped()) {
                cellEdge[c] = s.edge();
                cellFraction[c] = s.fraction();
                cellOffRoadMillis[c] = (int) Math.round(s.distanceInMeters() / OFF_ROAD_SPEED_IN_METERS_PER_SECOND * 1000);
            }
        }
        this.graph = network.graph(profile);
        this.edgeDistricts = edgeDistricts;
        int edges = network.edgeCount();
        // edge -> cells (CSR)
        edgeCellsFirst = new int[edges + 1];
        for (int edge : cellEdge) {
            if (edge >= 0) {
                edgeCellsFirst[edge + 1]++;
            }
        }
        for (int e = 0; e < edges; e++) {
            edgeCellsFirst[e + 1] += edgeCellsFirst[e];
        }
        edgeCells = new int[edgeCellsFirst[edges]];
        int[] fill = Arrays.copyOf(edgeCellsFirst, edges);
        for (int c = 0; c < cells; c++) {
            if (cellEdge[c] >= 0) {
                edgeCells[fill[cellEdge[c]]++] = c;
            }
        }
    }

    /** The same model counting {@code demand} instead of the surface's values: shares every array. */
    private CoverageModel(CoverageModel model, PopulationSurface demand) {
        this.network = model.network;
        this.profile = model.profile;
        this.surface = demand;
        this.adcodes = model.adcodes;
        this.graph = model.graph;
        this.edgeDistricts = model.edgeDistricts;
        this.names = model.names;
        this.cellEdge = model.cellEdge;
        this.cellFraction = model.cellFraction;
        this.cellOffRoadMillis = model.cellOffRoadMillis;
        this.edgeCellsFirst = model.edgeCellsFirst;
        this.edgeCells = model.edgeCells;
        this.maxOffRoadInMeters = model.maxOffRoadInMeters;
    }

    /**
     * This model counting another demand on the same cells — riders, sanitation workers, drivers, uploaded points
     * ({@link PopulationSurface#withDemand}) — instead of the residents: every coverage figure, gap and siting problem
     * computed from it sums {@code demand}'s values where this one sums people. The cells' streets, off-road times and
     * the edges' districts are shared, not worked out again: O(1) time and memory.
     *
     * @throws IllegalArgumentException when {@code demand} does not have this model's cells
     *                                  ({@link PopulationSurface#hasSameCells}); build a model for it with {@link #build}
     */
    public CoverageModel withSurface(PopulationSurface demand) {
        if (!surface.hasSameCells(demand)) {
            throw new IllegalArgumentException("the demand surface has other cells than this coverage model's surface; "
                    + "build a model for it with CoverageModel.build");
        }
        return new CoverageModel(this, demand);
    }

    /**
     * @param locator            the region's districts, to give each street edge its district
     * @param maxOffRoadInMeters a place farther than this from any street of the main network is not reachable
     */
    public static CoverageModel build(RoadNetwork network, TravelProfile profile, PopulationSurface surface,
                                      DistrictLocator locator, double maxOffRoadInMeters) {
        return build(network, profile, surface, EdgeDistricts.of(network, surface, locator), maxOffRoadInMeters);
    }

    /**
     * @param edgeDistricts      the districts of the region's edges, shared by its profiles' models
     * @param maxOffRoadInMeters a place farther than this from any street of the main network is not reachable
     */
    public static CoverageModel build(RoadNetwork network, TravelProfile profile, PopulationSurface surface,
                                      EdgeDistricts edgeDistricts, double maxOffRoadInMeters) {
        return new CoverageModel(network, profile, surface, edgeDistricts, maxOffRoadInMeters);
    }

    public RoadNetwork network() {
        return network;
    }

    public TravelProfile profile() {
        return profile;
    }

    public PopulationSurface surface() {
        return surface;
    }

    public double maxOffRoadInMeters() {
        return maxOffRoadInMeters;
    }

    /** Districts in report order: those of the population surface, then any with streets but no surface cells. */
    public List<String> districtAdcodes() {
        return List.copyOf(adcodes);
    }

    int districtCount() {
        return adcodes.size();
    }

    String districtName(int d) {
        return names.getOrDefault(adcodes.get(d), adcodes.get(d));
    }

    Optional<DistrictShare> share(int d) {
        return surface.shares().stream().filter(s -> s.adcode().equals(adcodes.get(d))).findFirst();
    }

    int cellCount() {
        return cellEdge.length;
    }

    /** The edge cell {@code cell} snaps to, or -1 when it is far from any road of the main network. */
    int cellEdge(int cell) {
        return cellEdge[cell];
    }

    /** Where along {@link #cellEdge} the cell snaps, 0 at its base node, 1 at its adj node. */
    double cellFraction(int cell) {
        return cellFraction[cell];
    }

    int cellOffRoadMillis(int cell) {
        return cellOffRoadMillis[cell];
    }

    int cellDistrict(int cell) {
        return surface.districtIndex(cell);
    }

    /** The grid column of a cell's square (pieces of one square split by a district boundary share it). */
    int cellColumn(int cell) {
        return surface.column(cell);
    }

    int cellRow(int cell) {
        return surface.row(cell);
    }

    /** District index of a usable street edge inside the study area, else -1. */
    int edgeDistrict(int edge) {
        return graph.isUsable(edge) ? edgeDistricts.of(edge) : -1;
    }

    int edgeCellsBegin(int edge) {
        return edgeCellsFirst[edge];
    }

    int edgeCellsEnd(int edge) {
        return edgeCellsFirst[edge + 1];
    }

    int edgeCell(int i) {
        return edgeCells[i];
    }

    /**
     * The edges the profile can use that meet {@code node}, ascending, each once. Read from the profile's two
     * adjacencies (an edge usable in either direction leaves or enters each of its ends), not kept per node.
     */
    int[] edgesAt(int node) {
        ProfileGraph graph = network.graph(profile);
        Adjacency out = graph.outgoing();
        Adjacency in = graph.incoming();
        int[] edges = new int[out.end(node) - out.begin(node) + in.end(node) - in.begin(node)];
        int n = 0;
        for (int arc = out.begin(node); arc < out.end(node); arc++) {
            edges[n++] = out.edge(arc);
        }
        for (int arc = in.begin(node); arc < in.end(node); arc++) {
            edges[n++] = in.edge(arc);
        }
        Arrays.sort(edges);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || edges[i] != edges[i - 1]) {
                edges[distinct++] = edges[i];
            }
        }
        return Arrays.copyOf(edges, distinct);
    }

}
