package cn.servicemap.coverage;

import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.region.Region;
import java.util.Map;

/**
 * Everything coverage computes on for the loaded region: the road network, the population surface
 * and, per travel profile, how the two meet. Immutable once loaded; shared by all requests.
 *
 * @param load which load of the region this is (counts up): results computed on an earlier load are stale
 */
record RegionNetwork(Region region, long load, RoadNetwork network, PopulationSurface surface,
                     Map<TravelProfile, CoverageModel> models) {

    CoverageModel model(TravelProfile profile) {
        CoverageModel m = models.get(profile);
        if (m == null) {
            throw new NetworkUnavailableException("出行方式 " + profile.chineseLabel() + " 未导入路网 (profile " + profile
                    + " is not imported; set servicemap.network.profiles)");
        }
        return m;
    }
}
