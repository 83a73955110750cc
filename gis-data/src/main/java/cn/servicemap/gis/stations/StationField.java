package cn.servicemap.gis.stations;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of a service point as they arrive from a file or the API, with the column headers
 * (Chinese and English) that importers recognise for each.
 */
public enum StationField {
    NAME("name", true, "名称", "站点名称", "驿站名称", "阵地名称", "站名", "name", "station_name", "title"),
    KIND("kind", true, "类型", "类别", "站点类型", "阵地类型", "kind", "type", "category"),
    LON("lon", true, "经度", "lon", "lng", "long", "longitude", "x", "x坐标", "东坐标", "横坐标", "easting",
            "location.lng", "location.lon", "高德经度", "腾讯经度", "百度经度"),
    LAT("lat", true, "纬度", "lat", "latitude", "y", "y坐标", "北坐标", "纵坐标", "northing",
            "location.lat", "高德纬度", "腾讯纬度", "百度纬度"),
    ADDRESS("address", false, "地址", "详细地址", "address", "addr"),
    PHONE("phone", false, "电话", "联系电话", "电话号码", "phone", "tel", "telephone"),
    OPENING_HOURS("openingHours", false, "开放时间", "营业时间", "服务时间", "opening_hours", "openinghours", "hours"),
    SERVICES("services", false, "服务项目", "服务内容", "服务", "设施", "services", "service"),
    HOST_ORG("hostOrg", false, "依托单位", "主办单位", "承建单位", "所在单位", "host", "host_org", "hostorg"),
    OPERATING_UNION("operatingUnion", false, "运营工会", "主管工会", "所属工会", "工会", "operating_union", "union"),
    CAPACITY("capacity", false, "座位数", "容量", "可容纳人数", "capacity", "seats"),
    STATUS("status", false, "状态", "运营状态", "status"),
    STATUS_REASON("statusReason", false, "关闭原因", "状态说明", "status_reason", "statusreason", "reason"),
    VERIFIED_AT("verifiedAt", false, "核实日期", "核验日期", "verified_at", "verifiedat", "verified"),
    SOURCE("source", false, "数据来源", "来源", "source"),
    /** How one gets in ({@link EntryMethod}). */
    ENTRY("entry", false, "进入方式", "入站方式", "准入方式", "门禁", "entry", "access"),
    /** Staffed (有人值守) or self-service (自助). */
    STAFFED("staffed", false, "有人值守", "值守方式", "是否有人值守", "值守", "staffed"),
    /** Step-free entry with room for a wheelchair (无障碍). */
    STEP_FREE("stepFree", false, "无障碍进入", "无障碍", "轮椅可进", "无障碍通行", "step_free", "stepfree", "wheelchair"),
    /** Floor area in square metres. */
    AREA("areaM2", false, "面积", "面积㎡", "使用面积", "建筑面积", "area", "area_m2", "aream2");

    private final String apiName;
    private final boolean required;
    private final List<String> headers;

    StationField(String apiName, boolean required, String... headers) {
        this.apiName = apiName;
        this.required = required;
        this.headers = List.of(headers);
    }

    /** The JSON property name in the API. */
    public String apiName() {
        return apiName;
    }

    public boolean required() {
        return required;
    }

    /** Column headers recognised for this field (matched ignoring case, spaces, full-width forms and a trailing unit in brackets). */
    public List<String> headers() {
        return headers;
    }

    /** The field a column header names, if any: "经度(WGS84)", " Lon ", "ＮＡＭＥ" all match. */
    public static Optional<StationField> forHeader(String header) {
        String h = normalise(header);
        for (StationField f : values()) {
            for (String candidate : f.headers) {
                if (normalise(candidate).equals(h)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    static String normalise(String header) {
        String h = Normalizer.normalize(header, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
        h = h.replaceAll("[(\\[（【].*[)\\]）】]$", "").trim();
        return h.replaceAll("[\\s*＊]", "");
    }
}
