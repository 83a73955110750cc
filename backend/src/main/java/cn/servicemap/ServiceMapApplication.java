package cn.servicemap;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ServiceMap 职工服务阵地地图. {@code java -jar servicemap.jar} serves the app (H2GIS by default);
 * {@code java -jar servicemap.jar import <stations|districts|census> --file=… [--crs=…] [--commit]}
 * imports a file into the configured database and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServiceMapApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(ServiceMapApplication.class);
        if (args.length > 0 && "import".equals(args[0])) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("servicemap.command", "import", "servicemap.demo.enabled", "false"));
            System.exit(SpringApplication.exit(app.run(args)));
        }
        app.run(args);
    }
}
