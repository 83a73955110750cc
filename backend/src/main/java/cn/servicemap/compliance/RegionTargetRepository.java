package cn.servicemap.compliance;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions' own target values (table {@code region_target}), one per region and target code. */
@Repository
class RegionTargetRepository {

    private final JdbcClient jdbc;

    RegionTargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RegionTarget> findByRegion(String regionCode) {
        return jdbc.sql("SELECT * FROM region_target WHERE region_code = ? ORDER BY code").param(regionCode)
                .query((rs, n) -> new RegionTarget(rs.getString("region_code"), rs.getString("code"), rs.getDouble("target_value"),
                        rs.getString("set_by"), rs.getString("note"), rs.getObject("set_at", OffsetDateTime.class)))
                .list();
    }

    /** Sets the value, replacing an earlier one (delete and insert: the same SQL on both databases). */
    void save(RegionTarget t) {
        delete(t.regionCode(), t.code());
        jdbc.sql("INSERT INTO region_target (region_code, code, target_value, set_by, note, set_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(t.regionCode(), t.code(), t.value(), t.setBy(), t.note(), t.setAt()).update();
    }

    boolean delete(String regionCode, String code) {
        return jdbc.sql("DELETE FROM region_target WHERE region_code = ? AND code = ?").params(regionCode, code).update() == 1;
    }
}
