package cn.servicemap.gis.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.CacheDiskFullException;
import cn.servicemap.gis.testdata.SmallDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The disk of the road network cache fills up for real: the Nanjing core imported into a tmpfs of 2 MB, which its
 * graph does not fit into (about 5 MB: GraphHopper writes its arrays in segments of 1 MB); and a complete cache loaded
 * from a disk with not a byte left. Skipped where a tmpfs cannot be mounted (see {@link SmallDisk}).
 */
class CacheDiskFullTest {

    private static final EnumSet<TravelProfile> ALL = EnumSet.allOf(TravelProfile.class);

    @Test
    void shouldDeleteThePartialGraphAndSayHowMuchIsFreeWhenTheDiskFillsUpDuringAnImport() throws IOException {
        try (SmallDisk disk = SmallDisk.mount("2m")) {
            Path cache = disk.root().resolve("nanjing");

            assertThatThrownBy(() -> RoadNetwork.open(NanjingCore.osmFile(), cache, ALL))
                    .isInstanceOf(CacheDiskFullException.class)
                    .hasMessageStartingWith("路网缓存文件夹 " + cache.toAbsolutePath() + " 所在的磁盘已满。")
                    .hasMessageContaining("该磁盘现有 2,097,152 字节（2.0 MB）可用")
                    .hasMessageContaining("(the disk of the road network cache folder " + cache.toAbsolutePath() + " is full.")
                    .hasMessageContaining("2,097,152 bytes (2.0 MB) are usable on that disk now")
                    .hasMessageContaining("Free space on it, or move the cache folder to a disk with more room")
                    .hasMessageNotContaining("Couldn't store bytes")
                    .satisfies(e -> assertThat(((CacheDiskFullException) e).folder()).isEqualTo(cache.toAbsolutePath()))
                    .rootCause().hasMessage("No space left on device");
            // no graph and no manifest: the space is back, and no next run takes half a graph for a whole one
            assertThat(disk.contents()).containsExactly("nanjing");
            assertThat(disk.usableBytes()).isEqualTo(2L << 20);

            disk.resize("16m"); // the operator makes room; the next load imports
            RoadNetwork network = RoadNetwork.open(NanjingCore.osmFile(), cache, ALL);
            assertThat(network.description()).endsWith("(imported)");
            assertThat(network.edgeCount()).isEqualTo(NanjingCore.network().edgeCount());
            assertThat(disk.contents()).contains("nanjing/graph", "nanjing/manifest.properties");
        }
    }

    @Test
    void shouldLoadACompleteCacheFromADiskWithNoByteLeft() throws IOException {
        RoadNetwork imported = NanjingCore.network(); // imports into target/network-cache once per test run
        try (SmallDisk disk = SmallDisk.mount("8m")) {
            Path cache = copy(NanjingCore.cacheDir(), disk.root().resolve("nanjing"));
            List<String> complete = disk.contents();
            disk.fill("filler");
            assertThat(disk.usableBytes()).isZero();

            RoadNetwork loaded = RoadNetwork.open(NanjingCore.osmFile(), cache, ALL);

            assertThat(loaded.description()).endsWith("(cached graph)");
            assertThat(loaded.nodeCount()).isEqualTo(imported.nodeCount());
            assertThat(loaded.edgeCount()).isEqualTo(imported.edgeCount());
            // GraphHopper creates an empty lock file while it loads and deletes it on close; nothing else is written
            assertThat(disk.contents()).containsExactlyElementsOf(Stream.concat(complete.stream(), Stream.of("filler")).sorted().toList());
        }
    }

    @Test
    void shouldLoadACompleteCacheFromAFullDiskWhenTheManifestCannotBeUpdated() throws IOException {
        RoadNetwork imported = NanjingCore.network();
        // the same extract with another modification time: the manifest would be rewritten to skip hashing it next time
        Path touched = Files.createDirectories(Path.of("target", "disk-full-test")).resolve(NanjingCore.osmFile().getFileName());
        Files.copy(NanjingCore.osmFile(), touched, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(touched, FileTime.from(Instant.parse("2021-06-12T00:00:00Z")));
        try (SmallDisk disk = SmallDisk.mount("8m")) {
            Path cache = copy(NanjingCore.cacheDir(), disk.root().resolve("nanjing"));
            byte[] manifest = Files.readAllBytes(cache.resolve("manifest.properties"));
            disk.fill("filler");

            RoadNetwork loaded = RoadNetwork.open(touched, cache, ALL);

            assertThat(loaded.description()).endsWith("(cached graph)");
            assertThat(loaded.edgeCount()).isEqualTo(imported.edgeCount());
            assertThat(cache.resolve("manifest.properties")).hasBinaryContent(manifest); // kept as it was, no .tmp left
            assertThat(cache.resolve("manifest.properties.tmp")).doesNotExist();
        }
    }

    @Test
    void shouldRecogniseAFullDiskByTheSystemsWordsAmongTheCauses() {
        assertThat(CacheDiskFullException.isDiskFull(new RuntimeException("Couldn't store bytes to graph/nodes",
                new IOException("No space left on device")))).isTrue();
        assertThat(CacheDiskFullException.isDiskFull(new java.nio.file.FileSystemException("C:\\\\cache\\\\nodes", null,
                "There is not enough space on the disk"))).isTrue();
        IOException closing = new IOException("closing");
        closing.addSuppressed(new IOException("No space left on device"));
        assertThat(CacheDiskFullException.isDiskFull(closing)).isTrue();
        assertThat(CacheDiskFullException.isDiskFull(new IOException("Permission denied"))).isFalse();
        assertThat(CacheDiskFullException.isDiskFull(new IllegalStateException("No space left on device"))).isFalse();
    }

    /** Copies a complete cache folder (the files' times do not matter: the manifest records the OSM file's). */
    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        assertThat(to.resolve("manifest.properties")).exists();
        return to;
    }
}
