package cn.servicemap.system;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.geojson.GeoJsonGeometries;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.TravelProfile;
import java.util.function.Function;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Binds the shared request values once: query parameters through converters, JSON properties through a
 * Jackson module, both with the rules and messages of {@link RequestValues}. The same module writes JTS
 * geometries as GeoJSON (RFC 7946) wherever a response record holds one.
 */
@Configuration(proxyBeanMethods = false)
class RequestValuesConfig implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, TravelProfile.class, RequestValues::profile);
        registry.addConverter(String.class, CoordinateSystem.class, RequestValues::crs);
        registry.addConverter(String.class, BoundingBox.class, RequestValues::bbox);
    }

    @Bean
    JacksonModule serviceMapJsonModule() {
        SimpleModule module = new SimpleModule("servicemap");
        module.addSerializer(Geometry.class, new GeometrySerializer());
        module.addDeserializer(TravelProfile.class, new TextDeserializer<>(TravelProfile.class, RequestValues::profile));
        module.addDeserializer(CoordinateSystem.class, new TextDeserializer<>(CoordinateSystem.class, RequestValues::crs));
        module.addDeserializer(BoundingBox.class, new TextDeserializer<>(BoundingBox.class, RequestValues::bbox));
        return module;
    }

    /** Any JTS geometry as a GeoJSON geometry object, coordinates rounded to 7 decimals ({@link GeoJsonGeometries}). */
    private static final class GeometrySerializer extends ValueSerializer<Geometry> {
        @Override
        public void serialize(Geometry value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writePOJO(GeoJsonGeometries.write(value));
        }
    }

    /** A value read from a JSON string by one of {@link RequestValues}' rules; JSON null stays null. */
    private static final class TextDeserializer<T> extends ValueDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> parse;

        TextDeserializer(Class<T> type, Function<String, T> parse) {
            this.type = type;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            return parse.apply(p.getValueAsString());
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
