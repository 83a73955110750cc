package cn.servicemap.gis.testdata;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A small disk that a test can really fill: a tmpfs of a few megabytes mounted on a new folder in the system's temporary
 * folder ({@code mount -t tmpfs -o size=2m tmpfs DIR}). Mounting needs Linux and root (or CAP_SYS_ADMIN), as the tests have
 * here; where it is refused the test is skipped, saying why. {@link #close()} unmounts it and deletes the folder.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path root;

    private SmallDisk(Path root) {
        this.root = root;
    }

    /** Mounts a tmpfs of {@code size} ("2m", "8m": as mount's size= option) or skips the calling test. */
    public static SmallDisk mount(String size) throws IOException {
        Assumptions.assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "a tmpfs can be mounted on Linux only");
        // not under target/: a mount left behind by a killed test run would make "mvn clean" fail
        Path root = Files.createTempDirectory("servicemap-small-disk-");
        String out;
        int exit;
        try {
            Run run = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", root.toString());
            out = run.output();
            exit = run.exit();
        } catch (IOException e) { // no mount command
            out = e.getMessage();
            exit = -1;
        }
        if (exit != 0) {
            Files.deleteIfExists(root);
            Assumptions.abort("cannot mount a tmpfs of " + size + " on " + root + " (needs root or CAP_SYS_ADMIN): " + out);
        }
        return new SmallDisk(root);
    }

    /** Gives the disk another size, keeping what is on it (as an operator who makes room). */
    public void resize(String size) throws IOException {
        Run run = run("mount", "-o", "remount,size=" + size, root.toString());
        if (run.exit() != 0) {
            throw new IOException("cannot resize " + root + " to " + size + ": " + run.output());
        }
    }

    /** The mount point: everything under it is on the small disk. */
    public Path root() {
        return root;
    }

    public long usableBytes() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    /** Writes {@code filler} until the disk refuses more ("No space left on device"); returns the bytes written. */
    public long fill(String filler) throws IOException {
        return fill(filler, 0);
    }

    /** Writes {@code filler} until fewer than {@code leaveBytes} + 4 KiB are usable, or the disk refuses more. */
    public long fill(String filler, long leaveBytes) throws IOException {
        byte[] block = new byte[4096];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(root.resolve(filler))) {
            while (usableBytes() >= leaveBytes + block.length) {
                out.write(block); // unbuffered: on the disk when write returns
                written += block.length;
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                throw e;
            }
        }
        return written;
    }

    /** The files and folders under the mount point, relative to it, sorted. */
    public List<String> contents() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException {
        Run run = run("umount", root.toString());
        if (run.exit() != 0) {
            throw new IOException("umount " + root + " failed: " + run.output());
        }
        try (Stream<Path> walk = Files.walk(root)) { // the empty mount point
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, String.join(" ", command) + " did not finish in 30 s");
            }
            return new Run(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }
}
