package cn.servicemap.catalog;

import cn.servicemap.gis.catalog.StationCatalog;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The station catalog, read from the seeds module's files on the classpath (the holiday calendar: {@link HolidayCalendars}). */
@Configuration(proxyBeanMethods = false)
class CatalogConfig {

    @Bean
    StationCatalog stationCatalog() throws IOException {
        try (InputStream kinds = seed("station-kinds.csv"); InputStream services = seed("services.csv")) {
            return StationCatalog.read(kinds, services);
        }
    }

    static InputStream seed(String name) throws IOException {
        return new ClassPathResource("seeds/" + name).getInputStream();
    }
}
