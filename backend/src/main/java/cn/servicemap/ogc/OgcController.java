package cn.servicemap.ogc;

import cn.servicemap.coverage.Bands;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.layers.Layer;
import cn.servicemap.layers.LayerQuery;
import cn.servicemap.layers.RegionLayers;
import cn.servicemap.region.Region;
import cn.servicemap.region.RegionRepository;
import cn.servicemap.region.RegionScope;
import cn.servicemap.system.Feature;
import cn.servicemap.system.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API – Features, Part 1 Core (GeoJSON, OpenAPI 3.0), per region at {@code /ogc/{region}}: landing page,
 * conformance, collections (the {@link Layer}s: stations, districts, service-area bands, gaps and — for planners — the
 * latest siting result) and their items with {@code bbox}, {@code limit} and {@code offset},
 * paged by {@code next} links — what QGIS ("WFS / OGC API – Features" connection), ArcGIS Pro and GDAL's OAPIF driver
 * read directly. Coordinates CRS84, or by Part 2 (CRS by reference) EPSG:4326, CGCS2000 (EPSG:4490) and its 3°
 * Gauss–Krüger zones ({@link OgcCrs}). {@code /ogc} lists the regions.
 */
@RestController
class OgcController {

    static final String GEOJSON = "application/geo+json";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    @Schema(description = "A link of an OGC API resource")
    record Link(String href, String rel, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String title) {
    }

    @Schema(description = "OGC API landing page")
    record Landing(String title, String description, List<Link> links) {
    }

    @Schema(description = "OGC API conformance classes")
    record Conformance(List<String> conformsTo) {
    }

    @Schema(description = "A collection's spatial extent (CRS84)")
    record Extent(Spatial spatial) {
    }

    record Spatial(List<double[]> bbox, String crs) {
    }

    @Schema(description = "An OGC API feature collection's description")
    record CollectionInfo(String id, String title, String description, @JsonInclude(JsonInclude.Include.NON_NULL) Extent extent,
                          String itemType, List<String> crs, String storageCrs, List<Link> links) {
    }

    record Collections(List<Link> links, List<CollectionInfo> collections) {
    }

    @Schema(description = "A page of an OGC API collection's items: a GeoJSON FeatureCollection with counts and paging links")
    record Items(String type, List<Feature<?>> features, long numberMatched, int numberReturned, String timeStamp, List<Link> links) {
    }

    private final RegionLayers features;
    private final RegionRepository regions;
    private final RegionScope scope;
    private final Clock clock;

    OgcController(RegionLayers features, RegionRepository regions, RegionScope scope, Clock clock) {
        this.features = features;
        this.regions = regions;
        this.scope = scope;
        this.clock = clock;
    }

    @Operation(summary = "OGC API – Features: the regions, each a landing page (开放地理数据接口)")
    @GetMapping(value = "/ogc", produces = MediaType.APPLICATION_JSON_VALUE)
    Landing regions() {
        List<Link> links = new ArrayList<>();
        links.add(new Link(base() + "/ogc", "self", MediaType.APPLICATION_JSON_VALUE, "ServiceMap OGC API – Features"));
        for (Region r : regions.findAll()) {
            links.add(new Link(base() + "/ogc/" + r.code(), "child", MediaType.APPLICATION_JSON_VALUE, r.nameZh()));
        }
        return new Landing("职工服务阵地地图 OGC API – Features", "One landing page per region", links);
    }

