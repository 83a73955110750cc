package cn.servicemap.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for "now" in the configured zone, so tests can fix time and "open now" means local time. */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(ServiceMapProperties properties) {
        return Clock.system(ZoneId.of(properties.timeZone()));
    }
}
