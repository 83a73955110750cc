package cn.servicemap.catalog;

import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The kinds of service point and the services they offer, with their Chinese names and sources. */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    record CatalogResponse(List<StationKind> kinds, List<ServiceType> services) {
    }

    private final StationCatalog catalog;

    CatalogController(StationCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Station kinds and services with their Chinese names, map glyphs, colours and sources (站点类型与服务项目)")
    @GetMapping
    CatalogResponse catalog() {
        return new CatalogResponse(catalog.kinds(), catalog.services());
    }
}
