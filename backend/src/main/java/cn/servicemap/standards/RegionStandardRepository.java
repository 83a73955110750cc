package cn.servicemap.standards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions' chosen standards (table {@code region_standard}), one per region. */
@Repository
class RegionStandardRepository {

    private final JdbcClient jdbc;

    RegionStandardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RegionStandard> find(String regionCode) {
        return jdbc.sql("SELECT * FROM region_standard WHERE region_code = ?").param(regionCode)
                .query(RegionStandardRepository::map).optional();
    }

    /** Every district's region's choice, by adcode: districts of regions that chose none are absent. One query. */
    Map<String, RegionStandard> byAdcode() {
        Map<String, RegionStandard> out = new HashMap<>();
        jdbc.sql("SELECT d.adcode, r.* FROM district d JOIN region_standard r ON r.region_code = d.region_code")
                .query(rs -> {
                    out.put(rs.getString("adcode").trim(), map(rs, 0));
                });
        return out;
    }

    /** Sets the choice, replacing an earlier one (delete and insert: the same SQL on both databases). */
    void save(RegionStandard s) {
        delete(s.regionCode());
        jdbc.sql("INSERT INTO region_standard (region_code, standard_code, star_scheme, set_by, note, set_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(s.regionCode(), s.standardCode(), s.starScheme(), s.setBy(), s.note(), s.setAt()).update();
    }

    boolean delete(String regionCode) {
        return jdbc.sql("DELETE FROM region_standard WHERE region_code = ?").param(regionCode).update() == 1;
    }

    private static RegionStandard map(ResultSet rs, int n) throws SQLException {
        return new RegionStandard(rs.getString("region_code"), rs.getString("standard_code"), rs.getString("star_scheme"),
                rs.getString("set_by"), rs.getString("note"), rs.getObject("set_at", OffsetDateTime.class));
    }
}
