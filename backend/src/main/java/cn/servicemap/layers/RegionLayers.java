package cn.servicemap.layers;

import cn.servicemap.coverage.CoverageLayers;
import cn.servicemap.coverage.CoverageResponses;
import cn.servicemap.coverage.SitingService;
import cn.servicemap.districts.District;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.districts.RegionIndex;
import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.jobs.JobService;
import cn.servicemap.region.RegionScope;
import cn.servicemap.security.Access;
import cn.servicemap.security.Role;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.Feature;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Component;

/**
 * A region's data as flat GIS layers (see {@link Layer}): the stations (points), the districts (multipolygons with their
 * census people), the service-area bands and gaps of every open station, and the sites of a finished siting job.
 * Every item's properties are flat ({@link LayerItems}); polygons are always multipolygons, so that a layer has one
 * geometry type. Coordinates WGS84 longitude, latitude (CRS84). The OGC API collections and the file exports both read
 * the layers here, so that they hold the same features.
 */
@Component
public class RegionLayers {

    /** One page of a layer: its features, and how many match in all. */
    public record Page(List<Feature<?>> features, long matched) {
    }

    private final StationService stations;
    private final StationFeatures stationFeatures;
    private final DistrictRepository districts;
    private final RegionScope scope;
    private final RegionIndex regionIndex;
    private final CoverageLayers coverage;
    private final JobService jobs;
    private final Access access;
    private final Map<String, ServiceType> services;
    private final Map<String, StationKind> kinds;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    RegionLayers(StationService stations, StationFeatures stationFeatures, DistrictRepository districts, RegionScope scope,
                 StationCatalog catalog, RegionIndex regionIndex, CoverageLayers coverage, JobService jobs, Access access) {
        this.stations = stations;
        this.stationFeatures = stationFeatures;
        this.districts = districts;
        this.scope = scope;
        this.regionIndex = regionIndex;
        this.coverage = coverage;
        this.jobs = jobs;
        this.access = access;
        this.kinds = catalog.kinds().stream().collect(Collectors.toMap(StationKind::code, Function.identity()));
        this.services = catalog.services().stream().collect(Collectors.toMap(ServiceType::code, Function.identity()));
    }

    /** Whether the signed-in user may read this layer at all (siting results: planners only). */
    public boolean readable(Layer layer) {
        return layer != Layer.siting || access.current().map(u -> u.user().role().includes(Role.PLANNER)).orElse(false);
    }

    /** Every feature of a layer of the region (a code; null when the instance holds one region) within the box (null: all). */
    public List<Feature<?>> features(String region, Layer layer, LayerQuery query, BoundingBox bbox) {
        Envelope box = bbox == null ? null : new Envelope(bbox.minLon(), bbox.maxLon(), bbox.minLat(), bbox.maxLat());
        List<Feature<?>> all = switch (layer) {
            case stations -> stationItems(region, box);
            case districts -> districtItems(region);
            case bands -> bandItems(region, query);
            case gaps -> gapItems(region, query);
            case siting -> siteItems(region, query);
        };
        if (box == null || layer == Layer.stations) {
            return all;
        }
        return all.stream().filter(f -> f.geometry().getEnvelopeInternal().intersects(box)).toList();
    }

    /** A page of a layer within the box (null: all), from {@code offset}, at most {@code limit}. */
    public Page page(String region, Layer layer, LayerQuery query, BoundingBox bbox, int offset, int limit) {
        List<Feature<?>> all = features(region, layer, query, bbox);
        int from = Math.min(offset, all.size());
        return new Page(List.copyOf(all.subList(from, Math.min(all.size(), from + limit))), all.size());
    }

    /** One feature of a layer by its id, or a 404. */
    public Feature<?> one(String region, Layer layer, LayerQuery query, String id) {
        if (layer == Layer.stations) {
            // one station, not the whole layer: the common case of a client following an item link
            try {
                long stationId = Long.parseLong(id);
                ServicePoint p = stations.get(stationId);
                if (p != null && stations.find(new StationFilter(Set.of(), Set.of(), null,
                        new Envelope(p.lon(), p.lon(), p.lat(), p.lat()), null, Set.of(), scope.resolve(region).filterCode()))
                        .stream().anyMatch(s -> s.id() == stationId)) {
                    return station(p);
                }
            } catch (NumberFormatException | NotFoundException e) {
                // not a station of this region: the 404 below
            }
            throw missing(layer, id);
        }
        return features(region, layer, query, null).stream().filter(f -> String.valueOf(f.id()).equals(id)).findFirst()
                .orElseThrow(() -> missing(layer, id));
    }

    /** The layer as a table of columns and rows, for the file exports. */
    public LayerTable table(String region, Layer layer, LayerQuery query) {
        return LayerTable.of(layer, features(region, layer, query, null));
    }

