package cn.servicemap.benchmark;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.coverage.Coverage;
import cn.servicemap.gis.coverage.CoverageModel;
import cn.servicemap.gis.coverage.CrossCoverageState;
import cn.servicemap.gis.coverage.WeekCoverage;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.hours.OpeningHours;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.population.OutdoorWorkerDemand;
import cn.servicemap.gis.population.PopulationSurface;
import cn.servicemap.gis.synthetic.SyntheticCity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coverage by hour of the week on the generated city (issue "by hour of the week and by worker group"): the city's
 * stations with realistic hours — 10 % open 24 h, 35 % 08:00–20:00 every day, 15 % 08:00–20:00 on weekdays, 25 %
 * 09:00–18:00 on weekdays and closed on public holidays, 15 % 09:00–18:00 every day — on its synthetic population
 * (100 m cells), 15-minute walk band. Times the incremental week against one full coverage and against 168 full
 * recomputations (each measured, not estimated), with and without 交叉覆盖, and checks the week's figures against full
 * recomputations at several hours. Then the three worker groups' demand surfaces from the city's OSM file.
 * Targets: the week ≥ 10× faster than 168 full recomputations and ≤ 10× one full coverage.
 */
final class WeekBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(WeekBenchmark.class);
    static final String[] HOURS = {"24/7", "Mo-Su 08:00-20:00", "Mo-Fr 08:00-20:00", "Mo-Fr 09:00-18:00; PH off", "Mo-Su 09:00-18:00"};
    private static final double[] MIX = {0.10, 0.45, 0.60, 0.85, 1.0};
    private static final int BAND = 15;
    private static final int[] CHECKED_HOURS = {3, 8, 10, 21, 5 * 24 + 12, 6 * 24 + 23};

    private WeekBenchmark() {
    }

    static Map<String, Object> run(Options o) throws Exception {
        BenchmarkNetwork bn = Networks.city(o);
        int side = Networks.citySide(o.cityEdges());
        SyntheticCity city = new SyntheticCity(Networks.CITY_SEED, 115.50, 29.50, side, side, Networks.BLOCK_METERS, 4, 4);
        long start = System.nanoTime();
        PopulationSurface surface = PopulationSurface.synthetic(city, PopulationSurface.Options.defaults().withCellSizeInMeters(100));
        CoverageModel model = CoverageModel.build(bn.network(), BenchmarkNetwork.PROFILE, surface,
                new DistrictLocator(city.districts(), 200), 200);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("edges", bn.network().edgeCount());
        out.put("cells", surface.size());
        out.put("districts", surface.districtAdcodes().size());
        out.put("model_ms", Timing.round((System.nanoTime() - start) / 1e6));
        Random random = new Random(7);
        List<WeekCoverage.Station> stations = new ArrayList<>();
        int[] mix = new int[HOURS.length];
        for (Snap s : bn.stations()) {
            double roll = random.nextDouble();
            int kind = 0;
            while (roll >= MIX[kind]) {
                kind++;
            }
            mix[kind]++;
            stations.add(new WeekCoverage.Station(s, OpeningHours.parse(HOURS[kind])));
        }
        Map<String, Object> hours = new LinkedHashMap<>();
        for (int i = 0; i < HOURS.length; i++) {
            hours.put(HOURS[i], mix[i]);
        }
        out.put("stations", stations.size());
        out.put("hours_mix", hours);
        LocalDate monday = LocalDate.of(2026, 6, 1);
        HolidayCalendar calendar = HolidayCalendar.none();
        int limit = BAND * 60;
        for (boolean cross : new boolean[] {false, true}) {
            Map<String, Object> m = new LinkedHashMap<>();
            Timing.Measured<Object> one = Timing.measure(o.warmRuns(), () -> full(model, stations, monday, 10, calendar, limit, cross));
            Timing.Measured<WeekCoverage> week = Timing.measure(o.warmRuns(),
                    () -> WeekCoverage.compute(model, limit, stations, monday, calendar, BAND, cross));
            long t = System.nanoTime();
            boolean equal = true;
            List<Object[]> fullHours = new ArrayList<>();
            for (int h = 0; h < WeekCoverage.HOURS; h++) {
                Object[] figures = full(model, stations, monday, h, calendar, limit, cross);
                fullHours.add(figures);
            }
            double allMs = (System.nanoTime() - t) / 1e6;
            WeekCoverage w = week.first();
            for (int h : CHECKED_HOURS) {
                Object[] f = fullHours.get(h);
                WeekCoverage.Row r = w.region(h);
                equal &= Math.abs(r.peopleWithinBand() - (double) f[0]) <= 1e-6 * Math.max(1, (double) f[0]);
                if (cross) {
                    equal &= Math.abs(r.peopleWithTwo() - (double) f[1]) <= 1e-6 * Math.max(1, (double) f[1]);
                }
            }
            m.put("one_full_coverage", one.timing().toJson());
            m.put("week", week.timing().toJson());
            m.put("full_168_ms", Timing.round(allMs));
            m.put("week_speedup_over_168_full", Math.round(allMs / week.timing().warmMedianMs() * 10) / 10.0);
            m.put("week_over_one_full", Math.round(week.timing().warmMedianMs() / one.timing().warmMedianMs() * 100) / 100.0);
            m.put("open_sets", w.steps().size());
            m.put("week_equals_full", equal);
            out.put(cross ? "with_cross" : "coverage", m);
            LOG.info("week{}: {} ms warm (one full {} ms, 168 full {} ms), {} open sets, equal to full: {}", cross ? " with 交叉覆盖" : "",
                    week.timing().warmMedianMs(), one.timing().warmMedianMs(), Math.round(allMs), w.steps().size(), equal);
            HeapWatch.settle();
        }
        Path osm = o.workDir().resolve("networks").resolve(Networks.cityKey(o)).resolve("city.osm");
        Timing.Measured<OutdoorWorkerDemand> demand = Timing.measure(1,
                () -> OutdoorWorkerDemand.fromOsm(osm, surface, OutdoorWorkerDemand.Options.defaults()));
        OutdoorWorkerDemand.Timings dt = demand.first().timings();
        out.put("demand_surfaces", Map.of("total", demand.timing().toJson(), "read_osm_ms", dt.readMs(), "riders_ms", dt.ridersMs(),
                "sanitation_ms", dt.sanitationMs(), "drivers_ms", dt.driversMs()));
        return out;
    }

    /** People within the band of an open station at hour {@code hour} of the week (and with two, if asked): a full count. */
    private static Object[] full(CoverageModel model, List<WeekCoverage.Station> stations, LocalDate monday, int hour,
                                 HolidayCalendar calendar, int limit, boolean cross) {
        List<Snap> open = WeekCoverage.openAt(stations, monday.atStartOfDay().plusHours(hour), calendar);
        AccessField field = new MultiSourceSearch(model.network(), model.profile(), limit).run(open);
        Coverage c = Coverage.compute(model, field, List.of(BAND));
        double within = c.report().region().bands().get(0).peopleCovered();
        double two = 0;
        if (cross) {
            TwoNearestSearch.Result r = new TwoNearestSearch(model.network(), model.profile(), limit).run(open);
            two = CrossCoverageState.compute(model, r, List.of(BAND)).report().region().peopleWithTwo().get(0);
        }
        return new Object[] {within, two};
    }
}
