package cn.servicemap.gis.coverage;

import cn.servicemap.gis.network.TravelProfile;
import java.util.List;

/**
 * Coverage per district and for the whole region, for one travel profile and set of stations.
 *
 * @param searchLimitMinutes travel times beyond this were not searched
 */
public record CoverageReport(TravelProfile profile, List<Integer> bandMinutes, int searchLimitMinutes,
                             DistrictCoverage region, List<DistrictCoverage> districts) {

    public CoverageReport {
        bandMinutes = List.copyOf(bandMinutes);
        districts = List.copyOf(districts);
    }
}
