package cn.servicemap.gis.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.gis.hours.OpeningHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The week on one straight street worked out by hand: ten 100 m edges walked at 1 minute each, two districts, a band of
 * 2 minutes (200 m each way), three stations of known hours:
 * <pre>
 *   x (100 m)   0    1    2    3    4    5    6    7    8    9   10
 *               o----o-A--o----C----o----B----o----o----o----o----o
 *               |     district 1 (edges 0–4)  |  district 2 (5–9) |
 *
 *   A at 1.5 (street 1)  24/7                          reaches [0, 3.5]
 *   B at 5   (street 5)  Mo-Fr 08:00-20:00; PH off     reaches [3, 7]
 *   C at 3   (street 3)  Sa,Su 10:00-16:00             reaches [1, 5]
 * </pre>
 * Night (A alone): west 350 m, east 0; nothing reaches two. Weekday day (A, B): west [0, 5] 500 m, east [5, 7] 200 m,
 * two stations on [3, 3.5], 50 m west. Weekend day (A, C): west [0, 5] 500 m, east 0, two on [1, 3.5], 250 m west. B
 * stands on node 5 but is snapped to street 5, so it counts as a station of the east district. People: every cell of
 * the surface hangs on the street at x = street + fraction and is within the band of a station at s when
 * |x − s| minutes plus its off-road walk are within 2 minutes — counted here from that formula, not from a search.
 */
class WeekCoverageTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    static final int BAND = 2;
    static final double A = 1.5;
    static final double B = 5;
    static final double C = 3;

    private final DrawnStreets line = line();
    private final List<WeekCoverage.Station> stations = List.of(
            new WeekCoverage.Station(line.at(1, 0.5), OpeningHours.parse("24/7")),
            new WeekCoverage.Station(line.at(5, 0), OpeningHours.parse("Mo-Fr 08:00-20:00; PH off")),
            new WeekCoverage.Station(line.at(3, 0), OpeningHours.parse("Sa,Su 10:00-16:00")));

    private static DrawnStreets line() {
        double[][] nodes = new double[11][];
        int[][] streets = new int[10][];
        for (int i = 0; i <= 10; i++) {
            nodes[i] = new double[]{i, 1};
            if (i < 10) {
                streets[i] = new int[]{i, i + 1};
            }
        }
        return DrawnStreets.draw(10, 2, nodes, streets);
    }

    private WeekCoverage week(HolidayCalendar holidays) {
        return WeekCoverage.compute(line.model(), 10 * 60, stations, MONDAY, holidays, BAND, true);
    }

    @Test
    void shouldCountTheNightWithTheAllDayStationAlone() {
        WeekCoverage week = week(HolidayCalendar.none());
        for (int hour : new int[]{3, 7, 20, 23, 24 + 3, 5 * 24 + 9, 6 * 24 + 16}) {
            assertRows(week, hour, 350, 0, 0, 0, new int[]{1, 0}, A);
        }
    }

    @Test
    void shouldCountAWeekdayDayWithTheWeekdayStation() {
        WeekCoverage week = week(HolidayCalendar.none());
        // 08:00 is the first open hour, 19:00 the last (the state at each hour's start); Monday to Friday alike
        for (int hour : new int[]{8, 12, 19, 24 + 9, 4 * 24 + 19}) {
            assertRows(week, hour, 500, 200, 50, 0, new int[]{1, 1}, A, B);
        }
    }

    @Test
    void shouldCountAWeekendDayWithTheWeekendStation() {
        WeekCoverage week = week(HolidayCalendar.none());
        for (int hour : new int[]{5 * 24 + 10, 5 * 24 + 15, 6 * 24 + 12}) {
            assertRows(week, hour, 500, 0, 250, 0, new int[]{2, 0}, A, C);
        }
    }

    @Test
    void shouldCountTheWholeRegionAsTheSumOfItsDistricts() {
        WeekCoverage week = week(HolidayCalendar.none());
        WeekCoverage.Row region = week.region(12);
        assertThat(region.adcode()).isNull();
        assertThat(region.nameZh()).isNull();
        assertThat(region.openStations()).isEqualTo(2);
        assertThat(region.roadMeters()).isCloseTo(1000, within(1e-6));
        assertThat(region.roadMetersWithinBand()).isCloseTo(700, within(1e-6));
        assertThat(region.roadMetersWithTwo()).isCloseTo(50, within(1e-6));
        assertThat(region.people()).isCloseTo(line.model().surface().totalPeople(), within(1e-6));
        assertThat(region.peopleWithinBand()).isCloseTo(expectedPeople(-1, 1, A, B), within(1e-6));
        assertThat(week.districtAdcodes()).isEqualTo(line.model().districtAdcodes()).hasSize(2);
        assertThat(week.districtNames()).hasSize(2);
        assertThat(week.districts(12)).extracting(WeekCoverage.Row::adcode).isEqualTo(week.districtAdcodes());
    }

    @Test
    void shouldCountEachOpenSetOnceFirstInFullThenByUpdates() {
        WeekCoverage week = week(HolidayCalendar.none());
        // {A} from Monday 00:00, then {A, B} (one station more; first hour Monday 08:00), then {A, C}
        assertThat(week.steps()).extracting(WeekCoverage.Step::computation).containsExactly(
                WeekCoverage.Computation.FULL, WeekCoverage.Computation.INCREMENTAL, WeekCoverage.Computation.INCREMENTAL);
        assertThat(week.steps()).extracting(WeekCoverage.Step::opened).containsExactly(1, 1, 1);
        assertThat(week.steps()).extracting(WeekCoverage.Step::closed).containsExactly(0, 0, 1);
        assertThat(week.steps().get(1).hours()).hasSize(5 * 12).startsWith(8, 9).endsWith(4 * 24 + 19);
        assertThat(week.steps().get(2).hours()).hasSize(2 * 6).startsWith(5 * 24 + 10);
        assertThat(week.steps().get(0).hours()).hasSize(168 - 60 - 12);
        assertThat(week.stepOf(3)).isZero();
        assertThat(week.stepOf(9)).isEqualTo(1);
        assertThat(week.hourStart(5 * 24 + 10)).isEqualTo(LocalDateTime.of(2026, 6, 6, 10, 0));
    }

    @Test
    void shouldCloseAStationOnAPublicHolidayOnly() {
        LocalDate wednesday = MONDAY.plusDays(2);
        WeekCoverage week = week(new HolidayCalendar(Set.of(wednesday), Set.of()));
        // PH off: B is closed all Wednesday, the week's other weekdays are as without the holiday
        assertThat(week.isOpen(1, 2 * 24 + 9)).isFalse();
        assertThat(week.isOpen(1, 24 + 9)).isTrue();
        assertThat(week.isOpen(1, 3 * 24 + 9)).isTrue();
        assertRows(week, 2 * 24 + 9, 350, 0, 0, 0, new int[]{1, 0}, A);
        assertRows(week, 24 + 9, 500, 200, 50, 0, new int[]{1, 1}, A, B);
        assertRows(week, 3 * 24 + 9, 500, 200, 50, 0, new int[]{1, 1}, A, B);
        // the all-day station has no PH rule: open on the holiday as on any day
        assertThat(week.isOpen(0, 2 * 24 + 9)).isTrue();
        assertThat(week.steps().get(1).hours()).hasSize(4 * 12);
    }

    @Test
    void shouldLeaveStationsOfUnknownHoursClosed() {
        List<WeekCoverage.Station> unknown = List.of(new WeekCoverage.Station(line.at(1, 0.5), null),
                stations.get(1));
        WeekCoverage week = WeekCoverage.compute(line.model(), 600, unknown, MONDAY, HolidayCalendar.none(), BAND, false);
        assertThat(week.region(3).openStations()).isZero();
        assertThat(week.region(3).peopleWithinBand()).isZero();
        assertThat(week.region(3).roadMetersWithinBand()).isZero();
        assertThat(week.region(9).openStations()).isEqualTo(1);
        assertThat(week.region(9).roadMetersWithinBand()).isCloseTo(400, within(1e-6));
        assertThat(week.region(9).peopleWithTwo()).isNull();
        assertThat(week.region(9).roadMetersWithTwo()).isNull();
        assertThat(WeekCoverage.openAt(unknown, MONDAY.atTime(9, 0), HolidayCalendar.none()))
                .containsExactly(stations.get(1).place());
    }

    @Test
    void shouldRejectAWeekNotStartingOnMondayAndABandBeyondTheLimit() {
        assertThatThrownBy(() -> WeekCoverage.compute(line.model(), 600, stations, MONDAY.plusDays(1), HolidayCalendar.none(),
                BAND, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Monday");
        assertThatThrownBy(() -> WeekCoverage.compute(line.model(), 60, stations, MONDAY, HolidayCalendar.none(), BAND, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> week(HolidayCalendar.none()).region(168)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Checks both districts' rows at an hour: road metres by hand, people from the formula over the open stations. */
    private void assertRows(WeekCoverage week, int hour, double westMeters, double eastMeters, double westTwo,
                            double eastTwo, int[] open, double... at) {
        List<WeekCoverage.Row> rows = week.districts(hour);
        double[][] meters = {{westMeters, westTwo}, {eastMeters, eastTwo}};
        for (int d = 0; d < 2; d++) {
            WeekCoverage.Row row = rows.get(d);
            String what = "hour " + hour + " district " + d;
            assertThat(row.openStations()).as(what).isEqualTo(open[d]);
            assertThat(row.roadMeters()).as(what).isCloseTo(500, within(1e-6));
            assertThat(row.roadMetersWithinBand()).as(what).isCloseTo(meters[d][0], within(1e-6));
            assertThat(row.roadMetersWithTwo()).as(what).isCloseTo(meters[d][1], within(1e-6));
            assertThat(row.peopleWithinBand()).as(what).isCloseTo(expectedPeople(d, 1, at), within(1e-6));
            assertThat(row.peopleWithTwo()).as(what).isCloseTo(expectedPeople(d, 2, at), within(1e-6));
        }
        assertThat(week.region(hour).openStations()).isEqualTo(at.length);
    }

    /**
     * People of district {@code d} (-1: all) reaching at least {@code atLeast} of the stations at the given places
     * (hundreds of metres along the street) within the band: street minutes |x − s| plus the off-road walk.
     */
    private double expectedPeople(int d, int atLeast, double... stationsAt) {
        CoverageModel model = line.model();
        double people = 0;
        for (int cell = 0; cell < model.cellCount(); cell++) {
            if (d >= 0 && model.cellDistrict(cell) != d) {
                continue;
            }
            double x = model.cellEdge(cell) + model.cellFraction(cell);
            List<Double> millis = new ArrayList<>();
            for (double s : stationsAt) {
                millis.add(Math.abs(x - s) * DrawnStreets.MILLIS_PER_100_M + model.cellOffRoadMillis(cell));
            }
            if (millis.stream().filter(t -> t <= BAND * 60_000.0).count() >= atLeast) {
                people += model.surface().people(cell);
            }
        }
        return people;
    }
}
