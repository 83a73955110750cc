package cn.servicemap.gis.stations;

import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.gis.catalog.StationKind;
import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.districts.DistrictLocator;
import cn.servicemap.gis.hours.OpeningHours;
import cn.servicemap.gis.hours.OpeningHoursParseException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one station given as text against the catalog and the loaded region, the same way for a
 * file row and an API body, and converts it to a {@link CheckedStation} in WGS84.
 *
 * <p>Coordinate checks, in order: each value present and a finite decimal number (or degrees,
 * minutes, seconds); latitude within ±90 and longitude within ±180, where a latitude beyond 90
 * with a longitude that would be a valid latitude is reported as swapped; the point inside China
 * (the coarse box of the GCJ-02 algorithm), where a point outside China that would be inside
 * with lon and lat exchanged is reported as swapped; then, converted to WGS84, inside one of the
 * loaded districts (when any are loaded).
 */
public final class StationChecker {

    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 500;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern DMS = Pattern.compile(
            "([+-]?\\d+(?:\\.\\d+)?)\\s*[°度]\\s*(?:(\\d+(?:\\.\\d+)?)\\s*['′分]\\s*)?(?:(\\d+(?:\\.\\d+)?)\\s*[\"″秒]\\s*)?([NSEW东西南北]?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-()（）\\s,，、;；/转extEXT.]+");

    /** The outcome: either a station or the problems that stop it. */
    public record Result(CheckedStation station, List<FieldProblem> problems) {
        public boolean ok() {
            return station != null;
        }
    }

    private final StationCatalog catalog;
    private final DistrictLocator region;
    private final List<String> ignoredNamePrefixes;

    /** A checker whose duplicate search compares whole names. */
    public StationChecker(StationCatalog catalog, DistrictLocator region) {
        this(catalog, region, List.of());
    }

    /**
     * @param region              the loaded districts; an empty locator skips the region check and leaves adcode null
     * @param ignoredNamePrefixes name prefixes the duplicate search ignores (e.g. the application's marker of demo
     *                            stations), see {@link #duplicateFinder(double)}
     */
    public StationChecker(StationCatalog catalog, DistrictLocator region, Collection<String> ignoredNamePrefixes) {
        this.catalog = catalog;
        this.region = region;
        this.ignoredNamePrefixes = List.copyOf(ignoredNamePrefixes);
    }

    public StationCatalog catalog() {
        return catalog;
    }

    /** A new, empty duplicate search that compares names as this checker's caller asked (ignored prefixes). */
    public DuplicateFinder duplicateFinder(double radiusInMeters) {
        return new DuplicateFinder(radiusInMeters, ignoredNamePrefixes);
    }

