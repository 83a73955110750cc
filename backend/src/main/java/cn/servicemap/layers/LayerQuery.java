package cn.servicemap.layers;

import cn.servicemap.coverage.Bands;
import cn.servicemap.gis.network.TravelProfile;

/**
 * What a computed layer is computed for: the travel profile and bands (bands, gaps), the band the gaps are outside of and
 * how many gaps, and the siting job (null: the region's latest). Stations and districts ignore it.
 *
 * @param profile  WALK, EBIKE or CAR (null: WALK)
 * @param bands    band limits in minutes (null: the configured bands)
 * @param minutes  the band the gaps are outside of (null: the largest)
 * @param gaps     how many gaps, largest first, 1–{@link cn.servicemap.coverage.CoverageLimits#MAX_GAPS}
 * @param sitingJob a finished siting job's id (null: the region's latest)
 */
public record LayerQuery(TravelProfile profile, Bands bands, Integer minutes, int gaps, String sitingJob) {

    /** Gaps a layer holds unless asked otherwise. */
    public static final int DEFAULT_GAPS = 10;

    /** The defaults: on foot, the configured bands, the 10 largest gaps outside the largest band, the latest siting job. */
    public static LayerQuery defaults() {
        return new LayerQuery(null, null, null, DEFAULT_GAPS, null);
    }
}
