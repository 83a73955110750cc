package cn.servicemap.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI serviceMapOpenApi() {
        return new OpenAPI().info(new Info()
                .title("ServiceMap 职工服务阵地地图 API")
                .version("v1")
                .description("Service points for workers (驿站, 工人文化宫, 职工服务中心 …), their districts and coverage. "
                        + "Coordinates are WGS84 lon/lat; errors are RFC 9457 problem details with the field and the reason. "
                        + "Map data © OpenStreetMap contributors (ODbL).")
                .license(new License().name("Data: © OpenStreetMap contributors, ODbL").url("https://www.openstreetmap.org/copyright")));
    }
}
