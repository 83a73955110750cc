package cn.servicemap.gis.testdata;

import cn.servicemap.gis.catalog.StationCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find real data: the read-only ../shared/data next to the repository (see DESIGN.md)
 * and the project's own seed files. Missing data fails a test rather than skipping it.
 */
public final class TestData {

    private TestData() {
    }

    /** The repository root: the system property {@code servicemap.repo-root} (set by surefire), else {@code ..}. */
    public static Path repoRoot() {
        return Path.of(System.getProperty("servicemap.repo-root", ".."));
    }

    /** A file under ../shared/data. */
    public static Path sharedFile(String relative) {
        Path file = repoRoot().resolve("../shared/data").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test data missing: " + file + " (the repository expects ../shared/data next to it)");
        }
        return file;
    }

    /** The Nanjing Xinjiekou OSM extract. */
    public static Path nanjingOsm() {
        return sharedFile("osm-cn-fixtures/nanjing-xinjiekou.osm");
    }

    public static Path seed(String name) {
        return repoRoot().resolve("seeds/src/main/resources/seeds").resolve(name);
    }

    public static InputStream openSeed(String name) {
        try {
            return Files.newInputStream(seed(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StationCatalog catalog() {
        try (InputStream kinds = openSeed("station-kinds.csv"); InputStream services = openSeed("services.csv")) {
            return StationCatalog.read(kinds, services);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
