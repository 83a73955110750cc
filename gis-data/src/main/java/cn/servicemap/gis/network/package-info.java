/**
 * The road network: OpenStreetMap imported with GraphHopper 11 as a library ({@link
 * cn.servicemap.gis.network.RoadNetwork#open}), cached on disk per region, and copied into primitive arrays per
 * {@link cn.servicemap.gis.network.TravelProfile} (compressed sparse row adjacency with travel times in ms,
 * connected components), with snapping of WGS84 points onto usable edges.
 *
 * <pre>{@code
 * RoadNetwork net = RoadNetwork.open(osmFile, cacheDir, EnumSet.of(TravelProfile.WALK)); // arrays only, nothing to close
 * Snap station = net.snap(TravelProfile.WALK, 118.7787, 32.0403, 100);   // lon, lat
 * if (!station.isSnapped())            // TOO_FAR: say how far the nearest road is
 *     ... station.distanceInMeters() ...
 * if (station.isOnSmallComponent())    // flagged, not dropped
 *     ... station.component().lengthInMeters() ...
 * }</pre>
 */
package cn.servicemap.gis.network;
