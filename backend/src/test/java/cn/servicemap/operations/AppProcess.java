package cn.servicemap.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged app ({@code backend/target/servicemap.jar}, built by {@code package} before the integration tests) run
 * as an operator runs it: its own process and working folder, the postgis profile, settings from the environment. It
 * can be stopped, killed ({@code kill -9}) and started again on the same folder and port.
 */
final class AppProcess implements AutoCloseable {

    static final String ADMIN = "ops-admin";
    static final String ADMIN_PASSWORD = "ops-admin-password-2026";

    private final String name;
    private final Path dir;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    /**
     * @param dir      the instance's working folder (its network cache and log are there)
     * @param settings extra {@code --key=value} settings
     */
    AppProcess(String name, Path dir, String dbUrl, boolean demo, List<String> settings) throws IOException {
        this.name = name;
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        Path jar = repoRoot().resolve("backend/target/servicemap.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the integration tests run after `mvnw package` (mvnw verify does both)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx700m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--spring.profiles.active=postgis", "--servicemap.instance-name=" + name,
                "--servicemap.data-dir=" + repoRoot().resolve("../shared/data").normalize(),
                "--servicemap.network.profiles=WALK", "--logging.file.name=" + dir.resolve("app.log")));
        cmd.addAll(settings);
        this.command = List.copyOf(cmd);
        this.environment = Map.of("SERVICEMAP_DB_URL", dbUrl, "SERVICEMAP_PORT", String.valueOf(port), "SERVICEMAP_DEMO",
                String.valueOf(demo), "SERVICEMAP_ADMIN_USERNAME", ADMIN, "SERVICEMAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("servicemap.repo-root", "..")).toAbsolutePath().normalize();
    }

    /** Starts the process and waits until it answers ready. */
    AppProcess start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("console.log").toFile()));
        pb.environment().putAll(environment);
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become ready within 3 minutes:\n" + logTail());
    }

    /** {@code kill -9}: no shutdown hook, no transaction finished. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String name() {
        return name;
    }

    /** The last lines the app wrote, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("console.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Whether the app's log has a line containing {@code text}. */
    boolean logged(String text) throws IOException {
        return Files.readString(dir.resolve("console.log"), StandardCharsets.UTF_8).contains(text);
    }

    /** A new folder under {@code backend/target/it} for one test's processes; kept after the run for their logs. */
    static Path freshFolder(String name) {
        try {
            return Files.createDirectories(Path.of("target", "it", name + "-" + System.currentTimeMillis()).toAbsolutePath());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