    /** The bounding box (CRS84) of the region's stations or of its districts, null when there are none. */
    public double[] extent(String region, boolean stationsOnly) {
        Envelope e = new Envelope();
        for (Feature<?> f : features(region, stationsOnly ? Layer.stations : Layer.districts, LayerQuery.defaults(), null)) {
            e.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        return e.isNull() ? null : new double[]{e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    private static NotFoundException missing(Layer layer, String id) {
        return new NotFoundException("图层 " + layer.name() + " 中没有要素 " + (id.length() > 40 ? id.substring(0, 40) : id) + " (no such feature)");
    }

    /** The region's stations as the registry holds them. */
    List<ServicePoint> stationPoints(String region, Envelope box) {
        return stations.find(new StationFilter(Set.of(), Set.of(), null, box, null, Set.of(), scope.resolve(region).filterCode()));
    }

    /** A district's name by its adcode, if the region knows it. */
    String districtName(String adcode) {
        return adcode == null ? null : regionIndex.districtName(adcode).orElse(null);
    }

    private List<Feature<?>> stationItems(String region, Envelope box) {
        List<Feature<?>> out = new ArrayList<>();
        for (ServicePoint p : stationPoints(region, box)) {
            out.add(station(p));
        }
        return out;
    }

    private Feature<?> station(ServicePoint p) {
        var hours = stationFeatures.openingHours(p);
        LayerItems.StationItem item = new LayerItems.StationItem(p.id(), p.code(), p.name(), p.kind(),
                kinds.containsKey(p.kind()) ? kinds.get(p.kind()).nameZh() : p.kind(), p.address(), p.adcode(),
                districtName(p.adcode()), p.phone(), p.openingHours(),
                hours == null ? null : hours.toChinese(),
                p.services().stream().map(s -> services.containsKey(s) ? services.get(s).nameZh() : s).collect(Collectors.joining("、")),
                p.capacity(), p.status().name(), p.entry() == null ? null : p.entry().name(), p.entry() == null ? null : p.entry().nameZh(),
                p.staffed(), p.stepFree(), p.areaM2(), p.verifiedAt() == null ? null : p.verifiedAt().toString(), p.hostOrg(),
                p.operatingUnion(), p.source(), p.demo(), p.synthetic());
        return Feature.of(p.id(), geometries.createPoint(new Coordinate(p.lon(), p.lat())), item);
    }

    private List<Feature<?>> districtItems(String region) {
        RegionScope.Scope where = scope.resolve(region);
        List<District> all = where.several() ? districts.findAll(where.region().code()) : districts.findAll();
        List<Feature<?>> out = new ArrayList<>();
        for (District d : all) {
            out.add(Feature.of(d.adcode(), multi(d.geometry()), new LayerItems.DistrictItem(d.adcode(), d.nameZh(), d.parentAdcode(),
                    d.level(), d.areaKm2(), d.population(), d.populationSource(), d.boundarySource(), d.synthetic())));
        }
        return out;
    }

    private List<Feature<?>> bandItems(String region, LayerQuery q) {
        var bands = coverage.bands(CoverageLayers.Selection.of(region, q.profile(), q.bands()), false, null);
        List<Feature<?>> out = new ArrayList<>();
        for (Feature<CoverageResponses.BandProperties> f : bands.features()) {
            CoverageResponses.BandProperties b = f.properties();
            out.add(Feature.of(b.minutes(), multi(f.geometry()), new LayerItems.BandItem(b.minutes(), b.areaKm2(), bands.profile().name(),
                    bands.profileName(), bands.dataVersion())));
        }
        return out;
    }

    private List<Feature<?>> gapItems(String region, LayerQuery q) {
        if (q.gaps() < 1 || q.gaps() > cn.servicemap.coverage.CoverageLimits.MAX_GAPS) {
            throw new InvalidRequestException("gaps", "应为 1–" + cn.servicemap.coverage.CoverageLimits.MAX_GAPS
                    + " (how many gaps, 1–" + cn.servicemap.coverage.CoverageLimits.MAX_GAPS + ")");
        }
        var gaps = coverage.gaps(CoverageLayers.Selection.of(region, q.profile(), q.bands()), q.minutes(), q.gaps());
        List<Feature<?>> out = new ArrayList<>();
        for (Feature<CoverageResponses.GapProperties> f : gaps.features()) {
            CoverageResponses.GapProperties g = f.properties();
            CoverageResponses.SuggestedSite s = g.suggestedSite();
            out.add(Feature.of(g.rank(), multi(f.geometry()), new LayerItems.GapItem(g.rank(), g.minutes(), g.people(), g.areaKm2(),
                    g.adcode(), g.districtName(), s == null ? null : s.lon(), s == null ? null : s.lat(), s == null ? null : s.street(),
                    s == null ? null : s.peopleNewlyCovered(), gaps.profile().name(), gaps.dataVersion())));
        }
        return out;
    }

    private List<Feature<?>> siteItems(String region, LayerQuery q) {
        String code = scope.resolve(region).region().code();
        access.requireRegion("region", code, Role.PLANNER);
        String job = q.sitingJob() != null ? q.sitingJob() : jobs.latestAnswered("siting", code).orElse(null);
        if (job == null) {
            return List.of(); // no siting job finished for the region yet
        }
        SitingService.Result r = jobs.answer(job, SitingService.Result.class).filter(a -> a.region().code().equals(code))
                .orElseThrow(() -> new InvalidRequestException("job", "不是本区域已完成的选址任务 (not a finished siting job of region " + code + ")"));
        TravelProfile profile = r.profile();
        List<Feature<?>> out = new ArrayList<>();
        for (SitingService.Site s : r.sites()) {
            out.add(Feature.of(s.rank(), geometries.createPoint(new Coordinate(s.lon(), s.lat())), new LayerItems.SiteItem(s.rank(),
                    s.name(), s.street(), s.peopleGained(), r.minutes(), profile.name(), r.objective().name(), r.dataVersion(), job)));
        }
        return out;
    }

    /** A polygon as a multipolygon of one, so that a layer has one geometry type. */
    private Geometry multi(Geometry g) {
        return g instanceof Polygon p ? geometries.createMultiPolygon(new Polygon[]{p}) : g instanceof MultiPolygon ? g
                : geometries.createMultiPolygon(polygons(g));
    }

    private static Polygon[] polygons(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                out.add(p);
            }
        }
        return out.toArray(Polygon[]::new);
    }
}
