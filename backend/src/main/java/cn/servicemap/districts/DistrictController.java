package cn.servicemap.districts;

import cn.servicemap.security.Role;
import cn.servicemap.security.Access;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.region.RegionScope;
import cn.servicemap.system.Feature;
import cn.servicemap.system.FeatureCollection;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Districts as GeoJSON, and their import (boundaries with a declared coordinate system; census population). */
@RestController
@RequestMapping("/api/districts")
class DistrictController {

    @Schema(description = "A district (区县) with its census population and sources")
    record DistrictProperties(String adcode, String name, @Schema(nullable = true) String parentAdcode,
                              @Schema(nullable = true) String level, double areaKm2,
                              @Schema(description = "Census population (普查人口)", nullable = true) Long population,
                              @Schema(nullable = true) Double urbanShare, @Schema(nullable = true) String populationSource,
                              @Schema(nullable = true) String boundarySource, boolean synthetic) {
    }

    @Schema(description = "What a boundary import stored")
    record BoundaryImportResult(int districts, List<String> adcodes) {
    }

    private static final String REGION = "The region's code (区域代码); may be left out while the instance holds one region";

    private final DistrictRepository repository;
    private final DistrictService service;
    private final RegionScope scope;

    private final Access access;

    DistrictController(DistrictRepository repository, DistrictService service, RegionScope scope, Access access) {
        this.access = access;
        this.repository = repository;
        this.service = service;
        this.scope = scope;
    }

    /** The region's code when the instance holds several, else null (everything is the one region's). */
    private String filter(String region) {
        return scope.resolveIfAny(region).map(RegionScope.Scope::filterCode).orElse(null);
    }

    /** A region admin of the region (an admin, while there is no region yet) may replace its districts and census. */
    private void requireRegionAdmin(String owner) {
        if (owner == null) {
            access.requireEveryRegion("region", Role.REGION_ADMIN);
        } else {
            access.requireRegion("region", owner, Role.REGION_ADMIN);
        }
    }

    /** The region new districts belong to: the one named or the only one; null while there is none. */
    private String owner(String region) {
        return scope.resolveIfAny(region).map(s -> s.region().code()).orElse(null);
    }

    @Operation(summary = "Districts as a GeoJSON FeatureCollection (区县)")
    @GetMapping(produces = {"application/geo+json", "application/json"})
    FeatureCollection<DistrictProperties> districts(@Parameter(description = "false leaves the boundaries out")
                                                    @RequestParam(defaultValue = "true") boolean geometry,
                                                    @Parameter(description = REGION) @RequestParam(required = false) String region) {
        return FeatureCollection.of(repository.findAll(filter(region)).stream().map(d -> feature(d, geometry)).toList());
    }

    @Operation(summary = "One district with its boundary and census population (区县)")
    @GetMapping(value = "/{adcode}", produces = {"application/geo+json", "application/json"})
    Feature<DistrictProperties> district(@PathVariable String adcode) {
        return feature(repository.findByAdcode(adcode)
                .orElseThrow(() -> new NotFoundException("没有行政区划代码为 " + adcode + " 的区县 (no district " + adcode + ")")), true);
    }

    @Operation(summary = "Import district boundaries from GeoJSON; DataV files are GCJ-02 (导入行政区划)")
    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BoundaryImportResult importBoundaries(@RequestPart("file") MultipartFile file,
                                          @Parameter(description = "WGS84, CGCS2000, GCJ02 or BD09") @RequestParam(defaultValue = "WGS84") CoordinateSystem crs,
                                          @Parameter(description = REGION) @RequestParam(required = false) String region)
            throws IOException {
        String owner = owner(region);
        requireRegionAdmin(owner);
        try (InputStream in = file.getInputStream()) {
            var imported = service.importBoundaries(in, crs, file.getOriginalFilename() + " (" + crs + ")", owner);
            return new BoundaryImportResult(imported.size(), imported.stream().map(b -> b.adcode()).toList());
        } catch (IllegalArgumentException | IOException e) { // not JSON, a limit passed, a feature that does not fit: in words
            throw new InvalidRequestException("file", "无法读取区县边界文件 (cannot read the boundary file): " + e.getMessage());
        }
    }

    @Operation(summary = "Import census population by adcode: CODE, NAME, POPU[, POPU_URB] (导入人口普查)")
    @PostMapping(value = "/population", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DistrictService.CensusResult importCensus(@RequestPart("file") MultipartFile file,
                                              @Parameter(description = REGION) @RequestParam(required = false) String region)
            throws IOException {
        String filter = filter(region);
        requireRegionAdmin(owner(region));
        try (InputStream in = file.getInputStream()) {
            return service.importCensus(in, file.getOriginalFilename(), filter);
        } catch (IllegalArgumentException | IOException e) { // a limit passed, a row that does not fit: in words
            throw new InvalidRequestException("file", "无法读取人口普查文件 (cannot read the census file): " + e.getMessage());
        }
    }

    private static Feature<DistrictProperties> feature(District d, boolean withGeometry) {
        return Feature.of(d.adcode(), withGeometry ? d.geometry() : null, new DistrictProperties(d.adcode(), d.nameZh(),
                d.parentAdcode(), d.level(), Math.round(d.areaKm2() * 100) / 100.0, d.population(), d.urbanShare(),
                d.populationSource(), d.boundarySource(), d.synthetic()));
    }
}
