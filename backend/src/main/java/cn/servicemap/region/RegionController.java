package cn.servicemap.region;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The regions this instance holds: each with its status, size and credits. */
@RestController
class RegionController {

    @Schema(description = "A region with how much it holds")
    record RegionResponse(Region region, int districts, int stations, long dataVersion) {
    }

    @Schema(description = "Every region of this instance (区域列表), the one loaded last first")
    record Regions(List<RegionResponse> regions) {
    }

    private final RegionRepository regions;
    private final RegionScope scope;
    private final DistrictRepository districts;
    private final StationRepository stations;

    RegionController(RegionRepository regions, RegionScope scope, DistrictRepository districts, StationRepository stations) {
        this.regions = regions;
        this.scope = scope;
        this.districts = districts;
        this.stations = stations;
    }

    @Operation(summary = "The regions of this instance with status (导入中/可用/失败), districts and stations (区域列表)")
    @GetMapping("/api/regions")
    Regions list() {
        List<Region> all = regions.findAll();
        return new Regions(all.stream().map(r -> describe(r, all.size() > 1 ? r.code() : null)).toList());
    }

    @Operation(summary = "One region: the one named, or the only one (区域)")
    @GetMapping("/api/region")
    RegionResponse region(@Parameter(description = "The region's code; may be left out while the instance holds one region")
                          @RequestParam(required = false) String region) {
        Region r = scope.resolveIfAny(region).orElseThrow(() -> new NotFoundException(
                "尚未加载区域 (no region loaded yet: import a region, or start with the demo)"));
        return describe(r, scope.filterCode(r));
    }

    private RegionResponse describe(Region r, String filter) {
        int stationCount = filter == null ? stations.count()
                : stations.find(new StationFilter(java.util.Set.of(), java.util.Set.of(), null, null, null,
                        java.util.EnumSet.allOf(cn.servicemap.gis.stations.StationStatus.class), filter)).size();
        return new RegionResponse(r, districts.count(filter), stationCount, stations.dataVersion());
    }
}
