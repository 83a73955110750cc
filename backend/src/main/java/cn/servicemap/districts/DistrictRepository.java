package cn.servicemap.districts;

import cn.servicemap.gis.districts.DistrictBoundary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Districts in H2GIS or PostGIS, the same SQL on both: geometry travels as WKB with SRID 4326. */
@Repository
public class DistrictRepository {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final String COLUMNS = """
            adcode, name_zh, parent_adcode, level, ST_AsBinary(geom) AS wkb, area_km2, population, urban_share,
            population_source, boundary_source, synthetic""";

    private final JdbcClient jdbc;

    DistrictRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the district or replaces its boundary (keeping any population already imported). */
    void upsertBoundary(DistrictBoundary d, String source, boolean synthetic, String regionCode) {
        byte[] wkb = new WKBWriter().write(d.geometry());
        int updated = jdbc.sql("""
                        UPDATE district SET name_zh = ?, parent_adcode = ?, level = ?, geom = ST_GeomFromWKB(?, 4326),
                               area_km2 = ?, boundary_source = ?, synthetic = ?, region_code = ?
                        WHERE adcode = ?""")
                .params(d.nameZh(), d.parentAdcode(), d.level(), wkb, d.areaKm2(), source, synthetic, regionCode, d.adcode())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO district (adcode, name_zh, parent_adcode, level, geom, area_km2, boundary_source, synthetic,
                                                  region_code)
                            VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?, ?, ?, ?)""")
                    .params(d.adcode(), d.nameZh(), d.parentAdcode(), d.level(), wkb, d.areaKm2(), source, synthetic, regionCode)
                    .update();
        }
    }

    /** A station in one of a region's districts, where it is. */
    record PlacedStation(long id, String name, String adcode, double lon, double lat) {
    }

    /** The stations in the region's districts other than {@code keep}. */
    List<PlacedStation> stationsOutside(String regionCode, java.util.Collection<String> keep) {
        return jdbc.sql("""
                        SELECT s.id, s.name, s.adcode, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat FROM station s
                        JOIN district d ON d.adcode = s.adcode
                        WHERE d.region_code = :region AND d.adcode NOT IN (:keep) ORDER BY s.id""")
                .param("region", regionCode).param("keep", keep)
                .query((rs, n) -> new PlacedStation(rs.getLong("id"), rs.getString("name"), rs.getString("adcode").trim(),
                        rs.getDouble("lon"), rs.getDouble("lat")))
                .list();
    }

    /** Of these adcodes, those stored as districts of a region other than {@code regionCode}: "adcode name (region)". */
    List<String> ownedByOtherRegions(java.util.Collection<String> adcodes, String regionCode) {
        return jdbc.sql("""
                        SELECT adcode, name_zh, region_code FROM district
                        WHERE adcode IN (:adcodes) AND region_code IS NOT NULL AND region_code <> :region ORDER BY adcode""")
                .param("adcodes", adcodes).param("region", regionCode)
                .query((rs, n) -> rs.getString("adcode").trim() + " " + rs.getString("name_zh") + "（区域 " + rs.getString("region_code") + "）")
                .list();
    }

    void moveStation(long id, String adcode) {
        jdbc.sql("UPDATE station SET adcode = ? WHERE id = ?").params(adcode, id).update();
    }

    /** Deletes the region's districts other than {@code keep}; their stations must have been moved first. */
    int deleteOthers(String regionCode, java.util.Collection<String> keep) {
        return jdbc.sql("DELETE FROM district WHERE region_code = :region AND adcode NOT IN (:keep)")
                .param("region", regionCode).param("keep", keep).update();
    }

    /** @return whether a district with that adcode exists */
    boolean setPopulation(String adcode, long population, Double urbanShare, String source) {
        return jdbc.sql("UPDATE district SET population = ?, urban_share = ?, population_source = ? WHERE adcode = ?")
                .params(population, urbanShare, source, adcode)
                .update() == 1;
    }

    public List<District> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM district ORDER BY adcode").query(DistrictRepository::map).list();
    }

    /** The districts of one region; null: all of them. */
    public List<District> findAll(String regionCode) {
        if (regionCode == null) {
            return findAll();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM district WHERE region_code = ? ORDER BY adcode").param(regionCode)
                .query(DistrictRepository::map).list();
    }

    /** How many districts a region has; null: all. */
    public int count(String regionCode) {
        return regionCode == null ? count()
                : jdbc.sql("SELECT COUNT(*) FROM district WHERE region_code = ?").param(regionCode).query(Integer.class).single();
    }

    /** The region a district belongs to, if the district exists. */
    public Optional<String> regionOf(String adcode) {
        return jdbc.sql("SELECT region_code FROM district WHERE adcode = ?").param(adcode).query(String.class).optional();
    }

    public Optional<District> findByAdcode(String adcode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM district WHERE adcode = ?").param(adcode)
                .query(DistrictRepository::map).optional();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM district").query(Integer.class).single();
    }

    private static District map(ResultSet rs, int row) throws SQLException {
        Long population = rs.getObject("population") == null ? null : rs.getLong("population");
        Double urban = rs.getObject("urban_share") == null ? null : rs.getDouble("urban_share");
        return new District(rs.getString("adcode").trim(), rs.getString("name_zh"),
                rs.getString("parent_adcode") == null ? null : rs.getString("parent_adcode").trim(),
                rs.getString("level"), multiPolygon(rs.getBytes("wkb")), rs.getDouble("area_km2"), population, urban,
                rs.getString("population_source"), rs.getString("boundary_source"), rs.getBoolean("synthetic"));
    }

    private static MultiPolygon multiPolygon(byte[] wkb) throws SQLException {
        try {
            Geometry g = new WKBReader(WGS84).read(wkb);
            g.setSRID(4326);
            return (MultiPolygon) g;
        } catch (ParseException e) {
            throw new SQLException("district geometry is not valid WKB", e);
        }
    }
}
