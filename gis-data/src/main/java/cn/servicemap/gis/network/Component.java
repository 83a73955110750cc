package cn.servicemap.gis.network;

/**
 * A connected piece of one profile's road network: undirected connectivity for {@link TravelProfile#WALK},
 * strongly connected components for directed profiles (every node reaches every other along one-way rules).
 *
 * @param id             component id, {@code 0 <= id < ProfileGraph.componentCount()}
 * @param nodeCount      nodes in the component
 * @param edgeCount      usable edges assigned to the component (see {@link ProfileGraph#componentOfEdge(int)})
 * @param lengthInMeters total length of those edges
 * @param main           whether this is the largest component (by edge count, then length)
 */
public record Component(int id, int nodeCount, int edgeCount, double lengthInMeters, boolean main) {
}
