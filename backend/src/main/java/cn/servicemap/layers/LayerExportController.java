package cn.servicemap.layers;

import cn.servicemap.coverage.Bands;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.system.ForbiddenException;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of a region's layers for GIS staff and phones: {@code GET /api/export/{layer}?format=…} for stations,
 * districts, bands, gaps and siting (planners only), as GeoJSON, a zipped Shapefile, KML, GeoPackage, CSV or XLSX.
 */
@RestController
class LayerExportController {

    private final LayerExports exports;
    private final RegionLayers layers;

    LayerExportController(LayerExports exports, RegionLayers layers) {
        this.exports = exports;
        this.layers = layers;
    }

    @Operation(summary = "Download a layer as a GIS file (导出图层): GeoJSON, zipped Shapefile, KML, GeoPackage, CSV or XLSX",
            description = "Layers: stations, districts, bands (服务圈), gaps (服务缺口), siting (选址结果, planners only). WGS84 throughout. "
                    + "A Shapefile's text is GBK unless encoding=UTF-8; its .cpg says which.")
    @GetMapping("/api/export/{layer}")
    ResponseEntity<byte[]> export(@PathVariable String layer,
                                  @Parameter(description = "geojson, shp, kml, gpkg, csv or xlsx") @RequestParam(defaultValue = "geojson") ExportFormat format,
                                  @Parameter(description = "The region's code; may be left out while the instance holds one region")
                                  @RequestParam(required = false) String region,
                                  @Parameter(description = "Shapefile text encoding: GBK (default) or UTF-8") @RequestParam(defaultValue = "GBK") String encoding,
                                  @Parameter(description = "bands, gaps: WALK (default), EBIKE or CAR") @RequestParam(required = false) TravelProfile profile,
                                  @Parameter(description = "bands, gaps: band limits in minutes, e.g. 5,10,15") @RequestParam(required = false) Bands bands,
                                  @Parameter(description = "gaps: the band they are outside of (default the largest)") @RequestParam(required = false) Integer minutes,
                                  @Parameter(description = "gaps: how many, largest first (default 10)") @RequestParam(defaultValue = "" + LayerQuery.DEFAULT_GAPS) int gaps,
                                  @Parameter(description = "siting: a finished siting job (default the region's latest)") @RequestParam(required = false) String job) {
        ShapefileZip.Encoding text = encoding(encoding);
        Layer l = Layer.of(layer);
        if (!layers.readable(l)) {
            throw new ForbiddenException("layer", "选址结果只有规划人员可以导出 (siting results: planners only)");
        }
        return exports.download(region, l, new LayerQuery(profile, bands, minutes, gaps, job), format, text);
    }

    private static ShapefileZip.Encoding encoding(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "GBK", "CP936", "936" -> ShapefileZip.Encoding.GBK;
            case "UTF8" -> ShapefileZip.Encoding.UTF8;
            default -> throw new InvalidRequestException("encoding", "应为 GBK 或 UTF-8 (GBK or UTF-8)");
        };
    }
}
