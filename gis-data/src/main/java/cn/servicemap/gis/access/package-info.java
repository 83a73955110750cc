/**
 * Accessibility on a {@link cn.servicemap.gis.network.RoadNetwork}: one multi-source Dijkstra gives every node
 * its travel time to the nearest station ({@link cn.servicemap.gis.access.MultiSourceSearch},
 * {@link cn.servicemap.gis.access.AccessField}), updated incrementally for what-ifs; the nearest and second-nearest
 * station of every node for 交叉覆盖 ({@link cn.servicemap.gis.access.TwoNearestSearch}), likewise; the k nearest stations by
 * travel time with routes ({@link cn.servicemap.gis.access.NearestStations}); and service-area polygons
 * ({@link cn.servicemap.gis.access.ServiceAreas}).
 *
 * <pre>{@code
 * AccessField field = MultiSourceSearch.compute(net, TravelProfile.WALK, stations, 900);   // 15 min
 * Reach here = field.reachAt(net.snapToMainComponent(TravelProfile.WALK, lon, lat, 200));
 * AccessUpdate whatIf = field.withSourceAdded(candidate);        // whatIf.changedNodes() for statistics
 * List<ServiceBand> bands = ServiceAreas.build(field).nested();  // 5/10/15 min, WGS84 polygons
 * List<NearestStation> near = new NearestStations(net, TravelProfile.WALK, stations)
 *         .find(here, 3, 1800, i -> openNow[i]);
 * }</pre>
 */
package cn.servicemap.gis.access;
