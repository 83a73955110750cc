package cn.servicemap.gis.access;

/**
 * The result of an incremental what-if on the two nearest stations: the new result and the nodes whose nearest or
 * second-nearest station or time changed, in ascending order. 交叉覆盖 can be updated from {@code changedNodes} alone
 * (a point's two nearest depend only on its edge's end nodes and on the stations on that edge, so besides the edges
 * meeting a changed node only the edges a station was added to, moved from or to, or removed from need a look).
 *
 * @param result       the updated two nearest stations (the old result is unchanged)
 * @param changedNodes node ids whose (time, station) of the nearest or the second-nearest differ from the old result,
 *                     ascending
 */
public record TwoNearestUpdate(TwoNearestSearch.Result result, int[] changedNodes) {
}
