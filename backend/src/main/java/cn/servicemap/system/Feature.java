package cn.servicemap.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.locationtech.jts.geom.Geometry;

/**
 * A GeoJSON Feature (RFC 7946 §3.2) with typed properties. The geometry is WGS84 lon/lat and is written
 * by the one geometry serializer ({@link RequestValuesConfig}); the id, when there is one, is a string
 * (a district's adcode) or a number (a station's id, a gap's rank).
 */
@Schema(description = "GeoJSON Feature (RFC 7946)")
public record Feature<P>(@Schema(allowableValues = "Feature") String type,
                         @JsonInclude(JsonInclude.Include.NON_NULL)
                         @Schema(description = "Absent when the feature has no id", oneOf = {String.class, Long.class}) Object id,
                         @Schema(description = "null when not asked for (GeoJSON allows a null geometry)", ref = OpenApiConfig.GEOMETRY_SCHEMA)
                         Geometry geometry,
                         P properties) {

    public static <P> Feature<P> of(Object id, Geometry geometry, P properties) {
        return new Feature<>("Feature", id, geometry, properties);
    }
}
