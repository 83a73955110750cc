package cn.servicemap.catalog;

import cn.servicemap.security.Access;
import cn.servicemap.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** The holiday calendar (放假调休安排): which years it knows, and an administrator loading next year's. */
@RestController
class HolidayController {

    @Schema(description = "The holiday calendar: the years it knows (dates of other years are taken as ordinary days)")
    record Calendar(List<HolidayCalendars.Year> years, @Schema(nullable = true) Integer lastYear) {
    }

    private final HolidayCalendars calendars;
    private final Access access;

    HolidayController(HolidayCalendars calendars, Access access) {
        this.calendars = calendars;
        this.access = access;
    }

    @Operation(summary = "The years the holiday calendar knows, and where each comes from (节假日安排)")
    @GetMapping("/api/holidays")
    Calendar calendar() {
        List<HolidayCalendars.Year> years = calendars.years();
        return new Calendar(years, years.isEmpty() ? null : years.get(years.size() - 1).year());
    }

    @Operation(summary = "Load a year's arrangement (载入某年放假调休安排), admin: the body a CSV (text/csv) with date, kind (holiday | "
            + "workday), name_zh, source — like seeds' holidays-cn.csv; it replaces that year")
    @PutMapping(value = "/api/holidays/{year}", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    HolidayCalendars.Year load(@PathVariable int year, HttpServletRequest request) throws IOException {
        access.requireEveryRegion("year", Role.ADMIN);
        try (InputStream in = request.getInputStream()) {
            return calendars.loadYear(year, in, access.actor());
        }
    }
}
