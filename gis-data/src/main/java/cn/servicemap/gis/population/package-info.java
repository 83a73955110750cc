/**
 * The population surface: how many people live where, inside the part of a region the road network
 * covers. {@link cn.servicemap.gis.population.StudyArea} finds that part from the walkable roads
 * (a raster of road and junction density, cleaned morphologically);
 * {@link cn.servicemap.gis.population.PopulationSurface} estimates each district's people in its
 * covered part from the census (mean density × covered area, never more than the census) and spreads
 * them over grid cells by dwelling floor area, residential land or road length;
 * {@link cn.servicemap.gis.population.DistrictShare} says for a report how much of each district is
 * covered and how its people were estimated. Synthetic surfaces are labelled so.
 *
 * <p>Besides residents, the workers the stations serve, each a demand surface on the same cells
 * ({@link cn.servicemap.gis.population.PopulationSurface#withDemand}, {@link cn.servicemap.gis.population.DemandKind}):
 * delivery riders from outlets ({@link cn.servicemap.gis.population.RiderDemand}), sanitation workers from the weighted
 * length of streets ({@link cn.servicemap.gis.population.SanitationDemand}), drivers from fuel and charging stations,
 * truck parks and logistics land ({@link cn.servicemap.gis.population.DriverDemand}) — the three from one reading of
 * the OSM file ({@link cn.servicemap.gis.population.OutdoorWorkerDemand}) — and weighted points a planner uploads
 * ({@link cn.servicemap.gis.population.PointDemand}). Each states its unit and method
 * ({@link cn.servicemap.gis.population.Demand}).
 *
 * <p>Plain Java over JTS and the project's readers; independent of the road network and
 * accessibility packages, which consume the surface's arrays.
 */
package cn.servicemap.gis.population;
