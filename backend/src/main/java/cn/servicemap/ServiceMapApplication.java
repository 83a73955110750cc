package cn.servicemap;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ServiceMap 职工服务阵地地图. {@code java -jar servicemap.jar} serves the app (H2GIS by default);
 * {@code java -jar servicemap.jar import <stations|districts|census> --file=… [--crs=…] [--commit]}
 * imports a file into the configured database and exits; {@code java -jar servicemap.jar user add --username=… --role=…
 * [--region=…] [--districts=a,b]} creates a user (the password from {@code SERVICEMAP_NEW_USER_PASSWORD}) and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ServiceMapApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ("import".equals(args[0]) || "user".equals(args[0]))) {
            System.exit(SpringApplication.exit(runCommand(args)));
        }
        SpringApplication.run(ServiceMapApplication.class, args);
    }

    /**
     * Starts the application for a command-line import: no web server and no demo region (given as
     * command-line properties, which outrank application.yml).
     */
    public static ConfigurableApplicationContext runImport(String... args) {
        return runCommand(args);
    }

    /** Starts the application for the command its first word names ({@code import}, {@code user}), as {@link #runImport}. */
    public static ConfigurableApplicationContext runCommand(String... args) {
        SpringApplication app = new SpringApplication(ServiceMapApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--servicemap.command=" + args[0];
        all[args.length + 1] = "--servicemap.demo.enabled=false";
        return app.run(all);
    }
}
