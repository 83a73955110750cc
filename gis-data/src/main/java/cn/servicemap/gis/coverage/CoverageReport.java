package cn.servicemap.gis.coverage;

import cn.servicemap.gis.network.TravelProfile;
import java.util.List;

/**
 * Coverage per district and for the whole region, for one travel profile and set of stations.
 *
 * @param searchLimitMinutes travel times beyond this were not searched
 * @param region             the sum of all districts; its {@code adcode} and {@code nameZh} are null, the caller
 *                           labels it (e.g. "全区域")
 * @param districts          one row per district, in the model's district order
 */
public record CoverageReport(TravelProfile profile, List<Integer> bandMinutes, int searchLimitMinutes,
                             DistrictCoverage region, List<DistrictCoverage> districts) {

    public CoverageReport {
        bandMinutes = List.copyOf(bandMinutes);
        districts = List.copyOf(districts);
    }
}
