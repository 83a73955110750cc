package cn.servicemap.basemap;

import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.region.RegionScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offline basemap tiles of the region's own OSM data, so the map works on an intranet with no tile
 * server. Tiles are JSON, one FeatureCollection per layer in integer tile units (see
 * {@link cn.servicemap.gis.basemap.BasemapTiles}); the web map draws them on canvas.
 */
@RestController
class BasemapController {

    private final BasemapService basemap;
    private final RegionScope scope;

    BasemapController(BasemapService basemap, RegionScope scope) {
        this.basemap = basemap;
        this.scope = scope;
    }

    @Operation(summary = "One offline basemap tile (Web-Mercator XYZ) as JSON (离线底图瓦片)",
            description = "Layers landuse, green, water, waterway, buildings, roads, railways, labels; coordinates are integers "
                    + "0–extent across the tile (y down), with a buffer. synthetic=true for a generated city. "
                    + "Map data © OpenStreetMap contributors (ODbL).")
    @GetMapping("/api/basemap/{z}/{x}/{y}.json")
    ResponseEntity<byte[]> tile(@PathVariable String z, @PathVariable String x, @PathVariable String y,
                                @Parameter(description = "The region's code (区域代码); may be left out while the instance holds one region")
                                @RequestParam(required = false) String region,
                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        TileId id = TileIds.parse(z, x, y);
        BasemapService.Tile tile = basemap.tile(scope.resolveIfAny(region).map(RegionScope.Scope::region), id);
        // Tiles change only when the region is reloaded: let browsers keep them an hour, then revalidate by ETag.
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        if (tile.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tile.etag()).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(tile.etag()).cacheControl(cache)
                .body(tile.json());
    }
}
