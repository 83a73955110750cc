package cn.servicemap.support;

import cn.servicemap.catalog.CatalogParams;
import cn.servicemap.coverage.SitingService;
import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.hours.HolidayCalendar;
import cn.servicemap.map.MapProperties;
import cn.servicemap.region.RegionScope;
import cn.servicemap.system.ServiceMapProperties;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

/**
 * What every {@code @WebMvcTest} slice needs besides the controller under test and its mocked services: the
 * station catalog from the seeds (so kinds and services resolve as in the app), the settings, and a clock fixed
 * at {@link FixedClockConfig#NOW}; the siting service itself (its checks are what its slice tests, its work runs in
 * the mocked jobs). Slices run without a database or a road network, in a fraction of a second
 * each: they test request parsing, validation branches and error shapes.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ServiceMapProperties.class, MapProperties.class})
@Import({CatalogParams.class, RegionScope.class, SitingService.class})
public class WebSlice {

    @Bean
    StationCatalog stationCatalog() throws IOException {
        try (InputStream kinds = seed("station-kinds.csv"); InputStream services = seed("services.csv")) {
            return StationCatalog.read(kinds, services);
        }
    }

    /** The seed calendar, as the app has it before an administrator loads a year. */
    @Bean
    cn.servicemap.catalog.HolidayCalendars holidayCalendars() throws IOException {
        HolidayCalendar seed;
        try (InputStream holidays = seed("holidays-cn.csv")) {
            seed = HolidayCalendar.read(holidays);
        }
        cn.servicemap.catalog.HolidayCalendars calendars = org.mockito.Mockito.mock(cn.servicemap.catalog.HolidayCalendars.class);
        org.mockito.Mockito.when(calendars.current()).thenReturn(seed);
        org.mockito.Mockito.when(calendars.noteFor(org.mockito.ArgumentMatchers.any())).thenReturn(java.util.Optional.empty());
        return calendars;
    }

    @Bean
    Clock clock() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        return Clock.fixed(FixedClockConfig.NOW.atZone(shanghai).toInstant(), shanghai);
    }

    private static InputStream seed(String name) throws IOException {
        return new ClassPathResource("seeds/" + name).getInputStream();
    }
}
