package cn.servicemap.coverage;

import cn.servicemap.gis.access.Catchment;
import cn.servicemap.gis.access.ServiceBand;
import cn.servicemap.gis.coverage.BandCoverage;
import cn.servicemap.gis.coverage.Coverage;
import cn.servicemap.gis.coverage.CoverageDelta;
import cn.servicemap.gis.coverage.CoverageReport;
import cn.servicemap.gis.coverage.DistrictCoverage;
import cn.servicemap.gis.coverage.Gap;
import cn.servicemap.gis.network.TravelProfile;
import cn.servicemap.stations.ServicePoint;
import cn.servicemap.stations.StationFeatures;
import cn.servicemap.system.Feature;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * The JSON the coverage endpoints answer with, as records built from gis-data's results. Every answer
 * names its region, profile and data version, and every report says which part of each district the road
 * network covers. The total row of a report or a difference has a null adcode and is named 全区域 here.
 */
public final class CoverageResponses {

    /** What the UI calls the row summing all districts. */
    static final String TOTAL_NAME = "全区域";

    private CoverageResponses() {
    }

    @Schema(description = "The region an answer is for (区域)")
    public record RegionRef(String code, String name, boolean synthetic) {
    }

    @Schema(description = "Stations counted, and stations that could not be used as they are")
    public record StationCounts(int counted, List<CoverageService.FlaggedStation> flagged) {
    }

    @Schema(description = "People and road-km within one band (服务圈)")
    public record BandRow(int minutes, long peopleCovered,
                          @Schema(description = "peopleCovered ÷ people (覆盖率, people)") double peopleShare,
                          double roadKmCovered,
                          @Schema(description = "roadKmCovered ÷ roadKm (覆盖率, road length)") double roadShare) {
    }

    @Schema(description = "Coverage of one district, or of the whole region when adcode is null (全区域)")
    public record DistrictRow(@Schema(nullable = true) String adcode, String name,
                              @Schema(description = "The district's census population (普查人口), whole district", nullable = true) Long censusPeople,
                              double districtAreaKm2,
                              @Schema(description = "Area of the district the road network covers (路网覆盖面积)") double coveredAreaKm2,
                              double coveredShareOfArea,
                              @Schema(description = "The covered part in words, e.g. 路网覆盖 5.2 / 75.5 km²（6.9%）") String coveredPart,
                              @Schema(description = "People counted: those living in the covered part (估算人口)") long people,
                              String populationMethod, double roadKm, List<BandRow> bands,
                              @Schema(nullable = true) Double meanMinutes, @Schema(nullable = true) Double p90Minutes,
                              long peopleBeyondLimit, long peopleFarFromRoad,
                              @Schema(description = "Stations counted in the district (驿站数)") int stations,
                              @Schema(description = "Stations per 10,000 of the people counted (每万人驿站数): stations ÷ people × 10,000, "
                                      + "the same people as the people column, not the whole district's census", nullable = true)
                              Double stationsPer10kPeople) {
    }

    @Schema(description = "Coverage report (覆盖率报告): per district and for the region")
    public record Report(RegionRef region, TravelProfile profile, String profileName, long dataVersion,
                         @Schema(description = "Band limits in minutes, ascending") List<Integer> bands,
                         int searchLimitMinutes, StationCounts stations, DistrictRow total, List<DistrictRow> districts,
                         String note,
                         @Schema(description = "Whom the people columns count (需求): residents or a worker group") DemandRef demand,
                         @Schema(description = "The moment whose open stations count (at=, or now for openNow); null: every open station",
                                 nullable = true) java.time.LocalDateTime openAt,
                         @Schema(description = "When the holiday calendar does not know that date's year: it is taken as an ordinary day",
                                 nullable = true) String calendarNote) {

        /** The same report for a moment, with what the holiday calendar says about it. */
        Report at(java.time.LocalDateTime moment, String note) {
            return new Report(region, profile, profileName, dataVersion, bands, searchLimitMinutes, stations, total, districts, this.note,
                    demand, moment, note);
        }
    }

