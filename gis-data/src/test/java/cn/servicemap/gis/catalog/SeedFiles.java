package cn.servicemap.gis.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real seed files: {@code <repo>/seeds/src/main/resources/seeds}. */
final class SeedFiles {

    private SeedFiles() {
    }

    /** The repository root: the system property {@code servicemap.repo-root} (set by surefire), else {@code ..}. */
    static Path repoRoot() {
        return Path.of(System.getProperty("servicemap.repo-root", ".."));
    }

    static Path seed(String name) {
        return repoRoot().resolve("seeds/src/main/resources/seeds").resolve(name);
    }

    static InputStream open(String name) {
        try {
            return Files.newInputStream(seed(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StationCatalog catalog() throws IOException {
        try (InputStream kinds = open("station-kinds.csv"); InputStream services = open("services.csv")) {
            return StationCatalog.read(kinds, services);
        }
    }
}
