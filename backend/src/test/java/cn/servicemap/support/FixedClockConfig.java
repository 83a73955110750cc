package cn.servicemap.support;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Fixes "now" at Monday 2026-11-23 10:00 in Shanghai, so "open now" has one right answer. */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClockConfig {

    public static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0);

    @Bean
    @Primary
    Clock fixedClock() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        return Clock.fixed(NOW.atZone(shanghai).toInstant(), shanghai);
    }
}
