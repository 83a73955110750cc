package cn.servicemap.gis.table;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only real data in ../shared/data next to the repository (see DESIGN.md). */
final class SharedData {

    private SharedData() {
    }

    /** A file under shared/data; fails (not skips) when the data is missing. */
    static Path file(String relative) {
        String root = System.getProperty("servicemap.repo-root", "..");
        Path file = Path.of(root).resolve("../shared/data").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("test data missing: " + file
                    + " (the repository expects ../shared/data next to it)");
        }
        return file;
    }
}
