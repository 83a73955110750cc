package cn.servicemap.region;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** seeds/demo-region.json: which shared files make the demo region; paths relative to the shared data folder. */
@JsonIgnoreProperties(ignoreUnknown = true)
record DemoManifest(String code, @JsonProperty("name_zh") String nameZh, @JsonProperty("city_adcode") String cityAdcode,
                    String boundaries, @JsonProperty("boundaries_crs") String boundariesCrs, String census, String ghsl,
                    String osm, @JsonProperty("core_bbox") List<Double> coreBbox,
                    @JsonProperty("demo_station_prefix") String demoStationPrefix, List<Object> credits) {
}
