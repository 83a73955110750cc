package cn.servicemap.ogc;

import cn.servicemap.districts.District;
import cn.servicemap.districts.DistrictRepository;
import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.region.RegionScope;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.stations.StationFilter;
import cn.servicemap.stations.StationService;
import cn.servicemap.system.Feature;
import cn.servicemap.system.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.stereotype.Component;

/**
 * A region's data as OGC API – Features collections: the stations (points) and the districts (multipolygons with
 * their census people), each feature's properties flat — numbers, text and yes/no only — so that QGIS, ArcGIS and
 * GDAL read every one as a column. Coordinates CRS84 (WGS84 longitude, latitude).
 */
@Component
public class OgcFeatures {

    /** The collections, in the order the landing page lists them. */
    enum Collection {
        stations("服务阵地站点 Stations", "The region's service points (驿站 …) with kind, hours, services and how one gets in"),
        districts("行政区 Districts", "The region's districts with their census people, as the coverage report counts them");

        final String title;
        final String description;

        Collection(String title, String description) {
            this.title = title;
            this.description = description;
        }

        static Collection of(String id) {
            for (Collection c : values()) {
                if (c.name().equals(id)) {
                    return c;
                }
            }
            throw new NotFoundException("没有这个要素集合：" + (id.length() > 40 ? id.substring(0, 40) : id) + " (no such collection)");
        }
    }

    @Schema(description = "A station as an OGC API feature: flat columns")
    record StationItem(long id, String code, String name, String kind, String kindName, String address, String adcode, String districtName,
                       String phone, String openingHours, String openingHoursText, String services, Integer capacity, String status,
                       String entry, String entryText, Boolean staffed, Boolean stepFree, Double areaM2, String verifiedAt,
                       String hostOrg, String operatingUnion, String source, boolean demo, boolean synthetic) {
    }

    @Schema(description = "A district as an OGC API feature: flat columns")
    record DistrictItem(String adcode, String name, String parentAdcode, String level, double areaKm2, Long population,
                        String populationSource, String boundarySource, boolean synthetic) {
    }

    /** One page of a collection: its features, how many match, and whether more follow. */
    record Page(List<Feature<?>> features, long matched) {
    }

    private final StationService stations;
    private final StationFeatures stationFeatures;
    private final DistrictRepository districts;
    private final RegionScope scope;
    private final Map<String, ServiceType> services;
    private final Map<String, cn.servicemap.gis.catalog.StationKind> kinds;
    private final cn.servicemap.districts.RegionIndex regionIndex;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), 4326);

    OgcFeatures(StationService stations, StationFeatures stationFeatures, DistrictRepository districts, RegionScope scope,
                StationCatalog catalog, cn.servicemap.districts.RegionIndex regionIndex) {
        this.regionIndex = regionIndex;
        this.kinds = catalog.kinds().stream().collect(Collectors.toMap(cn.servicemap.gis.catalog.StationKind::code, Function.identity()));
        this.stations = stations;
        this.stationFeatures = stationFeatures;
        this.districts = districts;
        this.scope = scope;
        this.services = catalog.services().stream().collect(Collectors.toMap(ServiceType::code, Function.identity()));
    }

    /** A page of a collection within the box (null: all), from {@code offset}, at most {@code limit}. */
    Page page(String region, Collection c, BoundingBox bbox, int offset, int limit) {
        List<Feature<?>> all = switch (c) {
            case stations -> stationItems(region, bbox);
            case districts -> districtItems(region, bbox);
        };
        int from = Math.min(offset, all.size());
        return new Page(List.copyOf(all.subList(from, Math.min(all.size(), from + limit))), all.size());
    }

    /** One feature of a collection by its id. */
    Feature<?> one(String region, Collection c, String id) {
        return page(region, c, null, 0, Integer.MAX_VALUE).features().stream().filter(f -> String.valueOf(f.id()).equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("集合 " + c.name() + " 中没有要素 " + (id.length() > 40 ? id.substring(0, 40) : id)
                        + " (no such feature)"));
    }

    /** The bounding box of a whole collection (CRS84), null when it is empty. */
    double[] extent(String region, Collection c) {
        Envelope e = new Envelope();
        for (Feature<?> f : page(region, c, null, 0, Integer.MAX_VALUE).features()) {
            e.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        return e.isNull() ? null : new double[]{e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    private List<Feature<?>> stationItems(String region, BoundingBox bbox) {
        String filterCode = scope.resolve(region).filterCode();
        Envelope box = bbox == null ? null : new Envelope(bbox.minLon(), bbox.maxLon(), bbox.minLat(), bbox.maxLat());
        List<ServicePoint> points = stations.find(new StationFilter(Set.of(), Set.of(), null, box, null, Set.of(), filterCode));
        List<Feature<?>> out = new ArrayList<>();
        for (ServicePoint p : points) {
            var hours = stationFeatures.openingHours(p);
            StationItem item = new StationItem(p.id(), p.code(), p.name(), p.kind(),
                    kinds.containsKey(p.kind()) ? kinds.get(p.kind()).nameZh() : p.kind(), p.address(), p.adcode(),
                    p.adcode() == null ? null : regionIndex.districtName(p.adcode()).orElse(null), p.phone(), p.openingHours(), hours == null ? null : hours.toChinese(),
                    p.services().stream().map(s -> services.containsKey(s) ? services.get(s).nameZh() : s).collect(Collectors.joining("、")),
                    p.capacity(), p.status().name(), p.entry() == null ? null : p.entry().name(), p.entry() == null ? null : p.entry().nameZh(),
                    p.staffed(), p.stepFree(), p.areaM2(), p.verifiedAt() == null ? null : p.verifiedAt().toString(), p.hostOrg(),
                    p.operatingUnion(), p.source(), p.demo(), p.synthetic());
            out.add(Feature.of(p.id(), geometries.createPoint(new Coordinate(p.lon(), p.lat())), item));
        }
        return out;
    }

    private List<Feature<?>> districtItems(String region, BoundingBox bbox) {
        RegionScope.Scope where = scope.resolve(region);
        List<District> all = where.several() ? districts.findAll(where.region().code()) : districts.findAll();
        List<Feature<?>> out = new ArrayList<>();
        for (District d : all) {
            Geometry g = d.geometry();
            if (bbox != null && !g.getEnvelopeInternal().intersects(new Envelope(bbox.minLon(), bbox.maxLon(), bbox.minLat(), bbox.maxLat()))) {
                continue;
            }
            out.add(Feature.of(d.adcode(), g, new DistrictItem(d.adcode(), d.nameZh(), d.parentAdcode(), d.level(), d.areaKm2(),
                    d.population(), d.populationSource(), d.boundarySource(), d.synthetic())));
        }
        return out;
    }
}
