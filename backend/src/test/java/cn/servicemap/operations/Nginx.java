package cn.servicemap.operations;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx running {@code scripts/nginx/servicemap.conf} (the README's load balancer) in front of the given
 * instances, in a folder of its own; in CI {@code scripts/test.sh} installs it.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;
    private final Path dir;

    Nginx(Path dir, List<Integer> instancePorts) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        this.port = AppProcess.freePort();
        String site = Files.readString(AppProcess.repoRoot().resolve("scripts/nginx/servicemap.conf"), StandardCharsets.UTF_8);
        StringBuilder servers = new StringBuilder();
        for (int p : instancePorts) {
            servers.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=10s;\n");
        }
        site = site.replaceAll("(?m)^    server 127\\.0\\.0\\.1:808[12] .*\\n", "")
                .replace("upstream servicemap {\n", "upstream servicemap {\n" + servers)
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        Files.writeString(dir.resolve("servicemap.conf"), site, StandardCharsets.UTF_8);
        String temp = dir.toAbsolutePath().toString();
        String main = (isRoot() ? "user root;\n" : "") + "worker_processes 1;\ndaemon off;\nerror_log " + temp + "/error.log;\npid " + temp
                + "/nginx.pid;\nevents { worker_connections 512; }\nhttp {\n  access_log off;\n"
                + "  client_body_temp_path " + temp + "/body;\n  proxy_temp_path " + temp + "/proxy;\n"
                + "  fastcgi_temp_path " + temp + "/fastcgi;\n  uwsgi_temp_path " + temp + "/uwsgi;\n  scgi_temp_path " + temp + "/scgi;\n"
                + "  include " + temp + "/servicemap.conf;\n}\n";
        Files.writeString(dir.resolve("nginx.conf"), main, StandardCharsets.UTF_8);
        process = new ProcessBuilder(BINARY.toString(), "-p", temp, "-c", temp + "/nginx.conf").redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("console.log")) + readIfThere("error.log"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ": " + readIfThere("error.log"));
    }

    private String readIfThere(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
