package cn.servicemap.stations;

import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import cn.servicemap.gis.hours.OpeningHours;
import cn.servicemap.region.RegionRepository;
import cn.servicemap.system.ServiceMapProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A station's printable sign with its QR code (站点标识牌, {@link StationSign}) and the short address the QR code holds,
 * {@code /s/<station code>}, which opens the station's page on the worker's map.
 */
@RestController
class StationSignController {

    private final StationService stations;
    private final StationFeatures features;
    private final StationCatalog catalog;
    private final DistrictRepository districts;
    private final RegionRepository regions;
    private final ServiceMapProperties properties;

    StationSignController(StationService stations, StationFeatures features, StationCatalog catalog, DistrictRepository districts,
                          RegionRepository regions, ServiceMapProperties properties) {
        this.stations = stations;
        this.features = features;
        this.catalog = catalog;
        this.districts = districts;
        this.regions = regions;
        this.properties = properties;
    }

    @Operation(summary = "A station's printable sign, A5 SVG (站点标识牌): name, station code, hours, how to get in and a QR code of its page",
            description = "The QR code holds <servicemap.public-url>/s/<code> (or this request's address when no public URL is set).")
    @GetMapping(value = "/api/stations/{id}/sign.svg", produces = "image/svg+xml")
    ResponseEntity<byte[]> sign(@PathVariable long id) {
        ServicePoint p = stations.get(id);
        OpeningHours hours = features.openingHours(p);
        String kind = catalog.resolveKind(p.kind()).map(StationKind::nameZh).orElse(p.kind());
        String svg = StationSign.svg(new StationSign.Content(kind, p.name(), p.code(), hours == null ? null : hours.toChinese(),
                StationFeatures.Access.of(p).text(), p.operatingUnion(), pageUrl(p.code())));
        return ResponseEntity.ok()
                .contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("sign-" + p.code() + ".svg").build().toString())
                .cacheControl(CacheControl.noCache())
                .eTag("\"" + p.version() + "\"")
                .body(svg.getBytes(StandardCharsets.UTF_8));
    }

    @Operation(summary = "Open a station's page by its code (扫码打开站点): redirects to the worker's map with the station open")
    @GetMapping("/s/{code}")
    ResponseEntity<Void> open(@Parameter(description = "The station code on its sign, e.g. 320102-01-000042") @PathVariable String code) {
        ServicePoint p = stations.byCode(code.strip());
        String region = regions.findAll().size() > 1 && p.adcode() != null ? districts.regionOf(p.adcode()).orElse(null) : null;
        URI to = URI.create("/?station=" + p.id() + (region == null ? "" : "&region=" + java.net.URLEncoder.encode(region, StandardCharsets.UTF_8)));
        return ResponseEntity.status(HttpStatus.FOUND).location(to).build();
    }

    /** The station page's address the QR code holds. */
    private String pageUrl(String code) {
        String base = properties.publicUrl() == null || properties.publicUrl().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : properties.publicUrl().strip();
        return base.replaceAll("/+$", "") + "/s/" + code;
    }
}
