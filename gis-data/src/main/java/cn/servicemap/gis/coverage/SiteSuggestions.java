package cn.servicemap.gis.coverage;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.population.PopulationSurface;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one new station would cover the most uncovered people of a gap ({@link CoverageGaps}).
 *
 * <p>Method: every gap cell snapped to a street weighs both end nodes of its street with its people; the
 * heaviest nodes on the main network piece (ties by node id), at most {@code candidates} of them, are each
 * tried as a station at that node (on one of its streets) with an incremental what-if
 * ({@link Coverage#apply}); the one bringing the most people inside the band wins, counted over all cells,
 * not only the gap's. Costs {@code candidates} × (what-if + one pass over the cells).
 *
 * <p>Limits: a greedy choice among street nodes, not an optimum over all street points; only nodes serving
 * the gap are tried.
 */
final class SiteSuggestions {

    private SiteSuggestions() {
    }

    /**
     * @param gapCells  the gap's population cells
     * @param bandMillis the band's limit in ms
     * @return the best site, or null when no street of the main network touches the gap
     */
    static SuggestedSite best(Coverage coverage, int[] gapCells, int bandMillis, int candidates) {
        CoverageModel model = coverage.model();
        RoadNetwork network = model.network();
        PopulationSurface surface = model.surface();
        ProfileGraph graph = network.graph(model.profile());
        Map<Integer, Double> weight = new HashMap<>();
        for (int cell : gapCells) {
            int edge = model.cellEdge(cell);
            if (edge >= 0) {
                weight.merge(network.edgeBase(edge), surface.people(cell), Double::sum);
                weight.merge(network.edgeAdj(edge), surface.people(cell), Double::sum);
            }
        }
        List<Integer> nodes = weight.entrySet().stream()
                .filter(e -> graph.componentOfNode(e.getKey()) >= 0
                        && graph.component(graph.componentOfNode(e.getKey())).main())
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(candidates).map(Map.Entry::getKey).toList();
        SuggestedSite best = null;
        for (int node : nodes) {
            int edge = -1;
            double fraction = 0;
            int[] meeting = model.edgesAt(node);
            if (meeting.length > 0) {
                edge = meeting[0];
                fraction = network.edgeBase(edge) == node ? 0 : 1;
            }
            if (edge < 0) {
                continue;
            }
            Snap site = network.onEdge(model.profile(), edge, fraction);
            Coverage with = coverage.apply(coverage.field().withSourceAdded(site), edge);
            double gain = 0;
            for (int cell = 0; cell < model.cellCount(); cell++) {
                if (!Coverage.within(coverage.cellTimeInMillis(cell), bandMillis)
                        && Coverage.within(with.cellTimeInMillis(cell), bandMillis)) {
                    gain += surface.people(cell);
                }
            }
            if (best == null || gain > best.peopleNewlyCovered()) {
                best = new SuggestedSite(network.nodeLon(node), network.nodeLat(node), streetAt(model, node), gain);
            }
        }
        return best;
    }

    /** The name of a named street meeting the node, or "" when none is named. */
    private static String streetAt(CoverageModel model, int node) {
        for (int e : model.edgesAt(node)) {
            String name = model.network().edgeName(e);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return "";
    }
}
