package cn.servicemap.support;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A fresh, empty database per test context, on H2GIS (in memory) or on the local PostGIS cluster.
 * The PostGIS cluster is the one {@code scripts/test.sh} started (SERVICEMAP_TEST_POSTGIS_URL); when
 * that is not set, {@code scripts/postgis.sh start --db servicemap_test} is run once to start it.
 * The cluster URL's database is only the entry point: nothing is written there, every context gets
 * a database of its own.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    public static String freshH2Url() {
        return "jdbc:h2:mem:sm" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    /** Creates a new database on the PostGIS cluster and returns its JDBC URL. */
    public static String freshPostgisUrl() {
        String cluster = Cluster.FOUND.url().orElseThrow(() -> new IllegalStateException(Cluster.FOUND.whyNot()));
        String name = "sm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(cluster); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + cluster + ": " + e.getMessage(), e);
        }
        return cluster.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    public static boolean postgisAvailable() {
        return Cluster.FOUND.url().isPresent();
    }

    public static String whyNoPostgis() {
        return Cluster.FOUND.whyNot();
    }

    /** Found once per test JVM (the holder idiom: initialised on first use, immutable after). */
    private static final class Cluster {
        record Found(Optional<String> url, String whyNot) {
            static Found url(String url) {
                return new Found(Optional.of(url), "");
            }

            static Found none(String why) {
                return new Found(Optional.empty(), why);
            }
        }

        static final Found FOUND = discover();

        private static Found discover() {
            String env = System.getenv("SERVICEMAP_TEST_POSTGIS_URL");
            if (env != null && !env.isBlank()) {
                return Found.url(env.trim());
            }
            Path script = Path.of(System.getProperty("servicemap.repo-root", ".."), "scripts", "postgis.sh");
            if (!Files.isExecutable(script)) {
                return Found.none("SERVICEMAP_TEST_POSTGIS_URL is not set and " + script + " is missing");
            }
            try {
                Path log = Files.createTempFile("postgis-start", ".log");
                // the same entry database as scripts/test.sh: never the app's (servicemap)
                Process p = new ProcessBuilder(List.of(script.toString(), "start", "--db", "servicemap_test"))
                        .redirectError(log.toFile()).start();
                String last = null;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        last = line;
                    }
                }
                String err = Files.readString(log);
                if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || last == null || !last.startsWith("jdbc:")) {
                    return Found.none("scripts/postgis.sh failed: " + err.strip());
                }
                return Found.url(last.trim());
            } catch (Exception e) {
                return Found.none("cannot run scripts/postgis.sh: " + e.getMessage());
            }
        }
    }
}
