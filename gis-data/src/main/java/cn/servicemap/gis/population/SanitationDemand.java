package cn.servicemap.gis.population;

import cn.servicemap.gis.osm.OsmFeature;
import java.util.List;
import java.util.Locale;

/**
 * Where sanitation workers (环卫工人) work: a demand surface of the streets they sweep, the weighted length of walkable
 * road in each cell.
 *
 * <p><b>Method.</b> The {@link WalkableRoads walkable} OSM ways (the roads the residents' surface and the study area
 * are measured on), each with a weight by its {@code highway} class; a cell's value is Σ weight × metres of road inside
 * its outline, measured in the surface's metric projection — each way cut exactly at the cell's edges
 * ({@link RoadIndex}: Liang–Barsky clipping in whole squares, polygon intersection in cut pieces). With
 * {@link #UNIT_WEIGHTS} a cell's value is the metres of walkable road in it, and the surface's total the walkable road
 * length inside the study area.
 *
 * <p><b>Default weights</b> ({@link #DEFAULT_WEIGHTS}), relative sweeping effort per metre, an assumption stated in
 * every report: 2 for primary and secondary roads and pedestrian streets (wide carriageways with pavements on both
 * sides, or crowds: swept by hand several times a day); 1.5 for tertiary roads; 1 for residential, living, unclassified
 * and other roads; 1 for trunk roads (urban expressways, swept mostly by machine); 0.5 for service roads (inside
 * compounds and car parks, usually cleaned by the property's own staff) and for footways, paths, cycleways, steps and
 * tracks (a pavement mapped apart from its road is swept with it; park paths by park staff). The unit is then metres
 * of residential-street equivalent, a relative one.
 *
 * <p>Limits: OSM width and lane tags are not used; a street mapped as two carriageways counts twice, as its two sides
 * are swept; squares mapped as areas ({@code area=yes}) are not walkable roads and count nothing.
 */
public final class SanitationDemand {

    /** Every walkable road weighs 1: the surface is metres of walkable road per cell. */
    public static final TagWeights UNIT_WEIGHTS = TagWeights.of("highway=*", 1);

    /** The weights described in the class comment. */
    public static final TagWeights DEFAULT_WEIGHTS = TagWeights.of(
            "highway=primary", 2, "highway=primary_link", 2, "highway=secondary", 2, "highway=secondary_link", 2,
            "highway=pedestrian", 2, "highway=tertiary", 1.5, "highway=tertiary_link", 1.5, "highway=trunk", 1,
            "highway=trunk_link", 1, "highway=service", 0.5, "highway=footway", 0.5, "highway=path", 0.5,
            "highway=cycleway", 0.5, "highway=steps", 0.5, "highway=track", 0.5, "highway=bridleway", 0.5,
            "highway=*", 1);

    private SanitationDemand() {
    }

    /** With {@link #DEFAULT_WEIGHTS}. */
    public static PopulationSurface of(PopulationSurface cells, List<OsmFeature> roads) {
        return of(cells, roads, DEFAULT_WEIGHTS);
    }

    /**
     * @param cells   the surface whose cells the demand is put on (usually the residents')
     * @param roads   OSM objects; those not {@link WalkableRoads#isWalkable walkable} are ignored
     * @param weights weight per metre by road class ({@code highway=…}); a road meeting none weighs 0
     */
    public static PopulationSurface of(PopulationSurface cells, List<OsmFeature> roads, TagWeights weights) {
        RoadIndex index = new RoadIndex(roads, cells.projection(), weights::weightOf);
        double[] values = new double[cells.size()];
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = index.lengthIn(cells.metricCellPolygon(i));
            total += values[i];
        }
        boolean unit = weights.isUnit();
        String en = String.format(Locale.ROOT, "%s: the walkable roads of the OSM extract (%,d ways), %s, measured in "
                        + "each cell exactly; %,.0f in the study area", unit ? "metres of walkable road per cell"
                        : "weighted road length per cell in metres of residential-street equivalent (relative units)",
                index.roadCount(), unit ? "every metre counted once" : "each metre weighted by road class (" + weights.describe() + ")",
                total);
        String zh = String.format(Locale.ROOT, "%s：OSM 中可步行的道路（%,d 条），%s，逐格精确量算；研究区内合计 %,.0f",
                unit ? "每个网格内可步行道路的长度（米）" : "每个网格内按道路等级加权的道路长度（以支路为 1 的米数，相对值）",
                index.roadCount(), unit ? "每米计一次" : "每米按道路等级加权（" + weights.describe() + "）", total);
        Demand demand = unit
                ? new Demand(DemandKind.SANITATION, "米（可步行道路）", "metres of walkable road", zh, en, false)
                : new Demand(DemandKind.SANITATION, "加权道路米（相对值）", "weighted road metres (relative units)", zh, en, true);
        return cells.withDemand(values, demand);
    }
}
