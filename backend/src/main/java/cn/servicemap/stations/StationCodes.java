package cn.servicemap.stations;

import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The station code printed on a station's sign and in its QR link (站点编码): {@code <adcode>-<kind number>-<number>},
 * e.g. {@code 320102-01-000042} — the district the station was created in (000000 outside every loaded district),
 * its kind's place in the catalog (01 户外劳动者服务站点, 02 工人文化宫, … in the catalog's order; a kind the catalog
 * does not know is 00) and the station's number in the registry, six digits or more.
 *
 * <p>Unique because the number is the station's id; stable because it is assigned once, when the station is stored,
 * and never recomputed — a station that later moves to another district or changes kind keeps the code on its sign.
 * Limit: a kind added to the catalog anywhere but at the end renumbers the kinds after it for stations created later.
 */
public final class StationCodes {

    private final List<String> kindCodes = new ArrayList<>();

    public StationCodes(StationCatalog catalog) {
        for (StationKind k : catalog.kinds()) {
            kindCodes.add(k.code());
        }
    }

    /**
     * The code as an SQL expression over the station table's {@code id}, {@code adcode} and {@code kind} (H2 and
     * PostgreSQL alike), its parameters the catalog's kind codes ({@link #parameters()}): so that an import of a hundred
     * thousand stations sets their codes in one statement — one row at a time, PostgreSQL may reuse a plan made while
     * the table was small and scan the whole table for every row.
     */
    String sql() {
        StringBuilder kind = new StringBuilder("CASE kind");
        for (int i = 0; i < kindCodes.size(); i++) {
            kind.append(" WHEN ? THEN '").append(String.format("%02d", i + 1)).append('\'');
        }
        kind.append(" ELSE '00' END");
        return "COALESCE(NULLIF(TRIM(adcode), ''), '000000') || '-' || " + kind
                + " || '-' || CASE WHEN id < 1000000 THEN LPAD(CAST(id AS VARCHAR(20)), 6, '0') ELSE CAST(id AS VARCHAR(20)) END";
    }

    /** The parameters of {@link #sql()}: the kind codes in the catalog's order. */
    List<Object> parameters() {
        return List.copyOf(kindCodes);
    }

    /** Whether text has the form of a station code (the QR link's and the sign's). */
    public static boolean looksLikeCode(String text) {
        return text != null && text.matches("\\d{6}-\\d{2}-\\d{6,18}");
    }
}
