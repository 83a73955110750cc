package cn.servicemap.stations;

import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** A station without a code yet. */
    public record Uncoded(long id, String adcode, String kind) {
    }

    private final Map<String, Integer> kindNumbers = new HashMap<>();

    public StationCodes(StationCatalog catalog) {
        List<StationKind> kinds = catalog.kinds();
        for (int i = 0; i < kinds.size(); i++) {
            kindNumbers.put(kinds.get(i).code(), i + 1);
        }
    }

    /** The code of a station stored with this id, district (null: none) and kind. */
    public String code(long id, String adcode, String kind) {
        String district = adcode == null || adcode.isBlank() ? "000000" : adcode.strip();
        return district + "-" + String.format("%02d", kindNumbers.getOrDefault(kind, 0)) + "-" + String.format("%06d", id);
    }

    /** Codes for stations without one, by id. */
    public Map<Long, String> codes(List<Uncoded> stations) {
        Map<Long, String> out = new java.util.LinkedHashMap<>();
        for (Uncoded s : stations) {
            out.put(s.id(), code(s.id(), s.adcode(), s.kind()));
        }
        return out;
    }

    /** Whether text has the form of a station code (the QR link's and the sign's). */
    public static boolean looksLikeCode(String text) {
        return text != null && text.matches("\\d{6}-\\d{2}-\\d{6,18}");
    }
}
