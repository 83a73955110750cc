package cn.servicemap.region;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region record(s): which region this instance holds, its OSM source and credits. */
@Repository
public class RegionRepository {

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The region loaded last, if any. */
    public Optional<Region> current() {
        return jdbc.sql("SELECT code, name_zh, synthetic, description, osm_source, credits, loaded_at FROM region ORDER BY loaded_at DESC")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getString(6) == null ? List.of() : Arrays.asList(rs.getString(6).split("\n")),
                        rs.getObject(7, OffsetDateTime.class)))
                .list().stream().findFirst();
    }

    void insert(Region r) {
        jdbc.sql("INSERT INTO region (code, name_zh, synthetic, description, osm_source, credits, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(r.code(), r.nameZh(), r.synthetic(), r.description(), r.osmSource(), String.join("\n", r.credits()),
                        r.loadedAt())
                .update();
    }
}
