package cn.servicemap.region;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What region this instance holds, whether it is synthetic, and the credits to show. */
@RestController
class RegionController {

    record RegionResponse(Region region, int districts, int stations, long dataVersion) {
    }

    private final RegionRepository regions;
    private final DistrictRepository districts;
    private final StationRepository stations;

    RegionController(RegionRepository regions, DistrictRepository districts, StationRepository stations) {
        this.regions = regions;
        this.districts = districts;
        this.stations = stations;
    }

    @Operation(summary = "The region this instance holds, whether it is synthetic, and its credits (区域)")
    @GetMapping("/api/region")
    RegionResponse region() {
        Region r = regions.current().orElseThrow(() -> new NotFoundException(
                "尚未加载区域 (no region loaded yet: import districts and stations, or start with the demo)"));
        return new RegionResponse(r, districts.count(), stations.count(), stations.dataVersion());
    }
}
