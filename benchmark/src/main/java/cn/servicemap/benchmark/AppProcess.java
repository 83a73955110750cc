package cn.servicemap.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ServiceMap app as a user runs it ({@code java -jar backend/target/servicemap.jar}), for the scale runs: the
 * import commands, timed as whole processes, and the server, driven over HTTP. Each instance has a folder of its own
 * under {@code benchmark/target/scale} with its H2 database, graph caches, uploaded files and log, so the benchmark
 * never shares a database with the app or the tests.
 */
final class AppProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Path jar;
    private final Path home;
    private final String heap;
    private final List<String> settings;
    private Process server;
    private int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param heap     the {@code -Xmx} of every process of this instance, e.g. {@code 2g}
     * @param settings further {@code --name=value} settings of the app
     */
    AppProcess(Path repoRoot, Path home, String heap, List<String> settings) throws IOException {
        this.jar = repoRoot.resolve("backend/target/servicemap.jar");
        if (!Files.isRegularFile(jar))
            throw new IOException("the app jar is built by scripts/benchmark.sh; not found: " + jar);
        this.home = home;
        this.heap = heap;
        this.settings = List.copyOf(settings);
        Files.createDirectories(home);
    }

    /** Runs {@code java -jar servicemap.jar import …} to the end; its output goes to {@code import.log}. */
    Run importCommand(String... words) throws IOException, InterruptedException {
        List<String> command = command(true);
        command.add("--servicemap.command=import");
        command.add("--spring.main.web-application-type=none");
        command.add("import");
        command.addAll(List.of(words));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("import.log").toFile())).start();
        int exit = p.waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (exit != 0)
            throw new IOException("import " + String.join(" ", words) + " exited with " + exit + "; see " + home.resolve("import.log"));
        return new Run(ms);
    }

    /** How long a whole command took, wall clock. */
    record Run(double ms) {
    }

    /** Starts the server on a free port and waits until it answers its health probe. */
    void start() throws IOException, InterruptedException {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = command(false);
        command.add("--server.port=" + port);
        server = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive())
                throw new IOException("the app exited on start with " + server.exitValue() + "; see " + home.resolve("server.log"));
            try {
                if (get("/actuator/health").status() == 200)
                    return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException("the app did not answer within " + START_TIMEOUT + "; see " + home.resolve("server.log"));
    }

    /** One GET, timed. */
    Answer get(String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), (System.nanoTime() - start) / 1e6);
    }

    /** An HTTP answer and how long it took. */
    record Answer(int status, String body, double ms) {
        JsonNode json() throws IOException {
            return CoverageBenchmark.JSON.readTree(body);
        }
    }

    /** The server's heap in use right after a full collection (jcmd GC.run, then GC.heap_info), in bytes. */
    long liveHeapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find())
            throw new IOException("no heap figure in jcmd GC.heap_info: " + info);
        return Long.parseLong(m.group(1)) * 1024;
    }

    private String jcmd(String what) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(java) ? java.toString() : "jcmd", Long.toString(server.pid()), what)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException("jcmd " + what + " failed: " + out);
        return out;
    }

    /** The server process's peak resident memory (Linux {@code /proc/PID/status} VmHWM), or null where unknown. */
    Double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
                if (line.startsWith("VmHWM:"))
                    return HeapWatch.mb(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return null;
    }

    boolean alive() {
        return server != null && server.isAlive();
    }

    /** Whether the server's log mentions an OutOfMemoryError. */
    boolean ranOutOfMemory() throws IOException {
        Path log = home.resolve("server.log");
        return Files.isRegularFile(log) && Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
    }

    Path home() {
        return home;
    }

    private List<String> command(boolean forImport) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Xmx" + heap);
        // a server that runs out of memory must stop, not limp on: the province run counts that as a failure
        if (!forImport)
            c.add("-XX:+ExitOnOutOfMemoryError");
        c.add("-jar");
        c.add(jar.toAbsolutePath().toString());
        c.add("--spring.datasource.url=jdbc:h2:file:" + home.resolve("db/servicemap").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        c.add("--servicemap.demo.enabled=false");
        c.add("--servicemap.network.cache-dir=" + home.resolve("network").toAbsolutePath());
        c.add("--servicemap.regions-dir=" + home.resolve("regions").toAbsolutePath());
        c.add("--logging.level.root=INFO");
        c.addAll(settings);
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS))
                server.destroyForcibly().waitFor();
        }
    }
}
