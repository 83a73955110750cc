package cn.servicemap.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.system.ApplicationHome;
import org.springframework.stereotype.Component;

/**
 * Finds the shared real-data folder (read-only, never copied into the repository): the configured
 * {@code servicemap.data-dir}, else {@code ../shared/data} or {@code ./shared/data} seen from the
 * working directory or from the folder of the running jar.
 */
@Component
public class SharedData {

    private static final Logger log = LoggerFactory.getLogger(SharedData.class);

    private final Optional<Path> dir;

    public SharedData(ServiceMapProperties properties) {
        List<Path> candidates = new ArrayList<>();
        if (properties.dataDir() != null && !properties.dataDir().isBlank()) {
            candidates.add(Path.of(properties.dataDir()));
        } else {
            Path cwd = Path.of("").toAbsolutePath();
            Path jarDir = new ApplicationHome(SharedData.class).getDir().toPath().toAbsolutePath();
            for (Path base : List.of(cwd, jarDir)) {
                for (Path p = base; p != null; p = p.getParent()) {
                    candidates.add(p.resolve("../shared/data").normalize());
                    candidates.add(p.resolve("shared/data"));
                    if (candidates.size() > 12) {
                        break;
                    }
                }
            }
        }
        this.dir = candidates.stream().filter(p -> Files.isDirectory(p.resolve("osm-cn-fixtures"))).findFirst();
        if (dir.isEmpty() && properties.dataDir() != null && !properties.dataDir().isBlank()) {
            log.warn("servicemap.data-dir={} has no osm-cn-fixtures folder: the demo will use a synthetic region. "
                    + "Point SERVICEMAP_DATA_DIR at the shared data folder to use the real Nanjing data.", properties.dataDir());
        }
    }

    /** The shared data folder, if found. */
    public Optional<Path> dir() {
        return dir;
    }
}
