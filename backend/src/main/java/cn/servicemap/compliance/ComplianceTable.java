package cn.servicemap.compliance;

import cn.servicemap.compliance.Compliance.Cell;
import cn.servicemap.compliance.Compliance.Light;
import cn.servicemap.compliance.Compliance.Row;
import cn.servicemap.coverage.CoverageResponses;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance table from coverage figures, station counts and targets: per district and for the region, every
 * {@link Measure} as a value, its target, a traffic light and the shortfall.
 *
 * <p><b>Lights.</b> GREEN when the value reaches the target; AMBER when it reaches 90 % of it; RED below; GREY when
 * there is no target or nothing to measure (no people counted). <b>Shortfalls.</b> For a share, the people (rounded
 * up) or road-km still to bring within reach: {@code target% × total − covered}; for a count, the palaces or points
 * missing; for stations per 10,000 people, the stations missing at the district's people. <b>Region row.</b> Shares
 * and the rate over the region's totals; palaces against the city's count ("a palace in every city and county");
 * 会·站·家 points are a per-county target, so the region row sums the districts' shortfalls and shows the worst
 * district's light.
 *
 * <p>Units: people are the estimated people of the part of each district the road network covers, as in the
 * coverage report; road lengths in km.
 */
final class ComplianceTable {

    /** Open stations of one district (or the region) that the counting measures use. */
    record Counts(int outdoorStations, int palaces, int integratedPoints) {
        Counts plus(Counts o) {
            return new Counts(outdoorStations + o.outdoorStations, palaces + o.palaces, integratedPoints + o.integratedPoints);
        }
    }

    /**
     * @param report  the coverage report of the outdoor-worker stations, walk profile, one band of the walk time
     * @param cross   its 交叉覆盖 for the same band
     * @param counts  open stations per district adcode
     * @param targets every target by code (value null: not set)
     */
    record Inputs(CoverageResponses.Report report, CoverageResponses.Cross cross, Map<String, Counts> counts,
                  Map<String, Compliance.TargetInUse> targets, int walkMinutes, String stationKind, String note) {
    }

    private ComplianceTable() {
    }

    static Compliance build(Inputs in) {
        List<Compliance.Column> columns = new ArrayList<>();
        for (Measure m : Measure.values()) {
            Compliance.TargetInUse t = in.targets().get(m.targetCode());
            columns.add(new Compliance.Column(m, (m.isShare() ? in.walkMinutes() + "分钟" : "") + m.nameZh(), m.targetCode(),
                    t == null ? "" : t.unit().equals("%") ? "%" : m == Measure.STATIONS_PER_10K ? "个/万人" : "个"));
        }
        Map<String, CoverageResponses.CrossRow> crossByDistrict = new java.util.HashMap<>();
        for (CoverageResponses.CrossRow r : in.cross().districts()) {
            crossByDistrict.put(r.adcode(), r);
        }
        List<Row> districts = new ArrayList<>();
        Counts all = new Counts(0, 0, 0);
        for (CoverageResponses.DistrictRow d : in.report().districts()) {
            Counts c = in.counts().getOrDefault(d.adcode(), new Counts(0, 0, 0));
            all = all.plus(c);
            districts.add(row(d, crossByDistrict.get(d.adcode()), c, in, null));
        }
        Row total = row(in.report().total(), in.cross().total(), all, in, districts);
        return new Compliance(in.report().region(), in.report().dataVersion(), in.walkMinutes(), in.stationKind(),
                List.copyOf(in.targets().values()), columns, total, districts, in.note());
    }

    /** A district's row, or the region's when {@code districtRows} (the districts already built) is given. */
    private static Row row(CoverageResponses.DistrictRow d, CoverageResponses.CrossRow cross, Counts counts, Inputs in, List<Row> districtRows) {
        Map<Measure, Cell> cells = new EnumMap<>(Measure.class);
        CoverageResponses.BandRow band = d.bands().get(0);
        cells.put(Measure.WALK_PEOPLE_SHARE, share(Measure.WALK_PEOPLE_SHARE, band.peopleCovered(), d.people(), target(in, Measure.WALK_PEOPLE_SHARE)));
        cells.put(Measure.WALK_ROAD_SHARE, share(Measure.WALK_ROAD_SHARE, band.roadKmCovered(), d.roadKm(), target(in, Measure.WALK_ROAD_SHARE)));
        CoverageResponses.CrossBand two = cross == null ? null : cross.bands().get(0);
        cells.put(Measure.CROSS_PEOPLE_SHARE, two == null ? grey(Measure.CROSS_PEOPLE_SHARE, "无数据")
                : share(Measure.CROSS_PEOPLE_SHARE, two.peopleWithTwo(), cross.people(), target(in, Measure.CROSS_PEOPLE_SHARE)));
        cells.put(Measure.CROSS_ROAD_SHARE, two == null ? grey(Measure.CROSS_ROAD_SHARE, "无数据")
                : share(Measure.CROSS_ROAD_SHARE, two.roadKmWithTwo(), cross.roadKm(), target(in, Measure.CROSS_ROAD_SHARE)));
        cells.put(Measure.CULTURAL_PALACES, count(Measure.CULTURAL_PALACES, counts.palaces(), target(in, Measure.CULTURAL_PALACES)));
        cells.put(Measure.INTEGRATED_POINTS, districtRows == null
                ? count(Measure.INTEGRATED_POINTS, counts.integratedPoints(), target(in, Measure.INTEGRATED_POINTS))
                : perCounty(Measure.INTEGRATED_POINTS, counts.integratedPoints(), target(in, Measure.INTEGRATED_POINTS), districtRows));
        cells.put(Measure.STATIONS_PER_10K, rate(counts.outdoorStations(), d.people(), target(in, Measure.STATIONS_PER_10K)));
        List<Cell> list = List.copyOf(cells.values());
        int met = (int) list.stream().filter(c -> c.light() == Light.GREEN).count();
        int missed = (int) list.stream().filter(c -> c.light() == Light.AMBER || c.light() == Light.RED).count();
        return new Row(d.adcode(), d.name(), list, met, missed);
    }