    @Operation(summary = "OGC API – Features landing page of a region")
    @GetMapping(value = "/ogc/{region}", produces = MediaType.APPLICATION_JSON_VALUE)
    Landing landing(@PathVariable String region) {
        Region r = scope.resolve(region).region();
        String at = base() + "/ogc/" + r.code();
        return new Landing(r.nameZh() + " · 职工服务阵地地图", "Stations, districts, service-area bands and gaps of " + r.nameZh() + " as OGC API – Features (GeoJSON, CRS84)",
                List.of(new Link(at, "self", MediaType.APPLICATION_JSON_VALUE, "this document"),
                        new Link(base() + "/v3/api-docs", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition"),
                        new Link(base() + "/swagger-ui.html", "service-doc", MediaType.TEXT_HTML_VALUE, "the API documentation"),
                        new Link(at + "/conformance", "conformance", MediaType.APPLICATION_JSON_VALUE, "conformance classes"),
                        new Link(at + "/collections", "data", MediaType.APPLICATION_JSON_VALUE, "the collections")));
    }

    @Operation(summary = "OGC API – Features conformance classes")
    @GetMapping(value = "/ogc/{region}/conformance", produces = MediaType.APPLICATION_JSON_VALUE)
    Conformance conformance(@PathVariable String region) {
        scope.resolve(region);
        return new Conformance(List.of("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
    }

    @Operation(summary = "OGC API – Features collections of a region")
    @GetMapping(value = "/ogc/{region}/collections", produces = MediaType.APPLICATION_JSON_VALUE)
    Collections collections(@PathVariable String region) {
        String code = scope.resolve(region).region().code();
        double[] regionBox = features.extent(code, false);
        List<CollectionInfo> out = new ArrayList<>();
        for (Layer c : Layer.values()) {
            if (features.readable(c)) {
                out.add(info(code, c, regionBox));
            }
        }
        return new Collections(List.of(new Link(base() + "/ogc/" + code + "/collections", "self", MediaType.APPLICATION_JSON_VALUE, null)), out);
    }

    @Operation(summary = "OGC API – Features: one collection's description")
    @GetMapping(value = "/ogc/{region}/collections/{collection}", produces = MediaType.APPLICATION_JSON_VALUE)
    CollectionInfo collection(@PathVariable String region, @PathVariable String collection) {
        String code = scope.resolve(region).region().code();
        return info(code, Layer.of(collection), features.extent(code, false));
    }

    @Operation(summary = "OGC API – Features: a page of a collection's items (GeoJSON), next link while more follow",
            description = "bands and gaps take the coverage parameters profile and bands, gaps also minutes and gaps (how many); siting takes job.")
    @GetMapping(value = "/ogc/{region}/collections/{collection}/items", produces = {GEOJSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Items> items(@PathVariable String region, @PathVariable String collection,
                                @Parameter(description = "The box, in bbox-crs's axis order (CRS84: minLon,minLat,maxLon,maxLat)") @RequestParam(required = false) String bbox,
                                @Parameter(description = "Items per page, 1–" + MAX_LIMIT) @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
                                @Parameter(description = "Items to skip (the next link sets it)") @RequestParam(defaultValue = "0") int offset,
                                @Parameter(description = "The bbox's CRS (default CRS84)") @RequestParam(value = "bbox-crs", required = false) String bboxCrs,
                                @Parameter(description = "The CRS of the answer: CRS84 (default), EPSG 4326, 4490 or a CGCS2000 Gauss–Krüger grid 4491–4554")
                                @RequestParam(required = false) String crs,
                                @Parameter(description = "bands, gaps: WALK (default), EBIKE or CAR") @RequestParam(required = false) TravelProfile profile,
                                @Parameter(description = "bands, gaps: band limits in minutes, e.g. 5,10,15") @RequestParam(required = false) Bands bands,
                                @Parameter(description = "gaps: the band they are outside of") @RequestParam(required = false) Integer minutes,
                                @Parameter(description = "gaps: how many, largest first") @RequestParam(defaultValue = "" + LayerQuery.DEFAULT_GAPS) int gaps,
                                @Parameter(description = "siting: a finished siting job") @RequestParam(required = false) String job) {
        if (limit < 1 || offset < 0) {
            throw new InvalidRequestException(limit < 1 ? "limit" : "offset", "应为正整数 (must be a positive whole number)");
        }
        OgcCrs answerCrs = OgcCrs.of(crs, "crs");
        BoundingBox box = OgcCrs.of(bboxCrs, "bbox-crs").toCrs84(bbox, "bbox");
        int size = Math.min(limit, MAX_LIMIT); // a larger limit is capped, as Part 1 allows
        String code = scope.resolve(region).region().code();
        Layer c = Layer.of(collection);
        LayerQuery query = new LayerQuery(profile, bands, minutes, gaps, job);
        RegionLayers.Page page = features.page(code, c, query, box, offset, size);
        String self = base() + "/ogc/" + code + "/collections/" + c.name() + "/items";
        String params = (bbox == null ? "" : "&bbox=" + encoded(bbox)) + (bboxCrs == null ? "" : "&bbox-crs=" + encoded(bboxCrs))
                + (crs == null ? "" : "&crs=" + encoded(crs))
                + (profile == null ? "" : "&profile=" + profile.name())
                + (bands == null ? "" : "&bands=" + bands.minutes().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                + (minutes == null ? "" : "&minutes=" + minutes)
                + (gaps == LayerQuery.DEFAULT_GAPS ? "" : "&gaps=" + gaps)
                + (job == null ? "" : "&job=" + encoded(job));
        List<Link> links = new ArrayList<>();
        links.add(new Link(self + "?limit=" + size + "&offset=" + offset + params, "self", GEOJSON, "this page"));
        if (offset + page.features().size() < page.matched()) {
            links.add(new Link(self + "?limit=" + size + "&offset=" + (offset + page.features().size()) + params, "next", GEOJSON, "next page"));
        }
        if (offset > 0) {
            links.add(new Link(self + "?limit=" + size + "&offset=" + Math.max(0, offset - size) + params, "prev", GEOJSON, "previous page"));
        }
        links.add(new Link(base() + "/ogc/" + code + "/collections/" + c.name(), "collection", MediaType.APPLICATION_JSON_VALUE, c.title));
        List<Feature<?>> converted = page.features().stream().<Feature<?>>map(f -> converted(f, answerCrs)).toList();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEOJSON)).header("Content-Crs", "<" + answerCrs.uri() + ">")
                .body(new Items("FeatureCollection", converted, page.matched(), page.features().size(),
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), links));
    }

    @Operation(summary = "OGC API – Features: one item (GeoJSON)")
    @GetMapping(value = "/ogc/{region}/collections/{collection}/items/{id}", produces = {GEOJSON, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Feature<?>> item(@PathVariable String region, @PathVariable String collection, @PathVariable String id,
                                    @RequestParam(required = false) TravelProfile profile, @RequestParam(required = false) Bands bands,
                                    @RequestParam(required = false) Integer minutes,
                                    @RequestParam(defaultValue = "" + LayerQuery.DEFAULT_GAPS) int gaps, @RequestParam(required = false) String job,
                                    @RequestParam(required = false) String crs) {
        OgcCrs answerCrs = OgcCrs.of(crs, "crs");
        String code = scope.resolve(region).region().code();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(GEOJSON)).header("Content-Crs", "<" + answerCrs.uri() + ">")
                .body(converted(features.one(code, Layer.of(collection), new LayerQuery(profile, bands, minutes, gaps, job), id), answerCrs));
    }

    private static Feature<?> converted(Feature<?> f, OgcCrs crs) {
        return new Feature<>(f.type(), f.id(), crs.convert(f.geometry()), f.properties());
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A collection's description; {@code regionBox} is the region's extent (its districts'), read once per request. */
    private CollectionInfo info(String code, Layer c, double[] regionBox) {
        String at = base() + "/ogc/" + code + "/collections/" + c.name();
        // stations: theirs; siting: none (not computed only to say where it lies); districts, bands and gaps: the region's
        double[] box = c == Layer.stations ? features.extent(code, true) : c == Layer.siting ? null : regionBox;
        return new CollectionInfo(c.name(), c.title, c.description, box == null ? null : new Extent(new Spatial(List.of(box), CRS84)),
                "feature", OgcCrs.offered(regionBox), CRS84, List.of(new Link(at, "self", MediaType.APPLICATION_JSON_VALUE, c.title),
                new Link(at + "/items", "items", GEOJSON, c.title)));
    }

    /** This server's address as the request reached it. */
    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
