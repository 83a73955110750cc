package cn.servicemap.region;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** seeds/demo-region.json: which shared files make the demo region; paths relative to the shared data folder. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DemoManifest(String code, @JsonProperty("name_zh") String nameZh, @JsonProperty("city_adcode") String cityAdcode,
                    String boundaries, @JsonProperty("boundaries_crs") String boundariesCrs, String census, String ghsl,
                    String osm, @JsonProperty("core_bbox") List<Double> coreBbox,
                    @JsonProperty("demo_station_prefix") String demoStationPrefix, List<Credit> credits) {

    /** Whose data it is and under which licence; {@code text} is what the map and reports show. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credit(String data, String text, String licence, String url) {
    }
}
