package cn.servicemap.photos;

import cn.servicemap.support.TestDatabases;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same contract with the images kept on disk ({@code servicemap.photos.storage=disk}): files written, then deleted. */
class PhotoApiOnDiskH2Test extends PhotoApiContract {

    private static final Path DIR = Path.of("target", "photos-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
        r.add("servicemap.photos.storage", () -> "disk");
        r.add("servicemap.photos.dir", DIR::toString);
    }

    @Override
    protected Path photoDir() {
        return DIR;
    }
}
