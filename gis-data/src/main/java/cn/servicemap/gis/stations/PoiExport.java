package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.CoordinateSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The online map services whose place (POI) exports arrive as station files, each recognised by the column names its
 * web-service answers and their usual spreadsheet versions carry, with the coordinate system its coordinates are in.
 *
 * <ul>
 *   <li>AMap (高德) web service / exports: {@code name, type, typecode, address, location} ("lng,lat" in one column),
 *       {@code pname, cityname, adname, tel, id}; GCJ-02.</li>
 *   <li>Tencent (腾讯) place search: {@code title, address, tel, category, location.lat, location.lng} (or {@code lat, lng}),
 *       {@code ad_info.*}; GCJ-02.</li>
 *   <li>Baidu (百度) place API: {@code name, address, telephone, location.lat, location.lng, uid, detail_info.*}; BD-09
 *       (bd09ll).</li>
 * </ul>
 * A file names its source when a column only that service writes is present ({@link #detect}); the generic columns
 * (name, address, tel, location) alone say nothing. A column naming the service (高德经度, 百度坐标, 腾讯纬度 …) names it too.
 */
public enum PoiExport {

    AMAP("高德", "AMap", CoordinateSystem.GCJ02,
            Set.of("typecode", "pname", "cityname", "adname", "pcode", "citycode", "business_area", "navi_poiid", "entr_location",
                    "exit_location", "gridcode", "biz_type", "poiweight", "indoor_map", "parent"),
            List.of("biz_ext.", "photos.", "indoor_data."), "高德"),
    TENCENT("腾讯", "Tencent", CoordinateSystem.GCJ02,
            Set.of("_distance", "ad_info"),
            List.of("ad_info."), "腾讯"),
    BAIDU("百度", "Baidu", CoordinateSystem.BD09,
            Set.of("uid", "street_id", "detail_info"),
            List.of("detail_info."), "百度");

    /** Columns of a POI export that hold the service's category of the place: not a station kind. */
    static final Set<String> CATEGORY_COLUMNS = Set.of("type", "typecode", "category", "tag", "detail_info.tag", "detail_info.type",
            "classify");

    /** Columns of the exports that carry nothing a station keeps (ids, administrative names, the service's extras). */
    static final Set<String> UNUSED_COLUMNS = Set.of("id", "uid", "pname", "cityname", "adname", "pcode", "citycode", "adcode",
            "business_area", "navi_poiid", "entr_location", "exit_location", "gridcode", "biz_type", "poiweight", "indoor_map",
            "parent", "distance", "_distance", "street_id", "detail", "province", "city", "area", "district", "ad_info",
            "ad_info.adcode", "ad_info.province", "ad_info.city", "ad_info.district", "detail_info", "photos", "biz_ext",
            "shopinfo", "alias", "importance", "match", "type", "typecode", "category", "tag", "classify");

    private final String nameZh;
    private final String nameEn;
    private final CoordinateSystem system;
    private final Set<String> markers;
    private final List<String> markerPrefixes;
    private final String word;

    PoiExport(String nameZh, String nameEn, CoordinateSystem system, Set<String> markers, List<String> markerPrefixes,
              String word) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.system = system;
        this.markers = markers;
        this.markerPrefixes = markerPrefixes;
        this.word = word;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The coordinate system the service's coordinates are in. */
    public CoordinateSystem system() {
        return system;
    }

    /**
     * The source a file's columns name, with the columns that tell.
     *
     * @param source  the service
     * @param columns the file's headers that only that service writes, in file order
     */
    public record Detection(PoiExport source, List<String> columns) {

        public Detection {
            columns = List.copyOf(columns);
        }
    }

    /**
     * The service whose export a header row looks like: the one with the most columns only it writes. Empty when no
     * column is distinctive, or when services of different coordinate systems tie (a file pieced together from two
     * exports: the user must say).
     */
    public static Optional<Detection> detect(List<String> headers) {
        Detection best = null;
        boolean tie = false;
        for (PoiExport source : values()) {
            List<String> telling = new ArrayList<>();
            for (String header : headers) {
                if (source.marks(header)) {
                    telling.add(header);
                }
            }
            if (telling.isEmpty()) {
                continue;
            }
            if (best == null || telling.size() > best.columns().size()) {
                best = new Detection(source, telling);
                tie = false;
            } else if (telling.size() == best.columns().size() && source.system != best.source().system) {
                tie = true;
            }
        }
        return tie ? Optional.empty() : Optional.ofNullable(best);
    }

    private boolean marks(String header) {
        if (header.contains(word)) {
            return true;
        }
        String h = StationField.normalise(header);
        return markers.contains(h) || markerPrefixes.stream().anyMatch(h::startsWith);
    }

    /** True for a column of a POI export that holds the service's category of the place ({@code type}, {@code category} …). */
    static boolean isCategoryColumn(String header) {
        return CATEGORY_COLUMNS.contains(StationField.normalise(header));
    }

    /** True for a column of a POI export that a station does not keep (ids, administrative names …). */
    static boolean isUnusedColumn(String header) {
        String h = StationField.normalise(header);
        return UNUSED_COLUMNS.contains(h) || h.startsWith("ad_info.") || h.startsWith("detail_info.") || h.startsWith("biz_ext.")
                || h.startsWith("photos.") || h.startsWith("indoor_data.");
    }
}
