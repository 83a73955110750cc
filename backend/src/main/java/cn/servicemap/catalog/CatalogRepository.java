package cn.servicemap.catalog;

import cn.servicemap.gis.catalog.ServiceType;
import cn.servicemap.gis.catalog.StationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog tables, which station rows reference; written from the seeds, never edited by users. */
@Repository
class CatalogRepository {

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the kind or updates it to the seed's values: running it twice changes nothing. */
    void upsert(StationKind k) {
        int updated = jdbc.sql("""
                        UPDATE station_kind SET name_zh = ?, name_en = ?, synonyms = ?, integrated_point = ?, sort_order = ?, source = ?
                        WHERE code = ?""")
                .params(k.nameZh(), k.nameEn(), String.join("|", k.synonyms()), k.integratedPoint(), k.sortOrder(), k.source(), k.code())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO station_kind (code, name_zh, name_en, synonyms, integrated_point, sort_order, source)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(k.code(), k.nameZh(), k.nameEn(), String.join("|", k.synonyms()), k.integratedPoint(), k.sortOrder(), k.source())
                    .update();
        }
    }

    void upsert(ServiceType s) {
        int updated = jdbc.sql("""
                        UPDATE service_type SET name_zh = ?, name_en = ?, icon = ?, synonyms = ?, sort_order = ?, source = ?
                        WHERE code = ?""")
                .params(s.nameZh(), s.nameEn(), s.icon(), String.join("|", s.synonyms()), s.sortOrder(), s.source(), s.code())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO service_type (code, name_zh, name_en, icon, synonyms, sort_order, source)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(s.code(), s.nameZh(), s.nameEn(), s.icon(), String.join("|", s.synonyms()), s.sortOrder(), s.source())
                    .update();
        }
    }

    int countKinds() {
        return jdbc.sql("SELECT COUNT(*) FROM station_kind").query(Integer.class).single();
    }
}
