package cn.servicemap.districts;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.geojson.GeoJsonGeometries;
import cn.servicemap.system.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final DistrictRepository repository;
    private final DistrictService service;

    DistrictController(DistrictRepository repository, DistrictService service) {
        this.repository = repository;
        this.service = service;
    }

    @GetMapping(produces = {"application/geo+json", "application/json"})
    Map<String, Object> districts(@RequestParam(defaultValue = "true") boolean geometry) {
        List<Map<String, Object>> features = repository.findAll().stream().map(d -> feature(d, geometry)).toList();
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    @GetMapping(value = "/{adcode}", produces = {"application/geo+json", "application/json"})
    Map<String, Object> district(@PathVariable String adcode) {
        return feature(repository.findByAdcode(adcode)
                .orElseThrow(() -> new NotFoundException("没有行政区划代码为 " + adcode + " 的区县 (no district " + adcode + ")")), true);
    }

    record BoundaryImportResult(int districts, List<String> adcodes) {
    }

    @PostMapping("/imports")
    BoundaryImportResult importBoundaries(@RequestPart("file") MultipartFile file,
                                          @RequestParam(defaultValue = "WGS84") String crs) throws IOException {
        CoordinateSystem system = CoordinateSystem.parse(crs);
        try (InputStream in = file.getInputStream()) {
            var imported = service.importBoundaries(in, system, file.getOriginalFilename() + " (" + system + ")");
            return new BoundaryImportResult(imported.size(), imported.stream().map(b -> b.adcode()).toList());
        }
    }

    @PostMapping("/population")
    DistrictService.CensusResult importCensus(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return service.importCensus(in, file.getOriginalFilename());
        }
    }

    private static Map<String, Object> feature(District d, boolean withGeometry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("adcode", d.adcode());
        properties.put("name", d.nameZh());
        properties.put("parentAdcode", d.parentAdcode());
        properties.put("level", d.level());
        properties.put("areaKm2", Math.round(d.areaKm2() * 100) / 100.0);
        properties.put("population", d.population());
        properties.put("urbanShare", d.urbanShare());
        properties.put("populationSource", d.populationSource());
        properties.put("boundarySource", d.boundarySource());
        properties.put("synthetic", d.synthetic());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", d.adcode());
        f.put("geometry", withGeometry ? GeoJsonGeometries.write(d.geometry()) : null);
        f.put("properties", properties);
        return f;
    }
}
