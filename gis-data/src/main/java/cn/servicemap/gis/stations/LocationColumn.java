package cn.servicemap.gis.stations;

import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A column that holds longitude and latitude together, "lng,lat" as AMap writes its {@code location}
 * ({@code 118.784,32.041}), and its spreadsheet versions (经纬度, 坐标, 高德坐标 …). A station file uses it when it has no
 * separate longitude and latitude columns. The cell is split into the two numbers, longitude first; full-width commas,
 * semicolons and spaces separate them as well. Which number is which is not guessed: "32.041,118.784" gives a latitude
 * beyond 90, which the checker reports as swapped.
 */
final class LocationColumn {

    /** Headers of a one-column location (matched as {@link StationField#forHeader} matches). */
    static final Set<String> HEADERS = Set.of("location", "lnglat", "lng,lat", "lng_lat", "lonlat", "lon,lat", "lon_lat",
            "经纬度", "坐标", "经纬度坐标", "位置坐标", "坐标位置", "高德坐标", "腾讯坐标", "百度坐标", "高德经纬度", "腾讯经纬度", "百度经纬度");

    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;]\\s*|\\s+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** The two numbers of a cell, as text, longitude first. */
    record Parts(String lon, String lat) {
    }

    private LocationColumn() {
    }

    static boolean isHeader(String header) {
        return HEADERS.contains(StationField.normalise(header));
    }

    /** The cell's longitude and latitude; empty when it is not two decimal numbers. */
    static Optional<Parts> split(String cell) {
        String v = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
        String[] parts = SEPARATOR.split(v);
        if (parts.length != 2 || !NUMBER.matcher(parts[0]).matches() || !NUMBER.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parts(parts[0], parts[1]));
    }
}
