package cn.servicemap.coverage;

import cn.servicemap.basemap.TileIds;
import cn.servicemap.gis.access.ServiceAreaTile;
import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Duration;
import java.util.List;
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
 * Service-area bands as map tiles (PNG), for regions whose band polygons are too large to send whole: the map asks
 * only for the tiles it shows. The same bands as GET /api/coverage/bands, drawn by {@link ServiceAreaTile}.
 */
@RestController
class CoverageTileController {

    private static final String REGION = "The region's code (区域代码); may be left out while the instance holds one region";

    private final WhatIfs whatIfs;

    CoverageTileController(WhatIfs whatIfs) {
        this.whatIfs = whatIfs;
    }

    @Operation(summary = "One map tile (Web-Mercator XYZ, 256 px PNG) of the service-area bands (服务圈瓦片)",
            description = "Pixels inside band k are painted colors[k]; everything else is transparent. Zoom "
                    + ServiceAreaTile.MIN_ZOOM + "–20. The ETag changes with the data version.")
    @GetMapping(value = "/api/coverage/tiles/{z}/{x}/{y}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> tile(@PathVariable String z, @PathVariable String x, @PathVariable String y,
                                @Parameter(description = "WALK (步行), EBIKE (电动自行车) or CAR (驾车)") @RequestParam(defaultValue = "WALK") TravelProfile profile,
            @Parameter(description = REGION) @RequestParam(required = false) String region,
                                @Parameter(description = "Band limits in minutes, ascending, e.g. 5,10,15") @RequestParam(required = false) Bands bands,
                                @Parameter(description = "Only stations of these kinds") @RequestParam(required = false) List<String> kind,
            @Parameter(description = WhatIfs.SERVICES) @RequestParam(required = false) List<String> service,
                                @RequestParam(defaultValue = "false") boolean openNow,
            @Parameter(description = WhatIfs.AT) @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime at,
                                @Parameter(description = "One colour per band, RRGGBB, comma-separated, e.g. 1a9850,91cf60,fee08b", required = true)
                                @RequestParam String colors,
                                @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        TileId tile = TileIds.parse(z, x, y);
        if (tile.z() < ServiceAreaTile.MIN_ZOOM) {
            throw new InvalidRequestException("z", "服务圈瓦片从第 " + ServiceAreaTile.MIN_ZOOM + " 级开始 (band tiles start at zoom "
                    + ServiceAreaTile.MIN_ZOOM + ")");
        }
        int[] rgb = colours(colors);
        CoverageService.State state = whatIfs.state(region, profile, bands, kind, service, whatIfs.moment(openNow, at), null);
        List<Integer> minutes = state.coverage().bandMinutes();
        if (rgb.length != minutes.size()) {
            throw new InvalidRequestException("colors", "颜色个数应与时间圈个数相同（" + minutes.size() + "）(one colour per band: "
                    + minutes.size() + ")");
        }
        // weak: the same bands at the same data version draw the same tile; Tomcat may compress a weakly tagged answer
        String etag = "W/\"" + state.region().region().code() + "-" + state.region().load() + "-" + state.dataVersion() + "-"
                + Integer.toHexString((profile + "|" + minutes + "|" + state.selection() + "|" + colors.toLowerCase()).hashCode())
                + "-" + tile.z() + "-" + tile.x() + "-" + tile.y() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(1)).mustRevalidate();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        byte[] png = ServiceAreaTile.png(state.field(), minutes.stream().map(m -> m * 60).toList(), tile, rgb);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).eTag(etag).cacheControl(cache).body(png);
    }

    /** {@code 1a9850,91cf60,fee08b} (an optional leading # each) as 0xRRGGBB values. */
    private static int[] colours(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > CoverageLimits.MAX_BANDS) {
            throw new InvalidRequestException("colors", "最多 " + CoverageLimits.MAX_BANDS + " 种颜色 (at most "
                    + CoverageLimits.MAX_BANDS + " colours)");
        }
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String c = parts[i].trim().replaceFirst("^#", "");
            if (!c.matches("[0-9a-fA-F]{6}")) {
                throw new InvalidRequestException("colors", "颜色应为六位十六进制 RRGGBB，如 1a9850 (colours must be RRGGBB hex, e.g. 1a9850)");
            }
            out[i] = Integer.parseInt(c, 16);
        }
        return out;
    }
}
