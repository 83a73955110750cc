package cn.servicemap.map;

import cn.servicemap.basemap.BasemapService;
import cn.servicemap.gis.basemap.BasemapTiles;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.synthetic.SyntheticCity;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web map needs before it draws anything: the region (name, whether it is synthetic, its
 * credits), where to look (bbox and centre of the basemap's road network), the offline basemap
 * and, when configured, an online tile layer with its datum (WGS84 or GCJ-02).
 */
@RestController
class MapConfigController {

    /** The first zoom the page opens at: a street-level view of a city core on a phone. */
    static final int START_ZOOM = 15;

    record Basemaps(Map<String, Object> offline, Map<String, Object> online) {
    }

    record MapConfig(Map<String, Object> region, List<Double> bbox, List<Double> center, int zoom, Basemaps basemaps,
                     String syntheticLabel, List<String> credits) {
    }

    private final RegionRepository regions;
    private final BasemapService basemap;
    private final MapProperties properties;

    MapConfigController(RegionRepository regions, BasemapService basemap, MapProperties properties) {
        this.regions = regions;
        this.basemap = basemap;
        this.properties = properties;
        if (properties.online().enabled()) {
            crs(properties.online().crs()); // fail at start on a bad datum, not on the first page view
        }
    }

    @Operation(summary = "Web map configuration: region, view, basemaps, credits")
    @GetMapping("/api/map-config")
    MapConfig config() {
        Optional<Region> region = regions.current();
        BasemapTiles tiles = basemap.basemap();
        Envelope b = tiles.bounds();
        List<Double> bbox = b.isNull() ? null : List.of(round(b.getMinX()), round(b.getMinY()), round(b.getMaxX()), round(b.getMaxY()));
        List<Double> center = b.isNull() ? null : List.of(round(b.centre().x), round(b.centre().y));

        Map<String, Object> r = new LinkedHashMap<>();
        region.ifPresent(x -> {
            r.put("code", x.code());
            r.put("nameZh", x.nameZh());
            r.put("synthetic", x.synthetic());
            r.put("description", x.description());
        });
        List<String> credits = new ArrayList<>(region.map(Region::credits).orElse(List.of()));
        if (credits.stream().noneMatch(c -> c.contains("OpenStreetMap")) && !tiles.synthetic()) {
            credits.add(0, "© OpenStreetMap contributors");
        }

        Map<String, Object> offline = new LinkedHashMap<>();
        offline.put("url", "/api/basemap/{z}/{x}/{y}.json");
        offline.put("name", tiles.synthetic() ? "离线底图（合成）" : "离线底图");
        offline.put("minZoom", 3);
        offline.put("maxZoom", 19);
        offline.put("synthetic", tiles.synthetic());
        offline.put("empty", tiles.featureCount() == 0);
        offline.put("source", tiles.source());
        offline.put("attribution", tiles.synthetic() ? SyntheticCity.LABEL : "© OpenStreetMap contributors");

        Map<String, Object> online = null;
        if (properties.online().enabled()) {
            MapProperties.Online o = properties.online();
            online = new LinkedHashMap<>();
            online.put("url", o.url());
            online.put("crs", crs(o.crs()).name());
            online.put("name", o.name());
            online.put("attribution", o.attribution() == null ? "" : o.attribution());
            online.put("subdomains", o.subdomains() == null ? "" : o.subdomains());
            online.put("maxZoom", o.maxZoom());
        }
        return new MapConfig(r, bbox, center, START_ZOOM, new Basemaps(offline, online), SyntheticCity.LABEL, credits);
    }

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