    @Schema(description = "People newly inside and no longer inside one band (新增覆盖 / 失去覆盖)")
    public record DeltaBand(int minutes, long peopleGained, long peopleLost, long netChange) {
    }

    public record DeltaRow(@Schema(nullable = true) String adcode, String name, List<DeltaBand> bands) {
    }

    @Schema(description = "A what-if against the stored stations, per district and in total")
    public record Delta(DeltaRow total, List<DeltaRow> districts) {
    }

    @Schema(description = "A service-area band (服务圈): nested from 0, or a ring from fromMinutes")
    public record BandProperties(int minutes, int fromMinutes, double areaKm2) {
    }

    @Schema(description = "Where one station is the nearest, within the largest band")
    public record CatchmentProperties(@Schema(nullable = true) Long stationId, @Schema(nullable = true) String name, double areaKm2) {
    }

    @Schema(description = "The street point where one new station covers the most people of a gap")
    public record SuggestedSite(double lon, double lat, String street, long peopleNewlyCovered) {
    }

    @Schema(description = "A gap (服务缺口): a connected area outside the band, ranked by the people in it")
    public record GapProperties(int rank, int minutes, long people, double areaKm2, String adcode,
                                @Schema(nullable = true) String districtName,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true) SuggestedSite suggestedSite) {
    }

    @Schema(description = "A GeoJSON FeatureCollection of coverage features, with the region, profile and data version")
    public record Features<P>(String type, RegionRef region, TravelProfile profile, String profileName, long dataVersion,
                              List<Feature<P>> features) {
    }

    @Schema(description = "The worker's position and where it meets the street network")
    public record Origin(double lon, double lat, double snappedLon, double snappedLat, double distanceToRoadInMeters,
                         @Schema(nullable = true) String street) {
    }

    @Schema(description = "One station found by travel time")
    public record Found(long id, double minutes, long meters,
                        @Schema(description = "The way there as a LineString, or null", ref = "#/components/schemas/GeoJsonGeometry") Geometry route,
                        Feature<StationFeatures.StationProperties> station) {
    }

    @Schema(description = "The nearest open stations by travel time (最近的驿站)")
    public record Nearest(RegionRef region, TravelProfile profile, String profileName, long dataVersion, Origin from,
                          List<Found> stations,
                          @Schema(description = "When filtered by a moment whose year the holiday calendar does not know", nullable = true)
                          String calendarNote) {
    }

    @Schema(description = "Whom coverage counts (需求): residents, or a worker group's demand on the same cells, with its method")
    public record DemandRef(@Schema(description = "RESIDENTS, RIDERS, SANITATION or DRIVERS") String code, String name,
                            @Schema(description = "The unit of the people columns, e.g. 人 or 出行点权重（相对值）") String unit,
                            String method, @Schema(description = "true: relative units, compare shares not totals") boolean relative) {
    }

    static DemandRef demand(cn.servicemap.gis.population.Demand d) {
        return new DemandRef(d.kind().name(), d.kind().labelZh(), d.unitZh(), d.methodZh() + " (" + d.methodEn() + ")", d.relative());
    }

    @Schema(description = "One hour of the week for a district or the region (按小时覆盖)")
    public record WeekHour(@Schema(description = "0 = Monday 00:00 … 167 = Sunday 23:00") int hour,
                           @Schema(description = "Stations open at the hour's start") int openStations,
                           long peopleWithin, @Schema(description = "peopleWithin ÷ people, 0–1", nullable = true) Double peopleShare,
                           double roadKmWithin, @Schema(description = "roadKmWithin ÷ road km, 0–1", nullable = true) Double roadShare,
                           @Schema(description = "People within the band of two or more open stations (交叉覆盖), when asked", nullable = true)
                           Long peopleWithTwo,
                           @Schema(description = "peopleWithTwo ÷ people, when asked", nullable = true) Double crossShare) {
    }

    @Schema(description = "A district's (or the region's) week: its people and roads, and each hour's figures")
    public record WeekRow(@Schema(nullable = true) String adcode, String name, long people, double roadKm, List<WeekHour> hours) {
    }

    @Schema(description = "Coverage by hour of the week (按小时覆盖): for each of the 168 hours, people and road-km within the band of a "
            + "station open then, per district")
    public record Week(RegionRef region, TravelProfile profile, String profileName, long dataVersion, DemandRef demand, int minutes,
                       @Schema(description = "The week's Monday") java.time.LocalDate monday, boolean crossCoverage,
                       @Schema(description = "Stations counted (open, on the network)") int stations,
                       @Schema(description = "Of them, stations without opening hours: closed in every hour") int stationsWithoutHours,
                       WeekRow total, List<WeekRow> districts,
                       @Schema(description = "When the holiday calendar does not know the week's year", nullable = true) String calendarNote,
                       double computedInMillis, String note) {
    }

    @Schema(description = "Where an added, moved or reopened station lands on the street network")
    public record Placed(double lon, double lat, @Schema(nullable = true) String street) {
    }

    @Schema(description = "A what-if (假设分析): the new report, the difference, where stations landed, optionally the new bands")
    public record WhatIf(RegionRef region, TravelProfile profile, String profileName, long dataVersion, double computedInMillis,
                         Report report, Delta delta, List<Placed> placed,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true) Features<BandProperties> bands,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "交叉覆盖 after the changes, when asked for", nullable = true)
                         Cross cross) {
    }

    @Schema(description = "People reaching two or more stations within one band (交叉覆盖)")
    public record CrossBand(int minutes, long peopleWithTwo,
                            @Schema(description = "peopleWithTwo ÷ the row's people, 0–1", nullable = true) Double share,
                            @Schema(description = "Road length from which two or more stations are within the band, km") double roadKmWithTwo,
                            @Schema(description = "roadKmWithTwo ÷ the row's roadKm, 0–1", nullable = true) Double roadShare) {
    }

    public record CrossRow(@Schema(nullable = true) String adcode, @Schema(nullable = true) String name, long people,
                           @Schema(description = "Road length counted, km (as in the coverage report)") double roadKm,
                           List<CrossBand> bands) {
    }

    @Schema(description = "交叉覆盖 per district and for the region: people within reach of at least two stations")
    public record Cross(RegionRef region, TravelProfile profile, String profileName, long dataVersion,
                        @Schema(description = "Band limits in minutes, ascending") List<Integer> bands, CrossRow total,
                        List<CrossRow> districts, String note) {
    }

    static Cross cross(CoverageService.State state, cn.servicemap.gis.coverage.CrossCoverage c) {
        java.util.function.Function<cn.servicemap.gis.coverage.CrossCoverage.Row, CrossRow> row = r -> {
            List<CrossBand> bands = new java.util.ArrayList<>();
            double roadKm = r.roadMeters() / 1000;
            for (int b = 0; b < c.bandMinutes().size(); b++) {
                double w = r.peopleWithTwo().get(b);
                double km = r.roadMetersWithTwo().get(b) / 1000;
                bands.add(new CrossBand(c.bandMinutes().get(b), Math.round(w), r.people() > 0 ? round(w / r.people(), 4) : null,
                        round(km, 2), roadKm > 0 ? round(km / roadKm, 4) : null));
            }
            return new CrossRow(r.adcode(), r.nameZh(), Math.round(r.people()), round(roadKm, 2), bands);
        };
        return new Cross(region(state.region()), state.profile(), state.profile().chineseLabel(), state.dataVersion(),
                c.bandMinutes(), row.apply(c.region()), c.districts().stream().map(row).toList(),
                "交叉覆盖：可在服务圈时长内到达两个或更多不同站点的人口与道路里程（与覆盖率报告同一人口与路网范围）"
                        + " (people and road-km that reach at least two different stations within the band; the same people and roads as the coverage report)");
    }

    static Week week(CoverageService.State all, cn.servicemap.gis.coverage.WeekCoverage w, int stationsWithoutHours, String calendarNote,
                     double millis) {
        WeekRow total = weekRow(w, -1);
        List<WeekRow> districts = new ArrayList<>();
        for (int d = 0; d < w.districtAdcodes().size(); d++) {
            districts.add(weekRow(w, d));
        }
        return new Week(region(all.region()), all.profile(), all.profile().chineseLabel(), all.dataVersion(),
                demand(all.coverage().model().surface().demand()), w.bandMinutes(), w.monday(),
                w.crossCoverage(), all.sources().size(), stationsWithoutHours, total, districts, calendarNote, round(millis, 1),
                "每小时按整点时开放的站点计算；未填开放时间的站点不计入；节假日按节假日安排。 (Each hour counts the stations open at its "
                        + "start; stations without opening hours count as closed; public holidays follow the holiday calendar.)");
    }

    /** A district's week (district index {@code d}), or the region's ({@code d} = -1). */
    private static WeekRow weekRow(cn.servicemap.gis.coverage.WeekCoverage w, int d) {
        List<WeekHour> hours = new ArrayList<>();
        cn.servicemap.gis.coverage.WeekCoverage.Row first = d < 0 ? w.region(0) : w.districts(0).get(d);
        for (int h = 0; h < cn.servicemap.gis.coverage.WeekCoverage.HOURS; h++) {
            cn.servicemap.gis.coverage.WeekCoverage.Row r = d < 0 ? w.region(h) : w.districts(h).get(d);
            hours.add(new WeekHour(h, r.openStations(), Math.round(r.peopleWithinBand()), share(r.peopleWithinBand(), r.people()),
                    round(r.roadMetersWithinBand() / 1000, 2), share(r.roadMetersWithinBand(), r.roadMeters()),
                    r.peopleWithTwo() == null ? null : Math.round(r.peopleWithTwo()),
                    r.peopleWithTwo() == null ? null : share(r.peopleWithTwo(), r.people())));
        }
        return new WeekRow(first.adcode(), d < 0 ? TOTAL_NAME : first.nameZh(), Math.round(first.people()), round(first.roadMeters() / 1000, 2),
                hours);
    }

    private static Double share(double part, double whole) {
        return whole <= 0 ? null : round(part / whole, 4);
    }

    static RegionRef region(RegionNetwork region) {
        return new RegionRef(region.region().code(), region.region().nameZh(), region.region().synthetic());
    }

    static Report report(CoverageService.State state, Coverage coverage) {
        CoverageReport report = coverage.report();
        Map<String, Integer> stationsByDistrict = new HashMap<>();
        int active = 0;
        for (int i = 0; i < coverage.field().sourceCount(); i++) {
            if (!coverage.field().isActive(i)) {
                continue;
            }
            active++;
            String adcode = state.adcodeOfSource(i);
            if (adcode != null) {
                stationsByDistrict.merge(adcode, 1, Integer::sum);
            }
        }
        List<DistrictRow> rows = new ArrayList<>();
        for (DistrictCoverage d : report.districts()) {
            rows.add(district(d, stationsByDistrict.getOrDefault(d.adcode(), 0)));
        }
        return new Report(region(state.region()), state.profile(), state.profile().chineseLabel(), state.dataVersion(),
                report.bandMinutes(), report.searchLimitMinutes(), new StationCounts(active, state.flagged()),
                district(report.region(), active), rows,
                "人口与道路只统计路网覆盖的部分（见各区“路网覆盖”）；人口为按普查数据估算；每万人驿站数按同一估算人口计算。"
                        + " (People and roads are counted only in the part of each district the road network covers; people are "
                        + "estimated from the census; stations per 10,000 people use the same estimated people.)",
                demand(coverage.model().surface().demand()), null, null);
    }

    private static DistrictRow district(DistrictCoverage d, int stations) {
        List<BandRow> bands = new ArrayList<>();
        for (BandCoverage b : d.bands()) {
            bands.add(new BandRow(b.minutes(), Math.round(b.peopleCovered()), round(b.peopleShare(), 4),
                    round(b.roadKmCovered(), 2), round(b.roadShare(), 4)));
        }
        long people = Math.round(d.people());
        return new DistrictRow(d.adcode(), d.adcode() == null ? TOTAL_NAME : d.nameZh(), d.censusPeople(),
                round(d.districtAreaKm2(), 2), round(d.coveredAreaKm2(), 2), round(d.coveredShareOfArea(), 4),
                String.format("路网覆盖 %.1f / %.1f km²（%.1f%%）", d.coveredAreaKm2(), d.districtAreaKm2(), 100 * d.coveredShareOfArea()),
                people, d.populationMethod(), round(d.roadKm(), 2), bands,
                d.meanMinutes() == null ? null : round(d.meanMinutes(), 1), d.p90Minutes() == null ? null : round(d.p90Minutes(), 1),
                Math.round(d.peopleBeyondLimit()), Math.round(d.peopleFarFromRoad()), stations,
                people == 0 ? null : round(stations * 10_000.0 / people, 3));
    }

    static Delta delta(CoverageDelta delta, List<Integer> bands) {
        DeltaRow total = null;
        List<DeltaRow> rows = new ArrayList<>();
        for (CoverageDelta.Row r : delta.districts()) {
            List<DeltaBand> perBand = new ArrayList<>();
            for (int b = 0; b < bands.size(); b++) {
                long gained = Math.round(r.peopleGained()[b]);
                long lost = Math.round(r.peopleLost()[b]);
                perBand.add(new DeltaBand(bands.get(b), gained, lost, gained - lost));
            }
            if (r.adcode() == null) {
                total = new DeltaRow(null, TOTAL_NAME, perBand);
            } else {
                rows.add(new DeltaRow(r.adcode(), r.nameZh(), perBand));
            }
        }
        return new Delta(total, rows);
    }

    static <P> Features<P> features(CoverageService.State state, List<Feature<P>> features) {
        return new Features<>("FeatureCollection", region(state.region()), state.profile(), state.profile().chineseLabel(),
                state.dataVersion(), features);
    }

    static Features<BandProperties> bands(CoverageService.State state, List<ServiceBand> bands, boolean rings) {
        return features(state, bands.stream().map(b -> Feature.of(null, b.area(), new BandProperties(b.toSeconds() / 60,
                rings ? b.fromSeconds() / 60 : 0, round(b.areaInSquareMeters() / 1e6, 3)))).toList());
    }

    static Features<CatchmentProperties> catchments(CoverageService.State state, List<Catchment> catchments) {
        List<Feature<CatchmentProperties>> features = new ArrayList<>();
        for (Catchment c : catchments) {
            ServicePoint p = state.station(c.sourceIndex());
            features.add(Feature.of(p == null ? null : p.id(), c.area(), new CatchmentProperties(p == null ? null : p.id(),
                    p == null ? null : p.name(), round(c.areaInSquareMeters() / 1e6, 3))));
        }
        return features(state, features);
    }

    static Features<GapProperties> gaps(CoverageService.State state, List<Gap> gaps, Map<String, String> districtNames) {
        return features(state, gaps.stream().map(g -> Feature.of(g.rank(), g.outline(), new GapProperties(g.rank(), g.bandMinutes(),
                Math.round(g.people()), round(g.areaKm2(), 3), g.adcode(), districtNames.get(g.adcode()),
                g.site() == null ? null : new SuggestedSite(round(g.site().lon(), 7), round(g.site().lat(), 7), g.site().street(),
                        Math.round(g.site().peopleNewlyCovered()))))).toList());
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
