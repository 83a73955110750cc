package cn.servicemap.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL + PostGIS cluster of one test's own, started and stopped with {@code scripts/postgis.sh} (the test
 * stops it under the app's feet; no other test uses it).
 */
final class PostgresCluster implements AutoCloseable {

    private final Path dir;
    private final String url;

    PostgresCluster(Path dir, String database) throws IOException, InterruptedException {
        this.dir = dir;
        this.url = run("start", "--db", database).strip().lines().reduce((x, y) -> y).orElseThrow();
    }

    String url() {
        return url;
    }

    void stop() throws IOException, InterruptedException {
        run("stop");
    }

    void start() throws IOException, InterruptedException {
        String again = run("start", "--db", url.replaceAll(".*/([^/?]+)\\?.*", "$1")).strip().lines().reduce((x, y) -> y).orElseThrow();
        if (!again.equals(url)) {
            throw new IllegalStateException("the cluster came back on another address: " + again + " (was " + url + ")");
        }
    }

    /** One number from the database, e.g. a count. */
    long number(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(AppProcess.repoRoot().resolve("scripts/postgis.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().put("SERVICEMAP_PG_DIR", dir.toString());
        pb.environment().put("SERVICEMAP_PG_PORT", String.valueOf(56_000 + (int) (ProcessHandle.current().pid() % 1000)));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("scripts/postgis.sh " + String.join(" ", args) + " failed: " + err);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("stop");
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dir); // a cluster is tens of MB
    }
}
