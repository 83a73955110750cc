package cn.servicemap.stations;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Workers' confirmations that a station is there and open ("它在这里，正开放", from the station's page its sign's QR
 * opens): kept apart from the station, so that a confirmation is no edit — it changes no version, no data version and
 * no computed coverage.
 */
@Repository
public class ConfirmationRepository {

    private final JdbcClient jdbc;

    ConfirmationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long stationId, String clientKey, OffsetDateTime at) {
        jdbc.sql("INSERT INTO station_confirmation (station_id, confirmed_at, client_key) VALUES (?, ?, ?)")
                .params(stationId, at, clientKey).update();
    }

    /** When a client last confirmed this station, if it did after {@code since}. */
    public boolean confirmedSince(long stationId, String clientKey, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM station_confirmation WHERE station_id = ? AND client_key = ? AND confirmed_at >= ?")
                .params(stationId, clientKey, since).query(Integer.class).single() > 0;
    }

    /** How many confirmations a client sent since a moment, any station. */
    public int countSince(String clientKey, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM station_confirmation WHERE client_key = ? AND confirmed_at >= ?")
                .params(clientKey, since).query(Integer.class).single();
    }

    /** How many confirmations a station had since a moment. */
    public int countForStation(long stationId, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM station_confirmation WHERE station_id = ? AND confirmed_at >= ?")
                .params(stationId, since).query(Integer.class).single();
    }

    /** The latest confirmation of each station that has one; all stations when {@code stationIds} is null. */
    public Map<Long, OffsetDateTime> latest(Collection<Long> stationIds) {
        Map<Long, OffsetDateTime> out = new HashMap<>();
        if (stationIds != null && stationIds.isEmpty()) {
            return out;
        }
        String where = stationIds == null || stationIds.size() > 500 ? ""
                : " WHERE station_id IN (" + String.join(", ", java.util.Collections.nCopies(stationIds.size(), "?")) + ")";
        jdbc.sql("SELECT station_id, MAX(confirmed_at) FROM station_confirmation" + where + " GROUP BY station_id")
                .params(where.isEmpty() ? List.of() : List.copyOf(stationIds))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
                });
        return out;
    }
}
