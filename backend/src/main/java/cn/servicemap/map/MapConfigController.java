package cn.servicemap.map;

import cn.servicemap.basemap.BasemapService;
import cn.servicemap.gis.basemap.BasemapTiles;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionScope;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.RequestParam;
import cn.servicemap.system.ServiceMapProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web map needs before it draws anything: the region (name, whether it is synthetic, its
 * credits), where to look (bbox and centre of the basemap's road network), the default service-area
 * bands, the offline basemap and, when configured, an online tile layer with its datum (WGS84 or GCJ-02).
 */
@RestController
class MapConfigController {

    /** The first zoom the page opens at: a street-level view of a city core on a phone. */
    static final int START_ZOOM = 15;

    @Schema(description = "The region the map shows (区域)")
    record RegionSummary(String code, String nameZh, boolean synthetic, String description) {
    }

    @Schema(description = "The offline basemap cut from the region's own OSM data (离线底图)")
    record OfflineBasemap(String url, String name, int minZoom, int maxZoom, boolean synthetic,
                          @Schema(description = "true when the region's OSM data holds nothing to draw") boolean empty,
                          String source, String attribution) {
    }

    @Schema(description = "An online tile layer and its datum (在线底图), when configured")
    record OnlineBasemap(String url, @Schema(description = "WGS84 or GCJ02") String crs, String name, String attribution,
                         String subdomains, int maxZoom) {
    }

    record Basemaps(OfflineBasemap offline, @Schema(nullable = true) OnlineBasemap online) {
    }

    @Schema(description = "Web map configuration (地图配置)")
    record MapConfig(@Schema(nullable = true) RegionSummary region,
                     @Schema(description = "minLon,minLat,maxLon,maxLat of the road network (WGS84)", nullable = true) List<Double> bbox,
                     @Schema(description = "lon,lat", nullable = true) List<Double> center, int zoom,
                     @Schema(description = "Default service-area bands in minutes (默认服务圈), ascending") List<Integer> bands,
                     @Schema(description = "Draw the bands as tiles by default (城市级区域用瓦片): the region's OSM extract is "
                             + "city-sized, too large to send its bands as one GeoJSON") boolean bandTiles,
                     Basemaps basemaps, String syntheticLabel, List<String> credits) {
    }

    private final RegionScope scope;
    private final BasemapService basemap;
    private final MapProperties properties;
    private final List<Integer> bands;

    MapConfigController(RegionScope scope, BasemapService basemap, MapProperties properties,
                        ServiceMapProperties settings) {
        this.scope = scope;
        this.basemap = basemap;
        this.properties = properties;
        this.bands = List.copyOf(settings.network().bandsInMinutes());
        if (properties.online().enabled()) {
            crs(properties.online().crs()); // fail at start on a bad datum, not on the first page view
        }
    }

    @Operation(summary = "Web map configuration: region, view, default bands, basemaps, credits (地图配置)")
    @GetMapping("/api/map-config")
    MapConfig config(@Parameter(description = "The region's code (区域代码); may be left out while the instance holds one region")
                     @RequestParam(required = false) String region) {
        Optional<Region> where = scope.resolveIfAny(region).map(RegionScope.Scope::region);
        BasemapTiles tiles = basemap.basemap(where);
        Envelope b = tiles.bounds();
        List<Double> bbox = b.isNull() ? null : List.of(round(b.getMinX()), round(b.getMinY()), round(b.getMaxX()), round(b.getMaxY()));
        List<Double> center = b.isNull() ? null : List.of(round(b.centre().x), round(b.centre().y));

        List<String> credits = new ArrayList<>(where.map(Region::credits).orElse(List.of()));
        if (credits.stream().noneMatch(c -> c.contains("OpenStreetMap")) && !tiles.synthetic()) {
            credits.add(0, "© OpenStreetMap contributors");
        }
        OfflineBasemap offline = new OfflineBasemap("/api/basemap/{z}/{x}/{y}.json",
                tiles.synthetic() ? "离线底图（合成）" : "离线底图", 3, 19, tiles.synthetic(), tiles.featureCount() == 0,
                tiles.source(), tiles.synthetic() ? SyntheticCity.LABEL : "© OpenStreetMap contributors");
        OnlineBasemap online = null;
        if (properties.online().enabled()) {
            MapProperties.Online o = properties.online();
            online = new OnlineBasemap(o.url(), crs(o.crs()).name(), o.name(), o.attribution() == null ? "" : o.attribution(),
                    o.subdomains() == null ? "" : o.subdomains(), o.maxZoom());
        }
        return new MapConfig(where.map(x -> new RegionSummary(x.code(), x.nameZh(), x.synthetic(), x.description())).orElse(null),
                bbox, center, START_ZOOM, bands, where.map(MapConfigController::cityScale).orElse(false),
                new Basemaps(offline, online), SyntheticCity.LABEL, credits);
    }

    /**
     * Whether a region is city-scale: its OSM extract is at least {@value #CITY_SCALE_OSM_BYTES} bytes (about a
     * quarter of a million streets in XML, half a million in .pbf), read from the file without loading the network.
     */
    static boolean cityScale(Region region) {
        try {
            return region.osmSource() != null && java.nio.file.Files.size(java.nio.file.Path.of(region.osmSource())) >= CITY_SCALE_OSM_BYTES;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static final long CITY_SCALE_OSM_BYTES = 40L * 1024 * 1024;

    /** The online layer's datum: WGS84 (CGCS2000 counts as WGS84) or GCJ02; BD-09 tiles use another grid and are refused. */
    private static CoordinateSystem crs(String value) {
        CoordinateSystem crs = CoordinateSystem.parse(value);
        if (crs == CoordinateSystem.BD09) {
            throw new IllegalStateException("servicemap.map.online.crs=BD09 is not supported: Baidu tiles use their own "
                    + "tile grid; configure a WGS84 or GCJ-02 tile service (百度瓦片网格不同，请使用 WGS84 或 GCJ-02 瓦片服务)");
        }
        return crs == CoordinateSystem.CGCS2000 ? CoordinateSystem.WGS84 : crs;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
