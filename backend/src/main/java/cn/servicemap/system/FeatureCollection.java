package cn.servicemap.system;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A GeoJSON FeatureCollection (RFC 7946 §3.3) of features with typed properties. */
@Schema(description = "GeoJSON FeatureCollection (RFC 7946)")
public record FeatureCollection<P>(@Schema(allowableValues = "FeatureCollection") String type, List<Feature<P>> features) {

    public static <P> FeatureCollection<P> of(List<Feature<P>> features) {
        return new FeatureCollection<>("FeatureCollection", features);
    }
}
