package cn.servicemap.region;

import cn.servicemap.security.Role;
import cn.servicemap.security.Access;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.jobs.Job;
import cn.servicemap.jobs.JobService;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationRepository;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import cn.servicemap.system.ServiceMapProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

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
    private final RegionImportService imports;
    private final JobService jobs;
    private final ServiceMapProperties properties;

    private final Access access;

    RegionController(RegionRepository regions, RegionScope scope, DistrictRepository districts, StationRepository stations,
                     RegionImportService imports, JobService jobs, ServiceMapProperties properties, Access access) {
        this.access = access;
        this.imports = imports;
        this.jobs = jobs;
        this.properties = properties;
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

    @Operation(summary = "Create or replace a region from its files (添加区域): answers 202 with the import job to watch",
            description = "multipart: code (6-digit adcode), name, crs of the district file (DataV: GCJ02), osm (.osm or .osm.pbf), "
                    + "districts (GeoJSON), census (CSV: CODE, NAME, POPU[, POPU_URB]). The files are checked first (400 naming the "
                    + "file that does not fit); the road network is then built in the job.")
    @PostMapping(value = "/api/regions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Job> create(@RequestParam String code, @RequestParam String name,
                               @Parameter(description = "WGS84, CGCS2000, GCJ02 or BD09") @RequestParam CoordinateSystem crs,
                               @RequestPart("osm") MultipartFile osm, @RequestPart("districts") MultipartFile districtFile,
                               @RequestPart("census") MultipartFile census) throws IOException {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidRequestException("code", "区域代码应为城市或区县的 6 位行政区划代码，如 440300 (code: the 6-digit adcode, e.g. 440300)");
        }
        if (regions.findAll().stream().anyMatch(r -> r.code().equals(code))) {
            access.requireRegion("code", code, Role.REGION_ADMIN); // replacing a region: its own admin
        } else {
            access.requireEveryRegion("code", Role.REGION_ADMIN); // a new region: an admin
        }
        String lower = osm.getOriginalFilename() == null ? "" : osm.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
        String extension = lower.endsWith(".osm.pbf") || lower.endsWith(".pbf") ? ".osm.pbf" : lower.endsWith(".osm") ? ".osm" : null;
        if (extension == null) {
            throw new InvalidRequestException("osm", "OSM 文件应为 .osm 或 .osm.pbf (the OSM file must be .osm or .osm.pbf)");
        }
        // kept with the region: its network is built from this file now and again after every restart
        Path folder = Path.of(properties.regionsDir()).toAbsolutePath().resolve(code)
                .resolve(String.valueOf(System.currentTimeMillis()));
        Files.createDirectories(folder);
        Path osmPath = folder.resolve("extract" + extension);
        Path districtPath = folder.resolve("districts.json");
        Path censusPath = folder.resolve("census.csv");
        osm.transferTo(osmPath);
        districtFile.transferTo(districtPath);
        census.transferTo(censusPath);
        RegionImportService.Checked checked;
        try {
            checked = imports.check(code, name, osmPath, districtPath, crs, censusPath);
        } catch (RuntimeException | IOException e) {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder); // refused: nothing of it is kept
            throw e;
        }
        String actor = access.actor();
        Job job = jobs.start("region-import", code, RegionImportService.STAGES, progress -> {
            RegionImportService.Imported r = imports.apply(checked, actor, progress);
            return JobService.Outcome.of(r.region().code() + " " + r.region().nameZh() + "：" + r.districts() + " 个区县，路网 "
                    + r.edges() + " 段");
        });
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "One region: the one named, or the only one (区域)")
    @GetMapping("/api/region")
    RegionResponse region(@Parameter(description = "The region's code; may be left out while the instance holds one region")
                          @RequestParam(required = false) String region) {
        RegionScope.Scope s = scope.resolveIfAny(region).orElseThrow(() -> new NotFoundException(
                "尚未加载区域 (no region loaded yet: import a region, or start with the demo)"));
        return describe(s.region(), s.filterCode());
    }

    private RegionResponse describe(Region r, String filter) {
        int stationCount = filter == null ? stations.count()
                : stations.find(new StationFilter(java.util.Set.of(), java.util.Set.of(), null, null, null,
                        java.util.EnumSet.allOf(cn.servicemap.gis.stations.StationStatus.class), filter)).size();
        return new RegionResponse(r, districts.count(filter), stationCount, stations.dataVersion());
    }
}
