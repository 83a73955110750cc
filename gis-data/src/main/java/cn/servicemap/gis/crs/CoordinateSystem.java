package cn.servicemap.gis.crs;

import java.util.Locale;

/**
 * The longitude/latitude coordinate systems that station data in China arrives in.
 * ServiceMap stores every coordinate as {@link #WGS84}; the others are converted at import
 * with {@link ChinaCoordinates#toWgs84(CoordinateSystem, double, double)}.
 *
 * <p>All four are geographic (degrees of longitude and latitude). Projected systems (metres,
 * e.g. a CGCS2000 Gauss–Krüger zone or Web Mercator) are not represented here and are rejected by
 * the readers.
 */
public enum CoordinateSystem {

    /** WGS 84 (EPSG:4326), the GPS system and the one ServiceMap stores. */
    WGS84("WGS84（GPS/天地图/OSM）"),

    /**
     * CGCS2000 (EPSG:4490), China's national geodetic system, used by 天地图 and official surveys.
     * It differs from WGS 84 by a few centimetres, so ServiceMap treats it as identical.
     */
    CGCS2000("CGCS2000（国家2000坐标系）"),

    /** GCJ-02 ("Mars coordinates"), the obfuscated system required for public maps in China (AMap, Tencent). */
    GCJ02("GCJ-02（高德/腾讯）"),

    /** BD-09, Baidu's further obfuscation of GCJ-02 (longitude/latitude flavour "bd09ll", not BD-09 Mercator). */
    BD09("BD-09（百度）");

    private final String label;

    CoordinateSystem(String label) {
        this.label = label;
    }

    /** A short Chinese label for lists and messages, e.g. {@code "GCJ-02（高德/腾讯）"}. */
    public String label() {
        return label;
    }

    /**
     * Parses the usual spellings, ignoring case, spaces, hyphens and underscores:
     * <ul>
     *   <li>WGS84: {@code wgs84}, {@code WGS-84}, {@code EPSG:4326}, {@code 4326}, {@code CRS84}, {@code GPS}</li>
     *   <li>CGCS2000: {@code cgcs2000}, {@code EPSG:4490}, {@code 4490}, {@code 国家2000}</li>
     *   <li>GCJ02: {@code gcj02}, {@code gcj-02}, {@code amap}, {@code 高德}, {@code 腾讯}, {@code 火星}</li>
     *   <li>BD09: {@code bd09}, {@code bd-09}, {@code bd09ll}, {@code baidu}, {@code 百度}</li>
     * </ul>
     *
     * @throws IllegalArgumentException if the text is null, blank or not one of the spellings above;
     *         the message lists the accepted values
     */
    public static CoordinateSystem parse(String text) {
        if (text != null) {
            String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            switch (key) {
                case "wgs84", "epsg:4326", "4326", "crs84", "gps" -> {
                    return WGS84;
                }
                case "cgcs2000", "epsg:4490", "4490", "cgcs", "国家2000", "2000国家大地坐标系" -> {
                    return CGCS2000;
                }
                case "gcj02", "gcj", "amap", "gaode", "高德", "腾讯", "tencent", "火星", "火星坐标", "mars" -> {
                    return GCJ02;
                }
                case "bd09", "bd09ll", "baidu", "百度" -> {
                    return BD09;
                }
                default -> {
                    // fall through to the error below
                }
            }
        }
        throw new IllegalArgumentException("unknown coordinate system '" + text + "'; accepted: "
                + "WGS84 (wgs84, WGS-84, EPSG:4326, 4326), "
                + "CGCS2000 (cgcs2000, EPSG:4490, 4490), "
                + "GCJ02 (gcj02, gcj-02, amap, 高德, 腾讯, 火星), "
                + "BD09 (bd09, bd-09, baidu, 百度)");
    }
}
