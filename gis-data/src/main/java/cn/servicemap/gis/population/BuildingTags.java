package cn.servicemap.gis.population;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What OSM tags say about a building for counting residents: whether it is a dwelling, and how
 * many storeys it has. Storeys come from {@code building:levels} (the first number of the value,
 * clamped to 1…200), else from {@code height} at {@value #STOREY_HEIGHT_IN_METERS} m a storey, else
 * from a default. Plain {@code building=yes} counts as a dwelling unless its other tags or its name
 * say otherwise, since most dwellings in Chinese OSM data carry no more than {@code building=yes};
 * the census counts people where they live, so offices, shops, stations and the like count zero.
 */
final class BuildingTags {

    /** {@code building=*} values of buildings without residents. */
    static final Set<String> NOT_DWELLINGS = Set.of("office", "commercial", "retail", "supermarket", "kiosk",
            "industrial", "warehouse", "factory", "manufacture", "school", "university", "college", "kindergarten",
            "hospital", "hotel", "civic", "public", "government", "church", "cathedral", "chapel", "mosque",
            "temple", "shrine", "religious", "train_station", "transportation", "parking", "garage", "garages",
            "carport", "roof", "sports_hall", "sports_centre", "stadium", "grandstand", "pavilion", "service",
            "toilets", "hangar", "barn", "greenhouse", "farm_auxiliary", "stable", "cowshed", "sty", "bunker",
            "construction", "ruins", "military", "fire_station", "gatehouse", "bridge", "water_tower",
            "storage_tank", "silo", "tower", "digester", "transformer_tower", "museum", "library", "theatre",
            "cinema", "no");

    /** {@code building=*} values of dwellings: counted even when they carry other tags. */
    static final Set<String> DWELLINGS = Set.of("residential", "apartments", "house", "detached", "semidetached_house",
            "terrace", "dormitory", "bungalow", "villa", "farm", "hut", "cabin", "static_caravan", "stilt_house");

    /** Keys that give a {@code building=yes} a use without residents. */
    static final List<String> USE_KEYS = List.of("office", "shop", "amenity", "tourism", "leisure", "healthcare",
            "railway", "public_transport", "aeroway", "man_made", "historic", "craft", "sport", "government",
            "military", "religion", "industrial", "power");

    /**
     * Words in Chinese names of buildings without residents: office towers (大厦, 写字楼), centres and
     * plazas (中心, 广场 — in city cores almost always commercial), shops, hotels, hospitals, schools,
     * museums and halls (馆), stations, banks, government. A heuristic for {@code building=yes} with
     * a name and no other use tag, checked after {@link #DWELLING_NAMES}.
     */
    static final List<String> NOT_DWELLING_NAMES = List.of("大厦", "写字楼", "办公", "中心", "广场", "商场",
            "商城", "商厦", "百货", "购物", "酒店", "宾馆", "饭店", "银行", "医院", "学校", "学院", "大学", "中学",
            "小学", "幼儿园", "馆", "会堂", "礼堂", "剧院", "影城", "车站", "地铁", "政府", "法院", "检察院", "派出所", "公安",
            "寺", "教堂", "厂");

    /** Words in Chinese names of housing (宿舍, 小区, 新村, 公寓 …): such a name makes a building a dwelling. */
    static final List<String> DWELLING_NAMES = List.of("宿舍", "小区", "新村", "公寓", "花园", "家园", "新寓", "住宅",
            "苑", "里弄");

    /** Storey height assumed when only {@code height} is tagged, in metres. */
    static final double STOREY_HEIGHT_IN_METERS = 3.0;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern SIGNED_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private BuildingTags() {
    }

    /** True for an OSM building outline ({@code building=*} other than {@code no}; {@code building:part} is not one). */
    static boolean isBuilding(Map<String, String> tags) {
        String b = tags.get("building");
        return b != null && !"no".equals(b);
    }

    /** True for {@code landuse=residential}. */
    static boolean isResidentialLand(Map<String, String> tags) {
        return "residential".equals(tags.get("landuse"));
    }

    /**
     * Storeys of a building that has residents: {@code building:levels}, else {@code height} ÷ 3 m,
     * else {@code defaultLevels}; 0 for a building that is {@linkplain #isDwelling not a dwelling}.
     */
    static double levels(Map<String, String> tags, double defaultLevels) {
        if (!isDwelling(tags)) {
            return 0;
        }
        Double levels = firstNumber(tags.get("building:levels"), NUMBER);
        if (levels != null && levels >= 1) {
            return Math.min(200, levels);
        }
        Double height = firstNumber(tags.get("height"), NUMBER);
        if (height != null && height >= STOREY_HEIGHT_IN_METERS) {
            return Math.min(200, Math.max(1, Math.round(height / STOREY_HEIGHT_IN_METERS)));
        }
        return defaultLevels;
    }

    /**
     * Whether people may live in a building. A dwelling type ({@code building=residential},
     * {@code apartments}, {@code house} …) always; a use without residents ({@link #NOT_DWELLINGS})
     * never; otherwise ({@code building=yes} and unknown values) unless the building lies underground
     * ({@code layer} &lt; 0, {@code location=underground}: metro stations) or carries a tag of a use
     * without residents ({@code office}, {@code shop}, {@code amenity}, {@code tourism},
     * {@code leisure}, {@code railway} … see {@link #USE_KEYS}), or a Chinese name that says so
     * (大厦, 中心, 广场, 商场, 酒店, 医院, 学校, 博物馆 … see {@link #NOT_DWELLING_NAMES}) and none of
     * housing ({@link #DWELLING_NAMES}).
     */
    static boolean isDwelling(Map<String, String> tags) {
        String type = tags.getOrDefault("building", "yes");
        if (DWELLINGS.contains(type)) {
            return true;
        }
        if (NOT_DWELLINGS.contains(type) || "underground".equals(tags.get("location"))) {
            return false;
        }
        Double layer = firstNumber(tags.get("layer"), SIGNED_NUMBER);
        if (layer != null && layer < 0) {
            return false;
        }
        for (String key : USE_KEYS) {
            if (tags.containsKey(key)) {
                return false;
            }
        }
        String name = tags.getOrDefault("name", "");
        for (String word : DWELLING_NAMES) {
            if (name.contains(word)) {
                return true;
            }
        }
        for (String word : NOT_DWELLING_NAMES) {
            if (name.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static Double firstNumber(String value, Pattern number) {
        if (value == null) {
            return null;
        }
        Matcher m = number.matcher(value);
        return m.find() ? Double.valueOf(m.group()) : null;
    }
}
