package cn.servicemap.stations;

import cn.servicemap.gis.stations.CheckedStation;
import cn.servicemap.gis.stations.EntryMethod;
import cn.servicemap.gis.stations.StationImportCheck.StoredStation;
import cn.servicemap.gis.stations.StationStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stations in H2GIS or PostGIS with the same SQL: points written with ST_SetSRID(ST_MakePoint(lon, lat), 4326)
 * and read with ST_X/ST_Y; box filters use the spatial index through {@code &&}. Updates are
 * optimistic: they name the version they read and change nothing if it moved on.
 */
@Repository
public class StationRepository {

    private static final String COLUMNS = """
            s.id, s.name, s.kind, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, s.address, s.adcode, s.host_org,
            s.operating_union, s.phone, s.opening_hours, s.capacity, s.status, s.status_reason, s.verified_at,
            s.source, s.demo, s.synthetic, s.created_at, s.updated_at, s.version, s.entry, s.staffed, s.step_free, s.area_m2,
            s.code""";
    private static final String INSERT = """
            INSERT INTO station (name, kind, geom, address, adcode, host_org, operating_union, phone, opening_hours,
                                 capacity, status, status_reason, verified_at, source, demo, synthetic, created_at, updated_at, version,
                                 entry, staffed, step_free, area_m2)
            VALUES (?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""";

    /** Where a station came from beyond its fields: the demo and synthetic flags. */
    public record Origin(boolean demo, boolean synthetic) {
        public static final Origin USER = new Origin(false, false);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final StationCodes codes;

    StationRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, cn.servicemap.gis.catalog.StationCatalog catalog) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.codes = new StationCodes(catalog);
    }

    public Optional<ServicePoint> findById(long id) {
        List<ServicePoint> found = query("s.id = ?", List.of(id));
        return found.stream().findFirst();
    }

    public List<ServicePoint> find(StationFilter filter) {
        return find(filter, true);
    }

    /** As {@link #find(StationFilter)}; without {@code withServices} each station's services are left empty (one query less). */
    public List<ServicePoint> find(StationFilter filter, boolean withServices) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!filter.kinds().isEmpty()) {
            where.add("s.kind IN (" + placeholders(filter.kinds().size()) + ")");
            params.addAll(filter.kinds());
        }
        for (String service : filter.services()) {
            where.add("EXISTS (SELECT 1 FROM station_service x WHERE x.station_id = s.id AND x.service_code = ?)");
            params.add(service);
        }
        if (filter.regionCode() != null) {
            where.add("s.adcode IN (SELECT d.adcode FROM district d WHERE d.region_code = ?)");
            params.add(filter.regionCode());
        }
        if (filter.adcode() != null) {
            where.add("s.adcode = ?");
            params.add(filter.adcode());
        }
        if (filter.bbox() != null) {
            where.add("s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
            params.addAll(List.of(filter.bbox().getMinX(), filter.bbox().getMinY(), filter.bbox().getMaxX(), filter.bbox().getMaxY()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(LOWER(s.name) LIKE ? OR LOWER(COALESCE(s.address, '')) LIKE ?)");
            String like = "%" + filter.text().trim().toLowerCase().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        if (!filter.access().entries().isEmpty()) {
            where.add("s.entry IN (" + placeholders(filter.access().entries().size()) + ")");
            filter.access().entries().forEach(e -> params.add(e.name()));
        }
        if (Boolean.TRUE.equals(filter.access().stepFree())) {
            where.add("s.step_free = TRUE");
        }
        if (filter.statuses().isEmpty()) {
            where.add("s.status <> 'CLOSED'");
        } else {
            where.add("s.status IN (" + placeholders(filter.statuses().size()) + ")");
            filter.statuses().forEach(st -> params.add(st.name()));
        }
        return query(String.join(" AND ", where), params, withServices);
    }

    private List<ServicePoint> query(String where, List<Object> params) {
        return query(where, params, true);
    }

    private List<ServicePoint> query(String where, List<Object> params, boolean withServices) {
        String condition = where.isBlank() ? "1 = 1" : where;
        Map<Long, List<String>> services = new HashMap<>();
        if (withServices) {
            jdbc.sql("SELECT x.station_id, x.service_code FROM station_service x JOIN station s ON s.id = x.station_id WHERE "
                            + condition + " ORDER BY x.station_id, x.service_code")
                    .params(params)
                    .query(rs -> {
                        services.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM station s WHERE " + condition + " ORDER BY s.id")
                .params(params)
                .query((rs, n) -> map(rs, services.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** @return the new station's id */
    public long insert(CheckedStation s, Origin origin, OffsetDateTime now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbcTemplate.update(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT, new String[]{"id"});
            bindInsert(ps, s, origin, now);
            return ps;
        }, keys);
        long id = keyOf(keys.getKeyList().get(0).values());
        insertServices(id, s.services());
        writeCodes(id, id);
        return id;
    }

    /** Inserts all stations as a batch (in the caller's transaction); returns their ids in order. */
    public List<Long> insertAll(List<CheckedStation> stations, Origin origin, OffsetDateTime now) {
        List<Long> ids = new ArrayList<>(stations.size());
        int chunk = 1000;
        for (int from = 0; from < stations.size(); from += chunk) {
            List<CheckedStation> part = stations.subList(from, Math.min(stations.size(), from + chunk));
            KeyHolder keys = new GeneratedKeyHolder();
            jdbcTemplate.batchUpdate(con -> con.prepareStatement(INSERT, new String[]{"id"}),
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            bindInsert(ps, part.get(i), origin, now);
                        }

                        @Override
                        public int getBatchSize() {
                            return part.size();
                        }
                    }, keys);
            List<Long> partIds = keys.getKeyList().stream().map(k -> keyOf(k.values())).toList();
            if (partIds.size() != part.size()) {
                throw new IllegalStateException("database returned " + partIds.size() + " keys for " + part.size() + " inserted stations");
            }
            ids.addAll(partIds);
        }
        List<Object[]> serviceRows = new ArrayList<>();
        for (int i = 0; i < stations.size(); i++) {
            for (String code : stations.get(i).services()) {
                serviceRows.add(new Object[]{ids.get(i), code});
            }
        }
        jdbcTemplate.batchUpdate("INSERT INTO station_service (station_id, service_code) VALUES (?, ?)", serviceRows);
        if (!ids.isEmpty()) {
            writeCodes(java.util.Collections.min(ids), java.util.Collections.max(ids));
        }
        return ids;
    }

    /**
     * Replaces the station's fields if it is still at {@code expectedVersion}.
     *
     * @return false when the station is missing or another update came first
     */
    public boolean update(long id, int expectedVersion, CheckedStation s, OffsetDateTime now) {
        int updated = jdbc.sql("""
                        UPDATE station SET name = ?, kind = ?, geom = ST_SetSRID(ST_MakePoint(?, ?), 4326), address = ?,
                               adcode = ?, host_org = ?, operating_union = ?, phone = ?, opening_hours = ?, capacity = ?,
                               status = ?, status_reason = ?, verified_at = ?, source = ?, updated_at = ?, version = version + 1,
                               entry = ?, staffed = ?, step_free = ?, area_m2 = ?
                        WHERE id = ? AND version = ?""")
                .params(s.name(), s.kind(), s.lon(), s.lat(), s.address(), s.adcode(), s.hostOrg(), s.operatingUnion(),
                        s.phone(), s.openingHours(), s.capacity(), s.status().name(), s.statusReason(), s.verifiedAt(),
                        s.source(), now, s.entry() == null ? null : s.entry().name(), s.staffed(), s.stepFree(),
                        s.areaM2() == null ? null : java.math.BigDecimal.valueOf(s.areaM2()), id, expectedVersion)
                .update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM station_service WHERE station_id = ?").param(id).update();
            insertServices(id, s.services());
        }
        return updated == 1;
    }

    /** Closes the station (soft delete) if it is still at {@code expectedVersion}. */
    public boolean close(long id, int expectedVersion, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE station SET status = 'CLOSED', status_reason = ?, updated_at = ?, version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(reason, now, id, expectedVersion)
                .update() == 1;
    }

    /** Appends to the audit trail; its highest id is the data version of everything computed from stations. */
    /** One audited change: the station's state before (null for a new one) and after it, as {@link StationSnapshot} JSON. */
    public void recordEvent(long stationId, String action, int version, OffsetDateTime at, String actor, String detail, String before,
                            String after) {
        jdbc.sql("INSERT INTO station_event (station_id, action, version, at, actor, detail, before_state, after_state) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(stationId, action, version, at, actor, detail, before, after)
                .update();
    }

    /** A station's audit trail, oldest first. */
    public List<StationEvent> history(long stationId) {
        return jdbc.sql("SELECT * FROM station_event WHERE station_id = ? ORDER BY id").param(stationId)
                .query((rs, n) -> new StationEvent(rs.getLong("id"), rs.getString("action"), rs.getInt("version"),
                        rs.getObject("at", OffsetDateTime.class), rs.getString("actor"), rs.getString("detail"),
                        rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }

    /** One event of a station's audit trail; the states are {@link StationSnapshot} JSON, null for events before they were kept. */
    public record StationEvent(long id, String action, int version, OffsetDateTime at, String actor, String detail, String before,
                               String after) {
    }

    /** The first event of stations written together (an import), each with its state after: {@code after} by position. */
    public void recordEvents(List<Long> stationIds, String action, OffsetDateTime at, String actor, String detail, List<String> after) {
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < stationIds.size(); i++) {
            rows.add(new Object[]{stationIds.get(i), action, 1, at, actor, detail, after.get(i)});
        }
        jdbcTemplate.batchUpdate("INSERT INTO station_event (station_id, action, version, at, actor, detail, after_state) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Increases with every change to any station. */
    public long dataVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM station_event").query(Long.class).single();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM station").query(Integer.class).single();
    }

    /** Names and locations of stations that are not closed, for duplicate checks. */
    public List<StoredStation> storedForDuplicateCheck() {
        return jdbc.sql("SELECT id, name, ST_X(geom), ST_Y(geom) FROM station WHERE status <> 'CLOSED'")
                .query((rs, n) -> new StoredStation(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    /** Stations not closed within a box, for a single-station duplicate check. */
    public List<StoredStation> storedNear(double lon, double lat, double degrees) {
        return jdbc.sql("SELECT id, name, ST_X(geom), ST_Y(geom) FROM station WHERE status <> 'CLOSED' "
                        + "AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)")
                .params(lon - degrees, lat - degrees, lon + degrees, lat + degrees)
                .query((rs, n) -> new StoredStation(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
                .list();
    }

    private void insertServices(long id, List<String> services) {
        for (String code : services) {
            jdbc.sql("INSERT INTO station_service (station_id, service_code) VALUES (?, ?)").params(id, code).update();
        }
    }

    private static void bindInsert(PreparedStatement ps, CheckedStation s, Origin origin, OffsetDateTime now) throws SQLException {
        int i = 1;
        ps.setString(i++, s.name());
        ps.setString(i++, s.kind());
        ps.setDouble(i++, s.lon());
        ps.setDouble(i++, s.lat());
        ps.setString(i++, s.address());
        ps.setString(i++, s.adcode());
        ps.setString(i++, s.hostOrg());
        ps.setString(i++, s.operatingUnion());
        ps.setString(i++, s.phone());
        ps.setString(i++, s.openingHours());
        if (s.capacity() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, s.capacity());
        }
        ps.setString(i++, s.status().name());
        ps.setString(i++, s.statusReason());
        ps.setObject(i++, s.verifiedAt(), Types.DATE);
        ps.setString(i++, s.source());
        ps.setBoolean(i++, origin.demo());
        ps.setBoolean(i++, origin.synthetic());
        ps.setObject(i++, now);
        ps.setObject(i++, now);
        ps.setString(i++, s.entry() == null ? null : s.entry().name());
        ps.setObject(i++, s.staffed(), Types.BOOLEAN);
        ps.setObject(i++, s.stepFree(), Types.BOOLEAN);
        ps.setObject(i, s.areaM2() == null ? null : java.math.BigDecimal.valueOf(s.areaM2()), Types.DECIMAL);
    }

    /**
     * Gives every station stored before codes existed its code (an instance upgraded from an earlier version).
     *
     * @return how many stations got one
     */
    public int assignMissingCodes() {
        return jdbc.sql("UPDATE station SET code = " + codes.sql() + " WHERE code IS NULL").params(codes.parameters()).update();
    }

    /**
     * Gives the stations with ids from {@code first} to {@code last} that have no code yet theirs, in one statement
     * (stations of other transactions in that range are not visible to it, and keep theirs).
     */
    private void writeCodes(long first, long last) {
        List<Object> params = new ArrayList<>(codes.parameters());
        params.add(first);
        params.add(last);
        jdbc.sql("UPDATE station SET code = " + codes.sql() + " WHERE code IS NULL AND id BETWEEN ? AND ?").params(params).update();
    }

    /** The station with this code. */
    public Optional<Long> idForCode(String code) {
        return jdbc.sql("SELECT id FROM station WHERE code = ?").param(code).query(Long.class).optional();
    }

    /** The generated id of one inserted row: its only key column (asked for as id; H2 names it ID, PostgreSQL id). */
    private static long keyOf(java.util.Collection<?> keyColumns) {
        return ((Number) keyColumns.iterator().next()).longValue();
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static ServicePoint map(ResultSet rs, List<String> services) throws SQLException {
        Integer capacity = rs.getObject("capacity") == null ? null : rs.getInt("capacity");
        String adcode = rs.getString("adcode");
        return new ServicePoint(rs.getLong("id"), rs.getString("name"), rs.getString("kind"), rs.getDouble("lon"),
                rs.getDouble("lat"), rs.getString("address"), adcode == null ? null : adcode.trim(), rs.getString("host_org"),
                rs.getString("operating_union"), rs.getString("phone"), rs.getString("opening_hours"), List.copyOf(services),
                capacity, StationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                rs.getObject("verified_at", LocalDate.class), rs.getString("source"), rs.getBoolean("demo"),
                rs.getBoolean("synthetic"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"),
                rs.getString("entry") == null ? null : EntryMethod.valueOf(rs.getString("entry")),
                (Boolean) rs.getObject("staffed"), (Boolean) rs.getObject("step_free"),
                rs.getObject("area_m2") == null ? null : rs.getBigDecimal("area_m2").doubleValue(), rs.getString("code"));
    }

}
