package cn.servicemap.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code servicemap.*}.
 *
 * @param dataDir  the shared real data (OSM extract, DataV boundaries, census); blank = look for ../shared/data
 * @param demo     whether to load a demo region into an empty database on start
 * @param timeZone the zone "open now" is judged in
 */
@ConfigurationProperties("servicemap")
public record ServiceMapProperties(String dataDir, @DefaultValue Demo demo, @DefaultValue("Asia/Shanghai") String timeZone) {

    public record Demo(@DefaultValue("true") boolean enabled) {
    }
}
