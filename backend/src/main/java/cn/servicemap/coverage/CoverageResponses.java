package cn.servicemap.coverage;

import cn.servicemap.gis.access.Catchment;
import cn.servicemap.gis.access.ServiceBand;
import cn.servicemap.gis.coverage.BandCoverage;
import cn.servicemap.gis.coverage.Coverage;
import cn.servicemap.gis.coverage.CoverageDelta;
import cn.servicemap.gis.coverage.CoverageReport;
import cn.servicemap.gis.coverage.DistrictCoverage;
import cn.servicemap.gis.coverage.Gap;
import cn.servicemap.gis.geojson.GeoJsonGeometries;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.stations.ServicePoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the coverage endpoints answer with. Every answer names its region, profile and data
 * version, and every report says which part of each district the road network covers.
 */
final class CoverageResponses {

    private CoverageResponses() {
    }

    static Map<String, Object> header(RegionNetwork region, TravelProfile profile, long dataVersion) {
        Map<String, Object> h = new LinkedHashMap<>();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", region.region().code());
        r.put("name", region.region().nameZh());
        r.put("synthetic", region.region().synthetic());
        h.put("region", r);
        h.put("profile", profile.name());
        h.put("profileName", profile.chineseLabel());
        h.put("dataVersion", dataVersion);
        return h;
    }

