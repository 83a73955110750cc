package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.access.MultiSourceSearch;
import cn.servicemap.gis.access.TwoNearestSearch;
import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.hours.OpeningHours;
import cn.servicemap.gis.network.Snap;
import cn.servicemap.gis.network.TravelProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The week counted by updates equals 168 full counts, one per hour of the stations open at its start, on random street
 * grids with random opening hours (fixed seeds): per district and for the region, the open stations, people and road
 * metres exactly, and the people and metres within the band and with two or more stations up to the order of
 * summation. Stations come in pairs on one street with different hours (so one opens or closes while the other stays,
 * or both change at once); some hours are unknown; a public holiday closes the {@code PH off} ones and an adjusted
 * working Saturday opens the Mo-Fr ones; without all-day or overnight hours every station closes at night (and the
 * week starts with none open); driving has one-way streets and ties. Checked as computed (counts updated, or made
 * afresh after a batch that changed much of the network) and with every batch's counts updated.
 */
class WeekCoveragePropertyTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 9, 28);
    /** Thursday a public holiday, Saturday a working day. */
    static final HolidayCalendar HOLIDAYS = new HolidayCalendar(Set.of(MONDAY.plusDays(3)), Set.of(MONDAY.plusDays(5)));

    static final String[] DAY_HOURS = {"Mo-Fr 08:00-20:00", "Mo-Su 09:00-18:00", "Mo-Fr 09:00-18:00; PH off",
            "Sa,Su 10:00-16:00", "Mo-Fr 08:00-12:00,14:00-18:00", "Mo-Sa 08:30-17:30", "Mo-Su 08:00-20:00; PH off"};
    static final String[] NIGHT_HOURS = {"24/7", "Mo-Su 22:00-06:00", "Fr 20:00-24:00; Sa 00:00-02:00"};

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 20280101;
        for (boolean nights : new boolean[]{true, false}) {
            for (int stations : new int[]{6, 30}) {
                cases.add(Arguments.of(seed++, TravelProfile.WALK, 600, 5, stations, nights));
                cases.add(Arguments.of(seed++, TravelProfile.CAR, 120, 1, stations, nights));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0} {1} limit {2} s band {3} min, {4} stations, open at night {5}")
    @MethodSource("cases")
    void everyHourShouldEqualAFullCountOfTheStationsOpenThen(long seed, TravelProfile profile, int limit, int band,
                                                              int count, boolean nights) {
        RandomStreets streets = RandomStreets.grid(seed, 12, 8, profile);
        CoverageModel model = streets.model();
        Random r = new Random(seed * 17);
        List<Snap> places = new ArrayList<>();
        List<WeekCoverage.Station> stations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // every other station on the previous one's street
            Snap place = i % 2 == 1 ? streets.network().onEdge(profile, places.get(i - 1).edge(), r.nextDouble())
                    : streets.randomPlace(profile, r, places);
            places.add(place);
            stations.add(new WeekCoverage.Station(place, randomHours(r, nights)));
        }

        WeekCoverage week = WeekCoverage.compute(model, limit, stations, MONDAY, HOLIDAYS, band, true);
        // the same week with every update applied (never counted afresh, however much it changed)
        WeekCoverage applied = WeekCoverage.compute(model, limit, stations, MONDAY, HOLIDAYS, band, true, 2);

        MultiSourceSearch search = new MultiSourceSearch(streets.network(), profile, limit);
        TwoNearestSearch twoSearch = new TwoNearestSearch(streets.network(), profile, limit);
        boolean someHourClosed = false;
        for (int hour = 0; hour < WeekCoverage.HOURS; hour++) {
            List<Snap> open = WeekCoverage.openAt(stations, week.hourStart(hour), HOLIDAYS);
            someHourClosed |= open.isEmpty();
            Coverage full = Coverage.compute(model, search.run(open), List.of(band));
            CrossCoverage cross = CrossCoverage.compute(model, twoSearch.run(open), List.of(band));
            assertSameRows(week, hour, full, cross, stations);
            assertSameRows(applied, hour, full, cross, stations);
        }
        assertThat(applied.steps()).noneMatch(WeekCoverage.Step::recounted);
        assertThat(week.steps()).as("open sets").hasSizeGreaterThan(2);
        assertThat(week.steps().get(0).computation()).isEqualTo(WeekCoverage.Computation.FULL);
        assertThat(week.steps().stream().mapToInt(s -> s.hours().size()).sum()).isEqualTo(WeekCoverage.HOURS);
        if (!nights) {
            assertThat(someHourClosed).as("every station closed at some hour").isTrue();
            assertThat(week.region(3).openStations()).isZero();
        }
    }

    private static void assertSameRows(WeekCoverage week, int hour, Coverage full, CrossCoverage cross,
                                       List<WeekCoverage.Station> stations) {
        CoverageModel model = full.model();
        int districts = model.districtCount();
        List<WeekCoverage.Row> rows = new ArrayList<>(week.districts(hour));
        rows.add(week.region(hour));
        List<CrossCoverage.Row> crossRows = new ArrayList<>(cross.districts());
        crossRows.add(cross.region());
        for (int d = 0; d <= districts; d++) {
            WeekCoverage.Row row = rows.get(d);
            int[] range = d < districts ? new int[]{d} : java.util.stream.IntStream.range(0, districts).toArray();
            double people = 0, covered = 0, meters = 0, coveredMeters = 0;
            for (int i : range) {
                people += full.people(i);
                covered += full.coveredPeople(i, 0);
                meters += full.roadMeters(i);
                coveredMeters += full.coveredMeters(i, 0);
            }
            String what = "hour " + hour + (d < districts ? " district " + model.districtAdcodes().get(d) : " region");
            assertThat(row.adcode()).as(what).isEqualTo(d < districts ? model.districtAdcodes().get(d) : null);
            assertThat(row.openStations()).as(what + " open stations").isEqualTo(openStations(week, hour, d, stations, model));
            assertThat(row.people()).as(what + " people").isEqualTo(people);
            assertThat(row.roadMeters()).as(what + " metres").isEqualTo(meters);
            assertClose(row.peopleWithinBand(), covered, what + " people within the band");
            assertClose(row.roadMetersWithinBand(), coveredMeters, what + " metres within the band");
            assertClose(row.peopleWithTwo(), crossRows.get(d).peopleWithTwo().get(0), what + " people with two");
            assertClose(row.roadMetersWithTwo(), crossRows.get(d).roadMetersWithTwo().get(0), what + " metres with two");
        }
    }

    private static int openStations(WeekCoverage week, int hour, int d, List<WeekCoverage.Station> stations, CoverageModel model) {
        int n = 0;
        for (int i = 0; i < stations.size(); i++) {
            boolean open = WeekCoverage.isOpenAt(stations.get(i), week.hourStart(hour), HOLIDAYS);
            assertThat(week.isOpen(i, hour)).isEqualTo(open);
            if (open && (d == model.districtCount() || model.edgeDistrict(stations.get(i).place().edge()) == d)) {
                n++;
            }
        }
        return n;
    }

    private static void assertClose(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
    }

    /** Mostly the common day hours, sometimes unknown, sometimes random days and hours; night hours only if asked. */
    private static OpeningHours randomHours(Random r, boolean nights) {
        double roll = r.nextDouble();
        if (roll < 0.08) {
            return null;
        }
        if (nights && roll < 0.3) {
            return OpeningHours.parse(NIGHT_HOURS[r.nextInt(NIGHT_HOURS.length)]);
        }
        if (roll < 0.7) {
            return OpeningHours.parse(DAY_HOURS[r.nextInt(DAY_HOURS.length)]);
        }
        String[] days = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
        List<String> chosen = new ArrayList<>();
        for (String day : days) {
            if (r.nextDouble() < 0.6) {
                chosen.add(day);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(days[r.nextInt(7)]);
        }
        int start = 5 + r.nextInt(12);
        int end = start + 1 + r.nextInt(23 - start);
        return OpeningHours.parse(String.join(",", chosen) + String.format(" %02d:%02d-%02d:00", start, r.nextInt(2) * 30, end)
                + (r.nextBoolean() ? "; PH off" : ""));
    }
}
