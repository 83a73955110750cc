package cn.servicemap.gis.coverage;

import cn.servicemap.gis.access.AccessField;
import cn.servicemap.gis.access.AccessUpdate;
import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.access.TwoNearestUpdate;
import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.hours.OpeningHours;
import cn.servicemap.gis.network.Snap;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coverage by hour of the week: for each of the 168 hours of one week (Monday 00:00 first) and each district, the
 * stations open then, the people and road metres within one band (e.g. 15 minutes) of an open station, and if asked
 * 交叉覆盖 — the people and road metres within the band of two or more different open stations — counted exactly as
 * {@link Coverage} and {@link CrossCoverage} count them for the stations open at that hour.
 *
 * <p><b>Which stations are open.</b> A station is open in hour {@code h} when its {@link OpeningHours#isOpenAt} says so
 * at the hour's start, {@code monday + h / 24} at {@code h % 24}:00, against the given {@link HolidayCalendar}: one
 * opening at 08:30 counts from the 09:00 hour, one closing at 17:30 up to the 17:00 hour. A station whose opening hours
 * are unknown ({@code null}) is open in no hour, as the coverage of stations "open now" leaves it out (open now is
 * then unknown, not true); pass {@link OpeningHours#alwaysOpen()} to count it all week.
 *
 * <p><b>Algorithm.</b> The hours are grouped by their set of open stations (a weekday's 00:00–07:00 and 20:00–23:00
 * share one set, as do Monday to Friday without holidays), and each distinct set is counted once: the first hour's
 * set in full ({@link MultiSourceSearch}, {@link Coverage#compute}, and {@link TwoNearestSearch},
 * {@link CrossCoverageState#compute} when 交叉覆盖 is asked), every other by one batch update from the set counted
 * before it — only the stations that differ are closed and opened ({@link AccessField#withSourcesChanged},
 * {@link TwoNearestSearch.Result#withSourcesChanged}), and the counts follow from the nodes that update changed
 * ({@link Coverage#apply}, {@link CrossCoverageState#apply}) — or, where it changed more than a third of the
 * network's nodes (thousands of stations opening at 08:00), are made afresh from the updated search, which is then
 * cheaper (measured; see {@code RECOUNT_SHARE}). The sets are visited greedily, each next the
 * not-yet-counted set that differs from the current one by the fewest stations (ties to the earliest hour), not in
 * the order of the hours: in that order the week keeps returning to sets already counted (the evening is the
 * morning's set, Tuesday is Monday's), each return an update that counts nothing new, or else a state kept per set.
 * A typical week (a tenth of the stations 24 h, the rest 08:00–20:00 or 09:00–18:00, some closed at weekends) has
 * five sets: one full count and four updates. The updates are exact, so every hour's figures equal a full count
 * of the stations open then, up to the order of floating-point summation (tested).
 *
 * <p><b>Figures.</b> Per hour, a row per district in the {@link CoverageModel}'s order and a region row (adcode and
 * name null; the caller labels it). People are the population surface's estimate, metres those of the streets the
 * profile can use inside the study area, as in {@link CoverageReport} and {@link CrossCoverage}. A district's open
 * stations are those snapped to a street of that district (by the street's midpoint, as road metres are
 * assigned); the region row counts every open station, also one on a street outside every district. Sums of
 * update differences that end a hair below zero where nothing is left are given as 0.
 *
 * <p>Costs: about one full coverage plus one update per further open set (each about the searches and counts over
 * the part of the network whose nearest or two nearest stations change), plus 168 opening-hours evaluations per
 * distinct {@link OpeningHours} value (stations share a handful). Memory: one coverage state (and one 交叉覆盖
 * state) at a time, and the figures, 168 × (districts + 1) rows. Measured on a generated city of a million edges
 * (501,000 nodes, 503,000 cells of 100 m, 16 districts), 2,000 stations with the typical week above, a 15-minute
 * walk, thread CPU on a busy 2-core machine: the week 0.39 s against 0.19 s for one full coverage and 22 s for 168
 * of them; with 交叉覆盖 2.6 s against 0.46 s and 47 s.
 *
 * <p>Immutable.
 */
public final class WeekCoverage {

    /** Hours in a week. */
    public static final int HOURS = 7 * 24;

    /**
     * A station as the week sees it.
     *
     * @param place its place snapped on the model's profile (stations too far from any street are left out by the
     *              caller, as for coverage)
     * @param hours its opening hours, or null when unknown (then open in no hour)
     */
    public record Station(Snap place, OpeningHours hours) {
        public Station {
            Objects.requireNonNull(place, "place");
        }
    }

    /**
     * One hour's figures for a district or the whole region.
     *
     * @param adcode               the district's code, null for the region row
     * @param nameZh               the district's name, null for the region row
     * @param openStations         stations open at the hour's start (see the class comment for how they are assigned)
     * @param people               people on the network (the population surface's cells)
     * @param peopleWithinBand     of them, people within the band of an open station
     * @param roadMeters           metres of street the profile can use
     * @param roadMetersWithinBand of them, metres within the band of an open station
     * @param peopleWithTwo        people within the band of two or more open stations; null unless 交叉覆盖 was asked
     * @param roadMetersWithTwo    metres within the band of two or more open stations; null unless 交叉覆盖 was asked
     */
    public record Row(String adcode, String nameZh, int openStations, double people, double peopleWithinBand,
                      double roadMeters, double roadMetersWithinBand, Double peopleWithTwo, Double roadMetersWithTwo) {
    }

    /** How an open set's figures were made. */
    public enum Computation {
        /** Searched and counted from scratch (the first hour's set). */
        FULL,
        /** Updated from the set counted before it by closing and opening the stations that differ. */
        INCREMENTAL
    }

    /**
     * One counted open set, in the order they were counted: what the benchmark reads.
     *
     * @param hours           the hours of the week with this open set (0 = Monday 00:00), ascending
     * @param computation     full, or updated from the previous step's set
     * @param recounted       for an update, whether the people and metres were counted afresh from the updated search
     *                        (nearest or two nearest) rather than updated from its changed nodes, because it changed more
     *                        than a third of the network's nodes
     * @param openStations    stations open in this set
     * @param opened          stations opened relative to the previous step's set (for the full step: all open ones)
     * @param closed          stations closed relative to the previous step's set (0 for the full step)
     * @param changedNodes    nodes whose nearest station or time changed (for the full step: the nodes reached)
     * @param changedTwoNodes the same for the two nearest stations; 0 when 交叉覆盖 was not asked
     */
    public record Step(List<Integer> hours, Computation computation, boolean recounted, int openStations, int opened,
                       int closed, int changedNodes, int changedTwoNodes) {
        public Step {
            hours = List.copyOf(hours);
        }
    }

    /**
     * Above this share of the network's nodes changed by a batch, the counts are made afresh from the updated search
     * instead of updated: an update evaluates each street and cell it touches twice (before and after) and finds the
     * streets through the changed nodes, so over much of the network it costs more than counting once. Measured on
     * the generated city of a million edges (501,000 nodes, 503,000 cells of 100 m, 15 minutes' walk; thread CPU,
     * medians of 7): {@link Coverage#apply} about 1 ms per 1 % of the nodes changed against 33–40 ms for
     * {@link Coverage#compute}, {@link CrossCoverageState#apply} about 2 ms per 1 % against 60–100 ms for its compute;
     * both even at a third. Either way the figures are exact.
     */
    static final double RECOUNT_SHARE = 1.0 / 3;

    // figures per counted set: [set][district] with the region row at index districts
    private static final int PEOPLE = 0;
    private static final int PEOPLE_IN_BAND = 1;
    private static final int ROAD = 2;
    private static final int ROAD_IN_BAND = 3;
    private static final int PEOPLE_TWO = 4;
    private static final int ROAD_TWO = 5;
    private static final int FIGURES = 6;

    private final LocalDate monday;
    private final int bandMinutes;
    private final boolean crossCoverage;
    private final List<String> adcodes;
    private final List<String> names;
    private final int[] setOfHour;          // [hour] -> index into steps and figures
    private final List<Step> steps;
    private final double[][][] figures;     // [set][district or region][figure]
    private final int[][] openStations;     // [set][district or region]
    private final BitSet[] openByHour;      // [hour], station indexes

    private WeekCoverage(LocalDate monday, int bandMinutes, boolean crossCoverage, List<String> adcodes, List<String> names,
                         int[] setOfHour, List<Step> steps, double[][][] figures, int[][] openStations, BitSet[] openByHour) {
        this.monday = monday;
        this.bandMinutes = bandMinutes;
        this.crossCoverage = crossCoverage;
        this.adcodes = List.copyOf(adcodes);
        this.names = List.copyOf(names);
        this.setOfHour = setOfHour;
        this.steps = List.copyOf(steps);
        this.figures = figures;
        this.openStations = openStations;
        this.openByHour = openByHour;
    }

    /**
     * Counts the week.
     *
     * @param model              the network, profile, population surface and districts
     * @param timeLimitInSeconds the searches' cut-off, at least the band (more only slows the searches down)
     * @param stations           the stations with their opening hours; station {@code i} of the list is station
     *                           {@code i} of {@link #isOpen}
     * @param monday             the week's first day, a Monday
     * @param holidays           public holidays and adjusted working days ({@link HolidayCalendar#none()} for none)
     * @param bandMinutes        the band, e.g. 15
     * @param crossCoverage      whether to count 交叉覆盖 too (a second search keeping each node's two nearest stations)
     * @throws IllegalArgumentException if {@code monday} is not a Monday, the band is not positive or beyond the
     *                                  limit, or a station is not snapped for the model's profile
     */
    public static WeekCoverage compute(CoverageModel model, int timeLimitInSeconds, List<Station> stations, LocalDate monday,
                                       HolidayCalendar holidays, int bandMinutes, boolean crossCoverage) {
        return compute(model, timeLimitInSeconds, stations, monday, holidays, bandMinutes, crossCoverage, RECOUNT_SHARE);
    }

    /** As the public method, with the share of changed nodes above which the counts are made afresh (for measuring). */
    static WeekCoverage compute(CoverageModel model, int timeLimitInSeconds, List<Station> stations, LocalDate monday,
                                HolidayCalendar holidays, int bandMinutes, boolean crossCoverage, double recountShare) {
        Objects.requireNonNull(holidays, "holidays");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("the week must start on a Monday, " + monday + " is a " + monday.getDayOfWeek());
        }
        if (bandMinutes <= 0 || bandMinutes * 60L > timeLimitInSeconds) {
            throw new IllegalArgumentException("the band must be positive and within the time limit: " + bandMinutes
                    + " min, limit " + timeLimitInSeconds + " s");
        }
        Station[] all = stations.toArray(new Station[0]);
        BitSet[] openByHour = openByHour(all, monday, holidays);

        // the distinct open sets, by first hour
        Map<BitSet, Integer> setIndex = new LinkedHashMap<>();
        List<List<Integer>> hoursOfSet = new ArrayList<>();
        int[] setOfHour = new int[HOURS];
        for (int h = 0; h < HOURS; h++) {
            Integer set = setIndex.get(openByHour[h]);
            if (set == null) {
                set = setIndex.size();
                setIndex.put(openByHour[h], set);
                hoursOfSet.add(new ArrayList<>());
            }
            setOfHour[h] = set;
            hoursOfSet.get(set).add(h);
        }
        List<BitSet> sets = new ArrayList<>(setIndex.keySet());

        int districts = model.districtCount();
        int[] stationDistrict = new int[all.length];
        for (int i = 0; i < all.length; i++) {
            // checked here for every station, not only when it first opens
            Snap place = all[i].place().requireSnapped();
            if (place.profile() != model.profile() || place.edge() >= model.network().edgeCount()) {
                throw new IllegalArgumentException("station " + i + " is snapped for " + place.profile() + ", the model is for "
                        + model.profile());
            }
            stationDistrict[i] = model.edgeDistrict(place.edge());
        }
        List<Integer> bands = List.of(bandMinutes);
        MultiSourceSearch search = new MultiSourceSearch(model.network(), model.profile(), timeLimitInSeconds);
        TwoNearestSearch twoSearch = crossCoverage
                ? new TwoNearestSearch(model.network(), model.profile(), timeLimitInSeconds) : null;

        double[][][] figures = new double[sets.size()][][];
        int[][] open = new int[sets.size()][];
        Step[] steps = new Step[sets.size()];
        int[] order = greedyOrder(sets);
        // the source slot of each open station in the current field and two-nearest result (they change in step)
        int[] slot = new int[all.length];
        java.util.Arrays.fill(slot, -1);
        Coverage coverage = null;
        CrossCoverageState cross = null;
        BitSet current = null;
        for (int set : order) {
            BitSet target = sets.get(set);
            int changed;
            int changedTwo = 0;
            int opened;
            int closed;
            boolean recounted = false;
            Computation how;
            if (current == null) {
                List<Snap> sources = new ArrayList<>();
                for (int i = target.nextSetBit(0); i >= 0; i = target.nextSetBit(i + 1)) {
                    slot[i] = sources.size();
                    sources.add(all[i].place());
                }
                AccessField field = search.run(sources);
                coverage = Coverage.compute(model, field, bands);
                if (crossCoverage) {
                    TwoNearestSearch.Result two = twoSearch.run(sources);
                    cross = CrossCoverageState.compute(model, two, bands);
                    changedTwo = reachedTwo(two, model.network().nodeCount());
                }
                how = Computation.FULL;
                opened = sources.size();
                closed = 0;
                changed = field.reachedNodeCount();
            } else {
                BitSet closing = (BitSet) current.clone();
                closing.andNot(target);
                BitSet opening = (BitSet) target.clone();
                opening.andNot(current);
                int[] removed = new int[closing.cardinality()];
                int[] touchedEdges = new int[removed.length + opening.cardinality()];
                int k = 0;
                for (int i = closing.nextSetBit(0); i >= 0; i = closing.nextSetBit(i + 1)) {
                    touchedEdges[k] = all[i].place().edge();
                    removed[k++] = slot[i];
                    slot[i] = -1;
                }
                List<Snap> added = new ArrayList<>();
                int nextSlot = coverage.field().sourceCount();
                for (int i = opening.nextSetBit(0); i >= 0; i = opening.nextSetBit(i + 1)) {
                    touchedEdges[k++] = all[i].place().edge();
                    slot[i] = nextSlot + added.size();
                    added.add(all[i].place());
                }
                AccessUpdate update = coverage.field().withSourcesChanged(removed, added);
                int nodes = model.network().nodeCount();
                if (update.changedNodes().length > recountShare * nodes) {
                    coverage = Coverage.compute(model, update.field(), bands);
                    recounted = true;
                } else {
                    // a cell's time also depends on the stations on its own street: their edges are counted again
                    coverage = coverage.apply(update, touchedEdges);
                }
                if (crossCoverage) {
                    TwoNearestUpdate twoUpdate = cross.twoNearest().withSourcesChanged(removed, added);
                    if (twoUpdate.changedNodes().length > recountShare * nodes) {
                        cross = CrossCoverageState.compute(model, twoUpdate.result(), bands);
                        recounted = true;
                    } else {
                        cross = cross.apply(twoUpdate);
                    }
                    changedTwo = twoUpdate.changedNodes().length;
                }
                how = Computation.INCREMENTAL;
                opened = added.size();
                closed = removed.length;
                changed = update.changedNodes().length;
            }
            current = target;
            figures[set] = figures(model, coverage, cross);
            open[set] = openPerDistrict(target, stationDistrict, districts);
            steps[set] = new Step(hoursOfSet.get(set), how, recounted, target.cardinality(), opened, closed, changed,
                    changedTwo);
        }
        List<Step> stepsInOrder = new ArrayList<>();
        int[] renumber = new int[sets.size()];
        for (int i = 0; i < order.length; i++) {
            stepsInOrder.add(steps[order[i]]);
            renumber[order[i]] = i;
        }
        double[][][] figuresInOrder = new double[sets.size()][][];
        int[][] openInOrder = new int[sets.size()][];
        for (int set = 0; set < sets.size(); set++) {
            figuresInOrder[renumber[set]] = figures[set];
            openInOrder[renumber[set]] = open[set];
        }
        for (int h = 0; h < HOURS; h++) {
            setOfHour[h] = renumber[setOfHour[h]];
        }
        List<String> names = new ArrayList<>();
        for (int d = 0; d < districts; d++) {
            names.add(model.districtName(d));
        }
        return new WeekCoverage(monday, bandMinutes, crossCoverage, model.districtAdcodes(), names, setOfHour, stepsInOrder,
                figuresInOrder, openInOrder, openByHour);
    }

    /**
     * Whether a station counts as open at a local time: its opening hours say so, and unknown hours (null) never do
     * (see the class comment).
     */
    public static boolean isOpenAt(Station station, LocalDateTime localTime, HolidayCalendar holidays) {
        return station.hours() != null && station.hours().isOpenAt(localTime, holidays);
    }

    /**
     * The places of the stations open at a local time, in list order, by the rule of {@link #isOpenAt}: the stations
     * a full {@link Coverage} at that moment is computed from ({@code Coverage.compute(model,
     * MultiSourceSearch.compute(network, profile, openAt(...), limit), bands)}), for the report and the gaps of one
     * hour.
     */
    public static List<Snap> openAt(List<Station> stations, LocalDateTime localTime, HolidayCalendar holidays) {
        List<Snap> open = new ArrayList<>();
        for (Station s : stations) {
            if (isOpenAt(s, localTime, holidays)) {
                open.add(s.place());
            }
        }
        return open;
    }

    /** The week's first day. */
    public LocalDate monday() {
        return monday;
    }

    /** The start of an hour of the week (0 = Monday 00:00): the moment the stations' opening hours were read at. */
    public LocalDateTime hourStart(int hour) {
        requireHour(hour);
        return monday.atStartOfDay().plusHours(hour);
    }

    public int bandMinutes() {
        return bandMinutes;
    }

    /** Whether 交叉覆盖 was counted (else the rows' two-station figures are null). */
    public boolean crossCoverage() {
        return crossCoverage;
    }

    /** The districts' adcodes in the model's order, as {@link CoverageModel#districtAdcodes()} gives them. */
    public List<String> districtAdcodes() {
        return adcodes;
    }

    /** The districts' names in the same order (the adcode where the population surface names none). */
    public List<String> districtNames() {
        return names;
    }

    /** The region's figures at an hour of the week (0 = Monday 00:00 … 167 = Sunday 23:00). */
    public Row region(int hour) {
        requireHour(hour);
        return row(setOfHour[hour], adcodes.size());
    }

    /** Each district's figures at an hour of the week, in the model's district order. */
    public List<Row> districts(int hour) {
        requireHour(hour);
        List<Row> rows = new ArrayList<>(adcodes.size());
        for (int d = 0; d < adcodes.size(); d++) {
            rows.add(row(setOfHour[hour], d));
        }
        return rows;
    }

    /** Whether station {@code station} (its index in the input list) was open at an hour's start. */
    public boolean isOpen(int station, int hour) {
        requireHour(hour);
        return openByHour[hour].get(station);
    }

    /** The counted open sets in the order they were counted, the first one {@link Computation#FULL}. */
    public List<Step> steps() {
        return steps;
    }

    /** The step of {@link #steps()} whose figures an hour has (hours with the same open stations share one). */
    public int stepOf(int hour) {
        requireHour(hour);
        return setOfHour[hour];
    }

    private Row row(int set, int d) {
        double[] f = figures[set][d];
        boolean region = d == adcodes.size();
        return new Row(region ? null : adcodes.get(d), region ? null : names.get(d), openStations[set][d], f[PEOPLE],
                f[PEOPLE_IN_BAND], f[ROAD], f[ROAD_IN_BAND], crossCoverage ? f[PEOPLE_TWO] : null,
                crossCoverage ? f[ROAD_TWO] : null);
    }

    private static void requireHour(int hour) {
        if (hour < 0 || hour >= HOURS) {
            throw new IllegalArgumentException("hour of the week must be within 0..167: " + hour);
        }
    }

    /** Per hour, the stations open at its start; each distinct opening-hours value is evaluated once for the week. */
    private static BitSet[] openByHour(Station[] stations, LocalDate monday, HolidayCalendar holidays) {
        BitSet[] open = new BitSet[HOURS];
        for (int h = 0; h < HOURS; h++) {
            open[h] = new BitSet(stations.length);
        }
        Map<OpeningHours, boolean[]> weeks = new HashMap<>();
        for (int i = 0; i < stations.length; i++) {
            OpeningHours hours = stations[i].hours();
            if (hours == null) {
                continue;
            }
            boolean[] week = weeks.computeIfAbsent(hours, oh -> {
                boolean[] w = new boolean[HOURS];
                for (int h = 0; h < HOURS; h++) {
                    w[h] = oh.isOpenAt(monday.atStartOfDay().plusHours(h), holidays);
                }
                return w;
            });
            for (int h = 0; h < HOURS; h++) {
                if (week[h]) {
                    open[h].set(i);
                }
            }
        }
        return open;
    }

    /**
     * The order to count the sets in: the first hour's set, then repeatedly the uncounted set differing from the last
     * counted one by the fewest stations, ties to the set whose first hour is earliest (the lower index).
     */
    private static int[] greedyOrder(List<BitSet> sets) {
        int n = sets.size();
        int[] order = new int[n];
        boolean[] done = new boolean[n];
        done[0] = true;
        for (int i = 1; i < n; i++) {
            BitSet last = sets.get(order[i - 1]);
            int best = -1;
            int bestDifference = Integer.MAX_VALUE;
            for (int s = 0; s < n; s++) {
                if (!done[s]) {
                    BitSet difference = (BitSet) last.clone();
                    difference.xor(sets.get(s));
                    int size = difference.cardinality();
                    if (size < bestDifference) {
                        best = s;
                        bestDifference = size;
                    }
                }
            }
            order[i] = best;
            done[best] = true;
        }
        return order;
    }

    private static int[] openPerDistrict(BitSet open, int[] stationDistrict, int districts) {
        int[] count = new int[districts + 1];
        for (int i = open.nextSetBit(0); i >= 0; i = open.nextSetBit(i + 1)) {
            if (stationDistrict[i] >= 0) {
                count[stationDistrict[i]]++;
            }
            count[districts]++;
        }
        return count;
    }

    /** The set's figures per district and for the region (the sum of the districts). */
    private static double[][] figures(CoverageModel model, Coverage coverage, CrossCoverageState cross) {
        int districts = model.districtCount();
        double[][] f = new double[districts + 1][FIGURES];
        CrossCoverage two = cross == null ? null : cross.report();
        for (int d = 0; d < districts; d++) {
            f[d][PEOPLE] = coverage.people(d);
            // sums of update differences can end a hair below zero where nothing is left (e.g. −1e−12)
            f[d][PEOPLE_IN_BAND] = Math.max(0, coverage.coveredPeople(d, 0));
            f[d][ROAD] = coverage.roadMeters(d);
            f[d][ROAD_IN_BAND] = Math.max(0, coverage.coveredMeters(d, 0));
            if (two != null) {
                f[d][PEOPLE_TWO] = two.districts().get(d).peopleWithTwo().get(0);
                f[d][ROAD_TWO] = two.districts().get(d).roadMetersWithTwo().get(0);
            }
            for (int k = 0; k < FIGURES; k++) {
                f[districts][k] += f[d][k];
            }
        }
        return f;
    }

    private static int reachedTwo(TwoNearestSearch.Result two, int nodes) {
        int count = 0;
        for (int v = 0; v < nodes; v++) {
            if (two.nearestSource(v) >= 0) {
                count++;
            }
        }
        return count;
    }
}
