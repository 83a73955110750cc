package cn.servicemap.benchmark;

import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import cn.servicemap.gis.network.Snap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database peers on the very same graph: our network's walk edges in a PostGIS table (COPY; vertex and edge
 * ids are ours + 1; costs are our edge times in seconds, -1 where walking is not allowed; geometry as a WGS84
 * line string with a GiST index), the stations in a point table with a GiST index, and
 * <ul>
 *   <li>{@code pgr_drivingDistance(edges_sql, stations, 900, directed, equicost := true)}: every vertex within 15
 *       minutes of its nearest station, all stations in one call;</li>
 *   <li>the 5 nearest stations by straight line ({@code ORDER BY geom <-> point LIMIT 5}, KNN on the GiST
 *       index).</li>
 * </ul>
 * Tables are loaded once and kept (a fingerprint of the graph in {@code bench_meta} says whether they match).
 */
final class PostgisPeer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgisPeer.class);
    private final String url;
    private final Connection conn;

    PostgisPeer(String url) throws SQLException {
        if (url == null || url.isBlank())
            throw new IllegalArgumentException("no database: pass --jdbc-url (scripts/benchmark.sh starts PostGIS with pgRouting)");
        this.url = url;
        this.conn = DriverManager.getConnection(url);
    }

    /** A new connection, i.e. a new PostgreSQL backend process with nothing cached in it. */
    Connection freshConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    static String edgesTable(BenchmarkNetwork bn) {
        return "bench_" + bn.key().replace('-', '_') + "_edges";
    }

    static String stationsTable(BenchmarkNetwork bn) {
        return "bench_" + bn.key().replace('-', '_') + "_stations";
    }

    /** The SQL pgRouting reads the graph with: the whole table, as a user of pgRouting would pass it. */
    static String edgesSql(BenchmarkNetwork bn) {
        return "SELECT id, source, target, cost, reverse_cost FROM " + edgesTable(bn);
    }

    /** Whether every usable edge takes the same time both ways: then pgRouting may treat the graph as undirected. */
    static boolean symmetric(BenchmarkNetwork bn) {
        ProfileGraph g = bn.graph();
        for (int e = 0; e < bn.network().edgeCount(); e++)
            if (g.isUsable(e) && g.timeInMillis(e, false) != g.timeInMillis(e, true))
                return false;
        return true;
    }

    Map<String, Object> versions() throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT version(), postgis_lib_version(), pgr_version()")) {
            rs.next();
            m.put("postgresql", rs.getString(1).replaceAll(" on .*", ""));
            m.put("postgis", rs.getString(2));
            m.put("pgrouting", rs.getString(3));
        }
        return m;
    }

    /** Loads the network's walk edges and stations unless the tables already hold exactly them. */
    Map<String, Object> load(BenchmarkNetwork bn) throws SQLException, IOException {
        String fingerprint = fingerprint(bn);
        Map<String, Object> m = new LinkedHashMap<>();
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bench_meta (name text PRIMARY KEY, fingerprint text NOT NULL)");
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT fingerprint FROM bench_meta WHERE name = ?")) {
            ps.setString(1, bn.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1).equals(fingerprint)) {
                    m.put("reused", true);
                    m.put("rows", count(edgesTable(bn)));
                    return m;
                }
            }
        }
        long start = System.nanoTime();
        String edges = edgesTable(bn), stations = stationsTable(bn);
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + edges);
            st.execute("DROP TABLE IF EXISTS " + stations);
            st.execute("CREATE TABLE " + edges + " (id bigint NOT NULL, source bigint NOT NULL, target bigint NOT NULL, "
                    + "cost float8 NOT NULL, reverse_cost float8 NOT NULL, geom geometry(LineString, 4326) NOT NULL)");
            st.execute("CREATE TABLE " + stations + " (id int NOT NULL, node bigint NOT NULL, geom geometry(Point, 4326) NOT NULL)");
        }
        long rows = copyEdges(bn, edges);
        copyStations(bn, stations);
        double copyMs = (System.nanoTime() - start) / 1e6;
        try (Statement st = conn.createStatement()) {
            st.execute("ALTER TABLE " + edges + " ADD PRIMARY KEY (id)");
            st.execute("CREATE INDEX ON " + edges + " USING gist (geom)");
            st.execute("ALTER TABLE " + stations + " ADD PRIMARY KEY (id)");
            st.execute("CREATE INDEX ON " + stations + " USING gist (geom)");
            // as after any bulk load: sets hint bits and the visibility map now, so that pgRouting's first
            // (cold) read of the table measures reading it, not a one-off rewrite of every page
            st.execute("VACUUM ANALYZE " + edges);
            st.execute("VACUUM ANALYZE " + stations);
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO bench_meta (name, fingerprint) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint")) {
            ps.setString(1, bn.key());
            ps.setString(2, fingerprint);
            ps.executeUpdate();
        }
        m.put("reused", false);
        m.put("rows", rows);
        m.put("copy_ms", Timing.round(copyMs));
        m.put("copy_and_index_ms", Timing.round((System.nanoTime() - start) / 1e6));
        LOG.info("{}: {} edges loaded into PostGIS in {} s", bn.key(), rows, Math.round((System.nanoTime() - start) / 1e9));
        return m;
    }

    private long copyEdges(BenchmarkNetwork bn, String table) throws SQLException {
        RoadNetwork net = bn.network();
        ProfileGraph g = bn.graph();
        CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (id, source, target, cost, reverse_cost, geom) FROM STDIN");
        StringBuilder sb = new StringBuilder(1 << 20);
        long rows = 0;
        try {
            for (int e = 0; e < net.edgeCount(); e++) {
                if (!g.isUsable(e))
                    continue;
                sb.append(e + 1).append('\t').append(net.edgeBase(e) + 1L).append('\t').append(net.edgeAdj(e) + 1L)
                        .append('\t');
                seconds(sb, g.timeInMillis(e, false)).append('\t');
                seconds(sb, g.timeInMillis(e, true)).append("\tSRID=4326;LINESTRING(");
                for (int i = 0, n = net.edgePointCount(e); i < n; i++) {
                    if (i > 0)
                        sb.append(',');
                    sb.append(net.edgePointLon(e, i)).append(' ').append(net.edgePointLat(e, i));
                }
                sb.append(")\n");
                rows++;
                if (sb.length() > (1 << 20) - 4096) {
                    flush(copy, sb);
                }
            }
            flush(copy, sb);
            copy.endCopy();
        } finally {
            if (copy.isActive())
                copy.cancelCopy();
        }
        return rows;
    }

    private void copyStations(BenchmarkNetwork bn, String table) throws SQLException {
        CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (id, node, geom) FROM STDIN");
        StringBuilder sb = new StringBuilder();
        try {
            List<Snap> stations = bn.stations();
            for (int i = 0; i < stations.size(); i++) {
                int node = BenchmarkNetwork.nodeOf(stations.get(i));
                sb.append(i).append('\t').append(node + 1L).append("\tSRID=4326;POINT(")
                        .append(bn.network().nodeLon(node)).append(' ').append(bn.network().nodeLat(node)).append(")\n");
            }
            flush(copy, sb);
            copy.endCopy();
        } finally {
            if (copy.isActive())
                copy.cancelCopy();
        }
    }

    private static void flush(CopyIn copy, StringBuilder sb) throws SQLException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }

    /** Milliseconds as exact decimal seconds, -1 for no access. */
    private static StringBuilder seconds(StringBuilder sb, int millis) {
        if (millis < 0)
            return sb.append("-1");
        sb.append(millis / 1000).append('.');
        int frac = millis % 1000;
        if (frac < 100)
            sb.append('0');
        if (frac < 10)
            sb.append('0');
        return sb.append(frac);
    }

    private long count(String table) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A hash of what the tables hold: usable edges with their ends and times, and the station nodes. */
    static String fingerprint(BenchmarkNetwork bn) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            RoadNetwork net = bn.network();
            ProfileGraph g = bn.graph();
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(20);
            for (int e = 0; e < net.edgeCount(); e++) {
                if (!g.isUsable(e))
                    continue;
                buf.clear();
                buf.putInt(e).putInt(net.edgeBase(e)).putInt(net.edgeAdj(e)).putInt(g.timeInMillis(e, false))
                        .putInt(g.timeInMillis(e, true));
                md.update(buf.array());
            }
            for (Snap s : bn.stations())
                md.update(Integer.toString(BenchmarkNetwork.nodeOf(s)).getBytes(StandardCharsets.US_ASCII));
            md.update(("v2 " + net.nodeCount() + " " + net.edgeCount()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** pgRouting's answer: per reached vertex (our node id) the root it was assigned to and the time in seconds. */
    record Reached(int[] nodes, int[] fromNodes, double[] aggCostSeconds) {
    }

    /** One {@code pgr_drivingDistance} call with all stations, equicost, every result row fetched. */
    static Reached drivingDistance(Connection c, BenchmarkNetwork bn, boolean directed) throws SQLException {
        return reached(c, bn, directed, "SELECT node, agg_cost, from_v FROM pgr_drivingDistance(?, ?, ?, "
                + "directed := ?, equicost := true)");
    }

    /**
     * pgRouting's own minimum over one tree per station: {@code equicost := false} returns every station's tree
     * up to the limit, and SQL keeps each vertex's smallest {@code agg_cost}. Slower than equicost, but each tree
     * is a plain Dijkstra; used to tell pgRouting's equicost answer from the minimum it should equal.
     */
    static Reached drivingDistanceMinimum(Connection c, BenchmarkNetwork bn, boolean directed) throws SQLException {
        return reached(c, bn, directed, "SELECT node, min(agg_cost), min(from_v) FROM pgr_drivingDistance(?, ?, ?, "
                + "directed := ?, equicost := false) GROUP BY node");
    }

    /** Runs a query over pgr_drivingDistance with the stations' vertices as roots; columns: node, seconds, root. */
    private static Reached reached(Connection c, BenchmarkNetwork bn, boolean directed, String sql) throws SQLException {
        List<Snap> stations = bn.stations();
        Long[] roots = new Long[stations.size()];
        for (int i = 0; i < roots.length; i++)
            roots[i] = BenchmarkNetwork.nodeOf(stations.get(i)) + 1L;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", roots);
            ps.setString(1, edgesSql(bn));
            ps.setArray(2, array);
            ps.setDouble(3, Options.WALK_LIMIT_SECONDS);
            ps.setBoolean(4, directed);
            int[] nodes = new int[1 << 16], from = new int[1 << 16];
            double[] cost = new double[1 << 16];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == nodes.length) {
                        nodes = Arrays.copyOf(nodes, 2 * n);
                        from = Arrays.copyOf(from, 2 * n);
                        cost = Arrays.copyOf(cost, 2 * n);
                    }
                    nodes[n] = (int) (rs.getLong(1) - 1);
                    cost[n] = rs.getDouble(2);
                    from[n] = (int) (rs.getLong(3) - 1);
                    n++;
                }
            }
            array.free();
            return new Reached(Arrays.copyOf(nodes, n), Arrays.copyOf(from, n), Arrays.copyOf(cost, n));
        }
    }

    /** The 5 nearest stations by straight line, one statement per point (a JDBC round trip each). */
    static int[][] knn(PreparedStatement ps, List<double[]> points, double[] msOut) throws SQLException {
        int[][] ids = new int[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            long t = System.nanoTime();
            ps.setDouble(1, points.get(i)[0]);
            ps.setDouble(2, points.get(i)[1]);
            int[] found = new int[5];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    found[n++] = rs.getInt(1);
            }
            msOut[i] = (System.nanoTime() - t) / 1e6;
            ids[i] = Arrays.copyOf(found, n);
        }
        return ids;
    }

    static String knnSql(BenchmarkNetwork bn) {
        return "SELECT id FROM " + stationsTable(bn) + " ORDER BY geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 5";
    }

    /** All points in one statement (a LATERAL KNN per point): the server's own time per query, without round trips. */
    static double knnInServerMs(Connection c, BenchmarkNetwork bn) throws SQLException {
        List<double[]> points = bn.points();
        Double[] lons = new Double[points.size()], lats = new Double[points.size()];
        for (int i = 0; i < lons.length; i++) {
            lons[i] = points.get(i)[0];
            lats[i] = points.get(i)[1];
        }
        String sql = "SELECT count(*) FROM unnest(?::float8[], ?::float8[]) AS p(lon, lat) CROSS JOIN LATERAL "
                + "(SELECT id FROM " + stationsTable(bn) + " s ORDER BY s.geom <-> ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326) "
                + "LIMIT 5) k";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("float8", lons));
            ps.setArray(2, c.createArrayOf("float8", lats));
            long t = System.nanoTime();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != (long) Math.min(5, bn.stations().size()) * points.size())
                    throw new IllegalStateException("KNN returned " + rs.getLong(1) + " rows");
            }
            return (System.nanoTime() - t) / 1e6 / points.size();
        }
    }

    /** Peak resident memory (VmHWM) of the backend process serving {@code c}, in MB, or null if unreadable. */
    static Double backendPeakRssMb(Connection c) throws SQLException {
        int pid;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            pid = rs.getInt(1);
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(pid), "status")))
                if (line.startsWith("VmHWM:"))
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 * 10) / 10.0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the backend's memory: {}", e.toString());
        }
        return null;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
