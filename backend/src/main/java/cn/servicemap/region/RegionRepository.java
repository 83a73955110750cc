package cn.servicemap.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regions this instance holds: code, name, OSM source, credits, status. */
@Repository
public class RegionRepository {

    /** Counts this instance's writes to the region table, so that a reader's copy knows when it is stale. */
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

    /** How many times this instance wrote the region table. */
    long writes() {
        return writes.get();
    }

    private static final String COLUMNS = "code, name_zh, synthetic, description, osm_source, credits, loaded_at, status, status_reason";
    private static final String READ = COLUMNS + ", revision";

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every region, the one loaded last first. */
    public List<Region> findAll() {
        return jdbc.sql("SELECT " + READ + " FROM region ORDER BY loaded_at DESC, code").query(RegionRepository::map).list();
    }

    public Optional<Region> find(String code) {
        return jdbc.sql("SELECT " + READ + " FROM region WHERE code = ?").param(code).query(RegionRepository::map).optional();
    }

    /** The region loaded last, if any. */
    public Optional<Region> current() {
        return findAll().stream().findFirst();
    }

    /** Inserts the region, or replaces the record of the region with its code. */
    public void save(Region r) {
        writes.incrementAndGet();
        String credits = String.join("\n", r.credits());
        int updated = jdbc.sql("""
                        UPDATE region SET name_zh = ?, synthetic = ?, description = ?, osm_source = ?, credits = ?, loaded_at = ?,
                               status = ?, status_reason = ? WHERE code = ?""")
                .params(r.nameZh(), r.synthetic(), r.description(), r.osmSource(), credits, r.loadedAt(), r.status().name(),
                        r.statusReason(), r.code())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO region (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(r.code(), r.nameZh(), r.synthetic(), r.description(), r.osmSource(), credits, r.loadedAt(),
                            r.status().name(), r.statusReason())
                    .update();
        }
    }

    /** Records where an import stands. */
    public void setStatus(String code, RegionStatus status, String reason) {
        writes.incrementAndGet();
        jdbc.sql("UPDATE region SET status = ?, status_reason = ? WHERE code = ?").params(status.name(), reason, code).update();
    }

    /**
     * Counts a change to the districts or census of the region (null: of every region, for districts stored before
     * regions existed), in the caller's transaction: every instance drops what it built from the old ones.
     */
    public void revise(String code) {
        writes.incrementAndGet();
        if (code == null) {
            jdbc.sql("UPDATE region SET revision = revision + 1").update();
        } else {
            jdbc.sql("UPDATE region SET revision = revision + 1 WHERE code = ?").param(code).update();
        }
    }

    private static Region map(ResultSet rs, int n) throws SQLException {
        String credits = rs.getString("credits");
        return new Region(rs.getString("code"), rs.getString("name_zh"), rs.getBoolean("synthetic"), rs.getString("description"),
                rs.getString("osm_source"), credits == null || credits.isEmpty() ? List.of() : Arrays.asList(credits.split("\n")),
                rs.getObject("loaded_at", OffsetDateTime.class), RegionStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), rs.getLong("revision"));
    }
}