    private static Double target(Inputs in, Measure m) {
        Compliance.TargetInUse t = in.targets().get(m.targetCode());
        return t == null ? null : t.value();
    }

    static Light light(double value, Double target) {
        if (target == null) {
            return Light.GREY;
        }
        if (value >= target - 1e-9) {
            return Light.GREEN;
        }
        return value >= 0.9 * target ? Light.AMBER : Light.RED;
    }

    private static Cell grey(Measure m, String text) {
        return new Cell(m, null, null, Light.GREY, null, m.shortfallUnit(), text);
    }

    /** {@code covered} of {@code total} people or km against a target share in per cent. */
    static Cell share(Measure m, double covered, double total, Double targetPercent) {
        if (!(total > 0)) {
            return new Cell(m, null, targetPercent, Light.GREY, null, m.shortfallUnit(), "无数据（未统计到人口或道路）");
        }
        double percent = round(100 * covered / total, 1);
        if (targetPercent == null) {
            return new Cell(m, percent, null, Light.GREY, null, m.shortfallUnit(), percent + "%（未设目标）");
        }
        double missing = Math.max(0, targetPercent / 100 * total - covered);
        boolean people = m.shortfallUnit().equals("人");
        double shortfall = people ? Math.ceil(missing - 1e-9) : round(missing, 2);
        double outside = people ? Math.round(total - covered) : round(total - covered, 2);
        Light light = light(100 * covered / total, targetPercent);
        String text = percent + "%（目标 " + number(targetPercent) + "%" + (light == Light.GREEN ? "，达标" : "，还差 " + number(shortfall) + " "
                + m.shortfallUnit()) + "；圈外 " + number(outside) + " " + m.shortfallUnit() + "）";
        return new Cell(m, percent, targetPercent, light, shortfall, m.shortfallUnit(), text);
    }

    static Cell count(Measure m, int value, Double target) {
        if (target == null) {
            return new Cell(m, (double) value, null, Light.GREY, null, m.shortfallUnit(), value + " 个（未设目标）");
        }
        double shortfall = Math.max(0, Math.ceil(target - value - 1e-9));
        Light light = light(value, target);
        return new Cell(m, (double) value, target, light, shortfall, m.shortfallUnit(), value + " 个（目标 ≥ " + number(target)
                + (light == Light.GREEN ? "，达标）" : "，缺 " + number(shortfall) + " 个）"));
    }

    /** The region row of a per-county target: the total, the districts' summed shortfall, the worst district's light. */
    private static Cell perCounty(Measure m, int value, Double target, List<Row> districts) {
        if (target == null) {
            return count(m, value, null);
        }
        double shortfall = 0;
        int failing = 0;
        Light worst = Light.GREEN;
        for (Row r : districts) {
            Cell c = r.cells().stream().filter(x -> x.measure() == m).findFirst().orElseThrow();
            shortfall += c.shortfall() == null ? 0 : c.shortfall();
            if (c.light() != Light.GREEN) {
                failing++;
            }
            if (c.light().ordinal() > worst.ordinal() && c.light() != Light.GREY) {
                worst = c.light();
            }
        }
        String text = value + " 个（各区县目标 ≥ " + number(target) + (failing == 0 ? "，均达标）"
                : "，" + failing + " 个区县未达标，共缺 " + number(shortfall) + " 个）");
        return new Cell(m, (double) value, target, worst, shortfall, m.shortfallUnit(), text);
    }

    /** Stations per 10,000 people against a target rate; the shortfall is stations. */
    static Cell rate(int stations, long people, Double target) {
        Measure m = Measure.STATIONS_PER_10K;
        if (people <= 0) {
            return new Cell(m, null, target, Light.GREY, null, m.shortfallUnit(), "无数据（未统计到人口）");
        }
        double value = round(stations * 10_000.0 / people, 3);
        if (target == null) {
            return new Cell(m, value, null, Light.GREY, null, m.shortfallUnit(), value + "（未设目标）");
        }
        double shortfall = Math.max(0, Math.ceil(target * people / 10_000.0 - stations - 1e-9));
        Light light = light(stations * 10_000.0 / people, target);
        return new Cell(m, value, target, light, shortfall, m.shortfallUnit(), value + "（目标 ≥ " + number(target)
                + (light == Light.GREEN ? "，达标）" : "，缺 " + number(shortfall) + " 个驿站）"));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** 1234567 → 1,234,567; 2.5 → 2.5 */
    private static String number(double v) {
        return v == Math.rint(v) ? String.format("%,d", (long) v) : String.valueOf(round(v, 2));
    }
}
