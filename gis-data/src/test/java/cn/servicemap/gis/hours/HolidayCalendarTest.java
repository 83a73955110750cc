package cn.servicemap.gis.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private static HolidayCalendar read(String csv) throws IOException {
        return HolidayCalendar.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadHolidaysAndWorkdaysByColumnName() throws IOException {
        HolidayCalendar calendar = read("\uFEFFname_zh,kind,date,source\r\n"
                + "国庆节,holiday,2026-10-01,\"国务院办公厅, 2025\"\r\n"
                + "\r\n"
                + "国庆节调休上班,WORKDAY,2026-10-10,\"multi\nline\"\r\n");

        assertThat(calendar.publicHolidays()).containsExactly(LocalDate.of(2026, 10, 1));
        assertThat(calendar.adjustedWorkdays()).containsExactly(LocalDate.of(2026, 10, 10));
        assertThat(calendar.isPublicHoliday(LocalDate.of(2026, 10, 2))).isFalse();
    }

    @Test
    void shouldNameTheLineOfABadRow() {
        assertThatThrownBy(() -> read("date,kind\n2026-10-01,holiday\n2026-10-02,vacation\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holiday CSV line 3: kind must be holiday or workday, found 'vacation'");
        assertThatThrownBy(() -> read("date,kind\n2026-13-01,holiday\n"))
                .hasMessage("holiday CSV line 2: invalid date '2026-13-01'");
        assertThatThrownBy(() -> read("day,kind\n"))
                .hasMessageContaining("holiday CSV").hasMessageContaining("date");
        assertThatThrownBy(() -> read("date,kind\n2026-10-01,holiday\n2026-10-01,workday\n"))
                .hasMessage("holiday CSV line 3: 2026-10-01 is listed as both holiday and workday");
    }

    @Test
    void shouldKeepHolidaysAndWorkdaysDisjoint() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        assertThatThrownBy(() -> new HolidayCalendar(Set.of(day), Set.of(day)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HolidayCalendar.none().isPublicHoliday(day)).isFalse();
    }
}
