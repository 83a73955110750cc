package cn.servicemap.system;

import cn.servicemap.gis.network.BoundingBox;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    /** The one schema of a GeoJSON geometry, referred to by every record field holding a JTS geometry. */
    static final String GEOMETRY_SCHEMA = "#/components/schemas/GeoJsonGeometry";

    static {
        // A bounding box travels as the text minLon,minLat,maxLon,maxLat (see RequestValues.bbox), also inside query objects.
        SpringDocUtils.getConfig().replaceWithClass(BoundingBox.class, String.class).addSimpleTypesForParameterObject(BoundingBox.class);
    }

    @Bean
    OpenAPI serviceMapOpenApi() {
        Schema<?> coordinates = new ArraySchema().items(new Schema<>().oneOf(List.of(new NumberSchema(), new ArraySchema())))
                .description("Positions as [lon, lat] (WGS84), nested by type: Point [x,y], LineString [[x,y]…], Polygon [[[x,y]…]…] …");
        Schema<?> geometry = new ObjectSchema()
                .description("GeoJSON geometry (RFC 7946), WGS84 lon/lat, 7 decimals 几何（WGS84 经纬度）")
                .addProperty("type", new StringSchema()._enum(List.of("Point", "MultiPoint", "LineString", "MultiLineString",
                        "Polygon", "MultiPolygon", "GeometryCollection")))
                .addProperty("coordinates", coordinates)
                .addProperty("geometries", new ArraySchema().items(new Schema<>().$ref(GEOMETRY_SCHEMA)))
                .required(List.of("type"));
        return new OpenAPI()
                .components(new Components().addSchemas("GeoJsonGeometry", geometry))
                .info(new Info()
                        .title("ServiceMap 职工服务阵地地图 API")
                        .version("v1")
                        .description("Service points for workers (驿站, 工人文化宫, 职工服务中心 …), their districts and coverage. "
                                + "Coordinates are WGS84 lon/lat; errors are RFC 9457 problem details with the field and the reason. "
                                + "Map data © OpenStreetMap contributors (ODbL).")
                        .license(new License().name("Data: © OpenStreetMap contributors, ODbL").url("https://www.openstreetmap.org/copyright")));
    }
}
