package cn.servicemap.gis.network;

import cn.servicemap.gis.testdata.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.Stream;


/**
 * The Nanjing Xinjiekou core (real OSM, © OpenStreetMap contributors, ODbL) imported once per test run into
 * {@code target/network-cache/nanjing-xinjiekou} and shared by all test classes of the JVM.
 */
public final class NanjingCore {
    private static RoadNetwork network;

    private NanjingCore() {
    }

    /** The extract in ../shared/data; a missing file fails the test (see TestData). */
    public static Path osmFile() {
        return TestData.nanjingOsm();
    }

    public static Path cacheDir() {
        return Path.of("target", "network-cache", "nanjing-xinjiekou");
    }

    /** All three profiles; the first call in a JVM deletes the cache and imports afresh. */
    public static synchronized RoadNetwork network() {
        if (network == null) {
            try {
                deleteRecursively(cacheDir());
                network = RoadNetwork.open(osmFile(), cacheDir(), EnumSet.allOf(TravelProfile.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return network;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }
}
