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
 * <p>Plain Java over JTS and the project's readers; independent of the road network and
 * accessibility packages, which consume the surface's arrays.
 */
package cn.servicemap.gis.population;