    public Result check(StationInput in, CoordinateSystem crs) {
        List<FieldProblem> problems = new ArrayList<>();
        for (StationField f : StationField.values()) {
            if (f.required() && !in.has(f)) {
                problems.add(new FieldProblem(f, null, ProblemCode.MISSING_VALUE,
                        "缺少必填项 (" + f.apiName() + " is required)"));
            }
        }
        String name = text(in, StationField.NAME, MAX_NAME, problems);
        String kind = null;
        if (in.has(StationField.KIND)) {
            Optional<StationKind> resolved = catalog.resolveKind(in.get(StationField.KIND));
            if (resolved.isPresent()) {
                kind = resolved.get().code();
            } else {
                problems.add(new FieldProblem(StationField.KIND, in.get(StationField.KIND), ProblemCode.UNKNOWN_KIND,
                        "未知的站点类型“" + shown(in.get(StationField.KIND)) + "”，可用：" + catalog.kinds().stream()
                                .map(StationKind::nameZh).collect(Collectors.joining("、"))
                                + " (unknown kind)"));
            }
        }
        LonLat wgs84 = location(in, crs, problems);
        String adcode = null;
        if (wgs84 != null && !region.isEmpty()) {
            Optional<String> located = region.locate(wgs84.lon(), wgs84.lat());
            if (located.isPresent()) {
                adcode = located.get();
            } else {
                problems.add(new FieldProblem(StationField.LON, in.get(StationField.LON) + ", " + in.get(StationField.LAT),
                        ProblemCode.OUTSIDE_REGION, "位置不在已加载的区域内 (the point is outside the loaded region: "
                        + String.format("%.6f, %.6f", wgs84.lon(), wgs84.lat()) + " in WGS84)"));
            }
        }
        List<String> services = List.of();
        if (in.has(StationField.SERVICES)) {
            var resolved = catalog.resolveServices(in.get(StationField.SERVICES));
            services = resolved.codes();
            for (String unknown : resolved.unknown()) {
                problems.add(new FieldProblem(StationField.SERVICES, unknown, ProblemCode.UNKNOWN_SERVICE,
                        "未知的服务项目“" + shown(unknown) + "” (unknown service)"));
            }
        }
        String hours = null;
        if (in.has(StationField.OPENING_HOURS)) {
            try {
                hours = OpeningHours.parse(in.get(StationField.OPENING_HOURS)).toOsmString();
            } catch (OpeningHoursParseException e) {
                problems.add(new FieldProblem(StationField.OPENING_HOURS, in.get(StationField.OPENING_HOURS),
                        ProblemCode.BAD_OPENING_HOURS, e.getMessage()));
            }
        }
        String phone = text(in, StationField.PHONE, 100, problems);
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 5)) {
            problems.add(new FieldProblem(StationField.PHONE, phone, ProblemCode.BAD_PHONE,
                    "电话号码格式不正确 (not a phone number)"));
            phone = null;
        }
        Integer capacity = null;
        if (in.has(StationField.CAPACITY)) {
            String c = nfkc(in.get(StationField.CAPACITY));
            try {
                capacity = Integer.valueOf(c.endsWith(".0") ? c.substring(0, c.length() - 2) : c);
                if (capacity < 0 || capacity > 100_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(StationField.CAPACITY, in.get(StationField.CAPACITY), ProblemCode.BAD_CAPACITY,
                        "座位数应为 0 到 100000 的整数 (capacity must be a whole number 0..100000)"));
            }
        }
        StationStatus status = StationStatus.OPEN;
        if (in.has(StationField.STATUS)) {
            Optional<StationStatus> parsed = StationStatus.parse(in.get(StationField.STATUS));
            if (parsed.isPresent()) {
                status = parsed.get();
            } else {
                problems.add(new FieldProblem(StationField.STATUS, in.get(StationField.STATUS), ProblemCode.BAD_STATUS,
                        "状态应为 开放、暂停开放 或 已关闭 (status must be OPEN, TEMPORARILY_CLOSED or CLOSED)"));
            }
        }
        String statusReason = text(in, StationField.STATUS_REASON, MAX_TEXT, problems);
        if (status == StationStatus.CLOSED && statusReason == null) {
            problems.add(new FieldProblem(StationField.STATUS_REASON, null, ProblemCode.MISSING_VALUE,
                    "关闭的站点须说明原因 (a closed station needs a reason)"));
        }
        LocalDate verifiedAt = null;
        if (in.has(StationField.VERIFIED_AT)) {
            verifiedAt = date(in.get(StationField.VERIFIED_AT));
            if (verifiedAt == null) {
                problems.add(new FieldProblem(StationField.VERIFIED_AT, in.get(StationField.VERIFIED_AT), ProblemCode.BAD_DATE,
                        "日期格式应为 2025-06-30 (date must be yyyy-MM-dd)"));
            }
        }
        EntryMethod entry = null;
        if (in.has(StationField.ENTRY)) {
            entry = EntryMethod.parse(in.get(StationField.ENTRY)).orElse(null);
            if (entry == null) {
                problems.add(new FieldProblem(StationField.ENTRY, shown(in.get(StationField.ENTRY)), ProblemCode.BAD_ENTRY,
                        "进入方式应为 " + java.util.Arrays.stream(EntryMethod.values()).map(EntryMethod::nameZh)
                                .collect(Collectors.joining("、")) + " 之一 (entry must be OPEN, MEMBER_CODE, CODE_LOCK or FACE_OR_ID)"));
            }
        }
        Boolean staffed = yesNo(in, StationField.STAFFED, STAFFED_WORDS, problems);
        Boolean stepFree = yesNo(in, StationField.STEP_FREE, Map.of(), problems);
        Double area = null;
        if (in.has(StationField.AREA)) {
            String a = nfkc(in.get(StationField.AREA)).replaceAll("(?i)\\s*(m2|平方米|平米|㎡)$", "");
            if (DECIMAL.matcher(a).matches() && Double.parseDouble(a) > 0 && Double.parseDouble(a) <= 100_000) {
                area = Math.round(Double.parseDouble(a) * 10) / 10.0;
            } else {
                problems.add(new FieldProblem(StationField.AREA, shown(in.get(StationField.AREA)), ProblemCode.BAD_AREA,
                        "面积应为大于 0、不超过 100000 的平方米数，如 25 或 25.5 (area must be square metres, over 0 and at most 100000)"));
            }
        }
        String address = text(in, StationField.ADDRESS, MAX_TEXT, problems);
        String host = text(in, StationField.HOST_ORG, MAX_NAME, problems);
        String union = text(in, StationField.OPERATING_UNION, MAX_NAME, problems);
        String source = text(in, StationField.SOURCE, MAX_TEXT, problems);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new CheckedStation(name, kind, wgs84.lon(), wgs84.lat(), adcode, address, phone, hours,
                services, host, union, capacity, status, statusReason, verifiedAt, source, entry, staffed, stepFree, area), List.of());
    }

    /** Words for staffed / self-service beyond yes and no. */
    private static final Map<String, Boolean> STAFFED_WORDS = Map.of("有人值守", true, "有人", true, "专人值守", true,
            "自助", false, "无人值守", false, "无人", false, "self-service", false, "self service", false);

    /**
     * A yes/no cell: 是/否, 有/无, 能/不能, 可/不可, yes/no, true/false, y/n, 1/0, ✓/✗ (√/×), or a field's own words; anything
     * else is a problem naming the field.
     */
    private static Boolean yesNo(StationInput in, StationField f, Map<String, Boolean> words, List<FieldProblem> problems) {
        if (!in.has(f)) {
            return null;
        }
        String v = nfkc(in.get(f)).toLowerCase(java.util.Locale.ROOT);
        if (words.containsKey(v)) {
            return words.get(v);
        }
        switch (v) {
            case "是", "有", "能", "可", "可以", "yes", "y", "true", "1", "✓", "✔", "√", "对" -> {
                return true;
            }
            case "否", "无", "没有", "不能", "不可", "no", "n", "false", "0", "✗", "✘", "×", "x" -> {
                return false;
            }
            default -> {
                problems.add(new FieldProblem(f, shown(in.get(f)), ProblemCode.BAD_YES_NO,
                        "应填 是 或 否 (" + f.apiName() + " must be yes or no)"));
                return null;
            }
        }
    }

    private static String text(StationInput in, StationField f, int max, List<FieldProblem> problems) {
        String v = in.get(f);
        if (v != null && v.length() > max) {
            problems.add(new FieldProblem(f, v.substring(0, 40) + "…", ProblemCode.TOO_LONG,
                    "内容过长，最多 " + max + " 个字符 (longer than " + max + " characters)"));
            return null;
        }
        return v;
    }

    private LonLat location(StationInput in, CoordinateSystem crs, List<FieldProblem> problems) {
        if (!in.has(StationField.LON) || !in.has(StationField.LAT)) {
            return null;
        }
        Double lon = number(in, StationField.LON, problems);
        Double lat = number(in, StationField.LAT, problems);
        if (lon == null || lat == null) {
            return null;
        }
        String given = in.get(StationField.LON) + ", " + in.get(StationField.LAT);
        if (Math.abs(lat) > 90 && Math.abs(lon) <= 90 && Math.abs(lat) <= 180) {
            problems.add(new FieldProblem(StationField.LAT, given, ProblemCode.SWAPPED_COORDINATES,
                    "经纬度疑似填反：纬度 " + in.get(StationField.LAT) + " 超出 ±90，而经度 " + in.get(StationField.LON)
                            + " 像是纬度 (longitude and latitude look swapped)"));
            return null;
        }
        boolean bad = false;
        if (Math.abs(lon) > 180) {
            problems.add(new FieldProblem(StationField.LON, in.get(StationField.LON), ProblemCode.OUT_OF_RANGE,
                    "经度应在 -180 到 180 之间 (longitude must be within -180..180)"));
            bad = true;
        }
        if (Math.abs(lat) > 90) {
            problems.add(new FieldProblem(StationField.LAT, in.get(StationField.LAT), ProblemCode.OUT_OF_RANGE,
                    "纬度应在 -90 到 90 之间 (latitude must be within -90..90)"));
            bad = true;
        }
        if (bad) {
            return null;
        }
        if (ChinaCoordinates.isOutsideChina(lon, lat)) {
            if (!ChinaCoordinates.isOutsideChina(lat, lon)) {
                problems.add(new FieldProblem(StationField.LAT, given, ProblemCode.SWAPPED_COORDINATES,
                        "经纬度疑似填反：交换后才位于中国境内 (longitude and latitude look swapped)"));
            } else {
                problems.add(new FieldProblem(StationField.LON, given, ProblemCode.OUTSIDE_CHINA,
                        "位置不在中国境内 (the point is outside China)"));
            }
            return null;
        }
        return ChinaCoordinates.toWgs84(crs, lon, lat);
    }

    private static Double number(StationInput in, StationField f, List<FieldProblem> problems) {
        String raw = in.get(f);
        String v = nfkc(raw);
        if (v.equalsIgnoreCase("nan") || v.toLowerCase().contains("infinity") || v.equals("∞")) {
            problems.add(new FieldProblem(f, raw, ProblemCode.NOT_FINITE, "坐标不是有限数值 (" + f.apiName() + " is not a finite number)"));
            return null;
        }
        if (DECIMAL.matcher(v).matches()) {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                problems.add(new FieldProblem(f, raw, ProblemCode.NOT_FINITE, "坐标不是有限数值 (" + f.apiName() + " is not a finite number)"));
                return null;
            }
            return d;
        }
        Matcher m = DMS.matcher(v);
        if (m.matches()) {
            double d = Math.abs(Double.parseDouble(m.group(1)))
                    + (m.group(2) == null ? 0 : Double.parseDouble(m.group(2)) / 60)
                    + (m.group(3) == null ? 0 : Double.parseDouble(m.group(3)) / 3600);
            String hemisphere = m.group(4).toUpperCase();
            boolean negative = m.group(1).startsWith("-") || hemisphere.equals("S") || hemisphere.equals("W")
                    || hemisphere.equals("南") || hemisphere.equals("西");
            return negative ? -d : d;
        }
        problems.add(new FieldProblem(f, raw, ProblemCode.NOT_A_NUMBER,
                "“" + shown(raw) + "”不是有效的" + (f == StationField.LON ? "经度" : "纬度") + " (" + f.apiName() + " is not a number)"));
        return null;
    }

    private static LocalDate date(String raw) {
        String v = nfkc(raw).replaceAll("[年月/.]", "-").replace("日", "").trim();
        if (v.length() > 10 && v.charAt(10) == 'T') {
            v = v.substring(0, 10);
        }
        String[] parts = v.split("-");
        if (parts.length != 3) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).trim();
    }

    /** A value as a reason quotes it: at most 50 characters, so that a long cell cannot make a long message. */
    private static String shown(String value) {
        return value == null || value.length() <= 50 ? value : value.substring(0, 49) + "…";
    }
}