    static Map<String, Object> report(CoverageService.State state, Coverage coverage) {
        Map<String, Object> out = header(state.region(), state.profile(), state.dataVersion());
        CoverageReport report = coverage.report();
        Map<String, Integer> stationsByDistrict = new HashMap<>();
        int active = 0;
        for (int i = 0; i < coverage.field().sourceCount(); i++) {
            if (!coverage.field().isActive(i)) {
                continue;
            }
            active++;
            if (i < state.sources().size()) {
                ServicePoint p = state.sources().get(i);
                if (p.adcode() != null) {
                    stationsByDistrict.merge(p.adcode(), 1, Integer::sum);
                }
            }
        }
        out.put("bands", report.bandMinutes());
        out.put("searchLimitMinutes", report.searchLimitMinutes());
        Map<String, Object> stations = new LinkedHashMap<>();
        stations.put("counted", active);
        stations.put("flagged", state.flagged());
        out.put("stations", stations);
        out.put("total", district(report.region(), active));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DistrictCoverage d : report.districts()) {
            rows.add(district(d, stationsByDistrict.getOrDefault(d.adcode(), 0)));
        }
        out.put("districts", rows);
        out.put("note", "人口与道路只统计路网覆盖的部分（见各区“路网覆盖”）；人口为按普查数据估算。"
                + " (People and roads are counted only in the part of each district the road network covers; people are estimated from the census.)");
        return out;
    }

    private static Map<String, Object> district(DistrictCoverage d, int stations) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("adcode", d.adcode());
        m.put("name", d.nameZh());
        m.put("censusPeople", d.censusPeople());
        m.put("districtAreaKm2", round(d.districtAreaKm2(), 2));
        m.put("coveredAreaKm2", round(d.coveredAreaKm2(), 2));
        m.put("coveredShareOfArea", round(d.coveredShareOfArea(), 4));
        m.put("coveredPart", String.format("路网覆盖 %.1f / %.1f km²（%.1f%%）", d.coveredAreaKm2(), d.districtAreaKm2(),
                100 * d.coveredShareOfArea()));
        m.put("people", Math.round(d.people()));
        m.put("populationMethod", d.populationMethod());
        m.put("roadKm", round(d.roadKm(), 2));
        List<Map<String, Object>> bands = new ArrayList<>();
        for (BandCoverage b : d.bands()) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("minutes", b.minutes());
            bm.put("peopleCovered", Math.round(b.peopleCovered()));
            bm.put("peopleShare", round(b.peopleShare(), 4));
            bm.put("roadKmCovered", round(b.roadKmCovered(), 2));
            bm.put("roadShare", round(b.roadShare(), 4));
            bands.add(bm);
        }
        m.put("bands", bands);
        m.put("meanMinutes", d.meanMinutes() == null ? null : round(d.meanMinutes(), 1));
        m.put("p90Minutes", d.p90Minutes() == null ? null : round(d.p90Minutes(), 1));
        m.put("peopleBeyondLimit", Math.round(d.peopleBeyondLimit()));
        m.put("peopleFarFromRoad", Math.round(d.peopleFarFromRoad()));
        m.put("stations", stations);
        m.put("stationsPer10kPeople", d.censusPeople() == null || d.censusPeople() == 0 ? null
                : round(stations * 10_000.0 / d.censusPeople(), 3));
        return m;
    }

    static Map<String, Object> delta(CoverageDelta delta, List<Integer> bands) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CoverageDelta.Row r : delta.districts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("adcode", r.adcode());
            m.put("name", r.nameZh());
            List<Map<String, Object>> perBand = new ArrayList<>();
            for (int b = 0; b < bands.size(); b++) {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("minutes", bands.get(b));
                bm.put("peopleGained", Math.round(r.peopleGained()[b]));
                bm.put("peopleLost", Math.round(r.peopleLost()[b]));
                bm.put("netChange", Math.round(r.peopleGained()[b]) - Math.round(r.peopleLost()[b]));
                perBand.add(bm);
            }
            m.put("bands", perBand);
            if (r.adcode() == null) {
                out.put("total", m);
            } else {
                rows.add(m);
            }
        }
        out.put("districts", rows);
        return out;
    }

    static Map<String, Object> bands(Map<String, Object> header, List<ServiceBand> bands, boolean rings) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (ServiceBand b : bands) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("minutes", b.toSeconds() / 60);
            props.put("fromMinutes", rings ? b.fromSeconds() / 60 : 0);
            props.put("areaKm2", round(b.areaInSquareMeters() / 1e6, 3));
            features.add(feature(null, b.area(), props));
        }
        return collection(header, features);
    }

    static Map<String, Object> catchments(Map<String, Object> header, List<Catchment> catchments, List<ServicePoint> sources) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (Catchment c : catchments) {
            ServicePoint p = c.sourceIndex() < sources.size() ? sources.get(c.sourceIndex()) : null;
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("stationId", p == null ? null : p.id());
            props.put("name", p == null ? null : p.name());
            props.put("areaKm2", round(c.areaInSquareMeters() / 1e6, 3));
            features.add(feature(p == null ? null : p.id(), c.area(), props));
        }
        return collection(header, features);
    }

    static Map<String, Object> gaps(Map<String, Object> header, List<Gap> gaps, Map<String, String> districtNames) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (Gap g : gaps) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("rank", g.rank());
            props.put("minutes", g.bandMinutes());
            props.put("people", Math.round(g.people()));
            props.put("areaKm2", round(g.areaKm2(), 3));
            props.put("adcode", g.adcode());
            props.put("districtName", districtNames.get(g.adcode()));
            if (g.site() != null) {
                Map<String, Object> site = new LinkedHashMap<>();
                site.put("lon", round(g.site().lon(), 7));
                site.put("lat", round(g.site().lat(), 7));
                site.put("street", g.site().street());
                site.put("peopleNewlyCovered", Math.round(g.site().peopleNewlyCovered()));
                props.put("suggestedSite", site);
            }
            features.add(feature(g.rank(), g.outline(), props));
        }
        return collection(header, features);
    }

    static Map<String, Object> feature(Object id, org.locationtech.jts.geom.Geometry geometry, Map<String, Object> props) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        if (id != null) {
            f.put("id", id);
        }
        f.put("geometry", geometry == null ? null : GeoJsonGeometries.write(geometry));
        f.put("properties", props);
        return f;
    }

    private static Map<String, Object> collection(Map<String, Object> header, List<Map<String, Object>> features) {
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.putAll(header);
        fc.put("features", features);
        return fc;
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
