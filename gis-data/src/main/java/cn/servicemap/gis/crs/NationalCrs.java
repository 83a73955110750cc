package cn.servicemap.gis.crs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate systems of Chinese surveying that station files arrive in besides the four of {@link CoordinateSystem}:
 * Gauss–Krüger projections (3° and 6° zones, with or without the zone number in front of the easting) on CGCS2000,
 * Beijing 1954 and Xi'an 1980, and the geographic Beijing 1954 and Xi'an 1980 — named by an EPSG code or read from a
 * .prj's WKT — converted to WGS84 with proj4j.
 *
 * <p><b>EPSG codes</b> (the ranges the EPSG registry gives these systems; the zone's central meridian and false
 * easting follow from the code): CGCS2000 4491–4501 (6° zones 13–23), 4502–4512 (6°, CM 75°E–135°E), 4513–4533
 * (3° zones 25–45), 4534–4554 (3°, CM 75°E–135°E); Beijing 1954 21413–21423 (6° zones 13–23), 21453–21463 (6°,
 * CM), 2401–2421 (3° zones 25–45), 2422–2442 (3°, CM); Xi'an 1980 2327–2337 (6° zones 13–23), 2338–2348 (6°, CM),
 * 2349–2369 (3° zones 25–45), 2370–2390 (3°, CM); geographic 4214 (Beijing 1954) and 4610 (Xi'an 1980). A 6° zone
 * n has its central meridian at 6n − 3°, a 3° zone n at 3n°; "zone" systems put n × 10⁶ in front of the 500 km
 * false easting.
 *
 * <p><b>Datums.</b> CGCS2000 is taken as WGS84 (they differ by centimetres). Beijing 1954 is shifted with the
 * EPSG's three-parameter transformation (dx 15.8, dy −154.4, dz −82.3 m; a few metres); Xi'an 1980 has no published
 * transformation to WGS84, so only its ellipsoid (IAG 1975) is changed: expect tens of metres. {@link #approximate()}
 * says so, and the importer passes it on.
 *
 * <p><b>Limits.</b> Only transverse Mercator (Gauss–Krüger) projections in metres are read from a .prj; any other
 * projection or unit, or a datum not among these, is an {@link IllegalArgumentException} naming it. Instances are
 * immutable; each conversion builds its own proj4j transform (not documented as thread-safe).
 */
public final class NationalCrs {

    /** A geodetic datum of Chinese surveying, with the proj4 parameters of its ellipsoid and shift to WGS84. */
    public enum Datum {
        CGCS2000("国家2000", "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0", false),
        BEIJING_1954("北京54", "+ellps=krass +towgs84=15.8,-154.4,-82.3,0,0,0,0", true),
        XIAN_1980("西安80", "+a=6378140 +b=6356755.288158 +towgs84=0,0,0,0,0,0,0", true), // IAG 1975: 1/f = 298.257
        WGS84("WGS84", "+datum=WGS84", false);

        private final String nameZh;
        private final String proj4;
        private final boolean approximate;

        Datum(String nameZh, String proj4, boolean approximate) {
            this.nameZh = nameZh;
            this.proj4 = proj4;
            this.approximate = approximate;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    private static final CRSFactory FACTORY = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = FACTORY.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");

    private final String name;
    private final Datum datum;
    private final boolean projected;
    private final double centralMeridian;
    private final double falseEasting;
    private final CoordinateReferenceSystem crs;

    private NationalCrs(String name, Datum datum, boolean projected, double centralMeridian, double falseEasting, double falseNorthing,
                        double scale, double latitudeOfOrigin) {
        this.name = name;
        this.datum = datum;
        this.projected = projected;
        this.centralMeridian = centralMeridian;
        this.falseEasting = falseEasting;
        String params = projected
                ? String.format(Locale.ROOT, "+proj=tmerc +lat_0=%s +lon_0=%s +k=%s +x_0=%s +y_0=%s %s +units=m +no_defs",
                latitudeOfOrigin, centralMeridian, scale, falseEasting, falseNorthing, datum.proj4)
                : "+proj=longlat " + datum.proj4 + " +no_defs";
        this.crs = FACTORY.createFromParameters(name, params);
    }

    /** A Gauss–Krüger projection with scale 1 and latitude of origin 0. */
    static NationalCrs gaussKruger(String name, Datum datum, double centralMeridian, double falseEasting) {
        return new NationalCrs(name, datum, true, centralMeridian, falseEasting, 0, 1, 0);
    }

    /** The system an EPSG code names, if it is one of those in the class comment. */
    public static Optional<NationalCrs> forEpsg(int code) {
        return Optional.ofNullable(switch (code) {
            case 4214 -> new NationalCrs("Beijing 1954 (EPSG:4214)", Datum.BEIJING_1954, false, 0, 0, 0, 1, 0);
            case 4610 -> new NationalCrs("Xian 1980 (EPSG:4610)", Datum.XIAN_1980, false, 0, 0, 0, 1, 0);
            default -> zoned(code, 4491, 4501, Datum.CGCS2000, 6, 13, true)
                    .or(() -> zoned(code, 4502, 4512, Datum.CGCS2000, 6, 13, false))
                    .or(() -> zoned(code, 4513, 4533, Datum.CGCS2000, 3, 25, true))
                    .or(() -> zoned(code, 4534, 4554, Datum.CGCS2000, 3, 25, false))
                    .or(() -> zoned(code, 21413, 21423, Datum.BEIJING_1954, 6, 13, true))
                    .or(() -> zoned(code, 21453, 21463, Datum.BEIJING_1954, 6, 13, false))
                    .or(() -> zoned(code, 2401, 2421, Datum.BEIJING_1954, 3, 25, true))
                    .or(() -> zoned(code, 2422, 2442, Datum.BEIJING_1954, 3, 25, false))
                    .or(() -> zoned(code, 2327, 2337, Datum.XIAN_1980, 6, 13, true))
                    .or(() -> zoned(code, 2338, 2348, Datum.XIAN_1980, 6, 13, false))
                    .or(() -> zoned(code, 2349, 2369, Datum.XIAN_1980, 3, 25, true))
                    .or(() -> zoned(code, 2370, 2390, Datum.XIAN_1980, 3, 25, false))
                    .orElse(null);
        });
    }

    /** An EPSG code as written: "EPSG:4547", "epsg 4547", "4547". */
    public static Optional<NationalCrs> parse(String text) {
        Matcher m = Pattern.compile("(?i)^\\s*(?:epsg\\s*[:：]?\\s*)?(\\d{4,5})\\s*$").matcher(text == null ? "" : text);
        return m.matches() ? forEpsg(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /**
     * A code's zone within one range of the registry: zone systems number their zones from {@code firstZone}, the
     * others their central meridians from 75°E, {@code width} degrees apart.
     */
    private static Optional<NationalCrs> zoned(int code, int from, int to, Datum datum, int width, int firstZone, boolean zoneInEasting) {
        if (code < from || code > to) {
            return Optional.empty();
        }
        int zone = firstZone + (code - from);
        double meridian = zoneInEasting ? (width == 6 ? 6 * zone - 3 : 3 * zone) : 75 + width * (code - from);
        String label = datum + " / " + width + "-degree Gauss-Kruger " + (zoneInEasting ? "zone " + zone : "CM " + (int) meridian + "E")
                + " (EPSG:" + code + ")";
        return Optional.of(gaussKruger(label, datum, meridian, zoneInEasting ? zone * 1_000_000d + 500_000 : 500_000));
    }

    /**
     * The system of a .prj (ESRI or OGC WKT 1): an EPSG AUTHORITY of the whole system when it is one of the class
     * comment's, else a Gauss–Krüger / transverse Mercator PROJCS read from its parameters on one of the datums, or a
     * GEOGCS of Beijing 1954 or Xi'an 1980. Empty for a GEOGCS of WGS 84 or CGCS2000 (the readers declare those as
     * {@link CoordinateSystem}s).
     *
     * @throws IllegalArgumentException naming what cannot be converted: another projection, unit or datum
     */
    public static Optional<NationalCrs> fromWkt(String wkt) {
        String text = wkt.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        Matcher authority = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?]\\s*]\\s*$").matcher(upper);
        if (authority.find()) {
            Optional<NationalCrs> known = forEpsg(Integer.parseInt(authority.group(1)));
            if (known.isPresent()) {
                return known;
            }
        }
        String name = wktName(text);
        Datum datum = datum(upper, name);
        if (!upper.startsWith("PROJCS")) {
            if (!upper.startsWith("GEOGCS")) {
                throw new IllegalArgumentException("无法识别的坐标系定义“" + name + "” (unreadable coordinate system definition '" + name + "')");
            }
            return datum == Datum.CGCS2000 || datum == Datum.WGS84 ? Optional.empty()
                    : Optional.of(new NationalCrs(name, datum, false, 0, 0, 0, 1, 0));
        }
        Matcher projection = Pattern.compile("PROJECTION\\[\"([^\"]+)\"").matcher(upper);
        String method = projection.find() ? projection.group(1).replaceAll("[^A-Z]", "") : "";
        if (!method.equals("GAUSSKRUGER") && !method.equals("TRANSVERSEMERCATOR")) {
            throw new IllegalArgumentException("不支持投影“" + name + "”（" + (method.isEmpty() ? "未知投影" : projection.group(1))
                    + "）：只能换算高斯-克吕格（横轴墨卡托）投影；请另存为 WGS84 或 CGCS2000 经纬度 (the projection of '" + name
                    + "' cannot be converted: only Gauss-Kruger / transverse Mercator)");
        }
        Matcher unit = Pattern.compile("UNIT\\[\"[^\"]*\",\\s*([0-9.Ee+-]+)[^\\[\\]]*]\\s*(?:,\\s*AXIS[^]]*]\\s*)*(?:,\\s*AUTHORITY[^]]*]\\s*)?]\\s*$")
                .matcher(upper);
        if (unit.find() && Math.abs(Double.parseDouble(unit.group(1)) - 1) > 1e-9) {
            throw new IllegalArgumentException("投影“" + name + "”的单位不是米 (the unit of '" + name + "' is not the metre)");
        }
        return Optional.of(new NationalCrs(name, datum, true, parameter(upper, "CENTRAL_MERIDIAN", null),
                parameter(upper, "FALSE_EASTING", 0d), parameter(upper, "FALSE_NORTHING", 0d), parameter(upper, "SCALE_FACTOR", 1d),
                parameter(upper, "LATITUDE_OF_ORIGIN", 0d)));
    }

    private static Datum datum(String upper, String name) {
        String key = upper.replaceAll("[^A-Z0-9]", "");
        if (key.contains("CGCS2000") || key.contains("CHINA2000") || key.contains("CHINAGEODETICCOORDINATESYSTEM2000")) {
            return Datum.CGCS2000;
        }
        if (key.contains("BEIJING1954") || key.contains("BEIJING54") || key.contains("KRASOVSKY") || key.contains("KRASSOWSKY")) {
            return Datum.BEIJING_1954;
        }
        if (key.contains("XIAN1980") || key.contains("XIAN80") || key.contains("IAG1975") || key.contains("IAG75")) {
            return Datum.XIAN_1980;
        }
        if (key.contains("WGS1984") || key.contains("WGS84")) {
            return Datum.WGS84;
        }
        throw new IllegalArgumentException("坐标系“" + name + "”的大地基准无法换算：只支持国家2000、北京54、西安80 和 WGS84 (the datum of '" + name
                + "' cannot be converted: CGCS2000, Beijing 1954, Xian 1980 or WGS 84 only)");
    }

    private static double parameter(String upper, String parameter, Double otherwise) {
        Matcher m = Pattern.compile("PARAMETER\\[\"" + parameter + "\",\\s*([0-9.Ee+-]+)\\s*]").matcher(upper);
        if (m.find()) {
            return Double.parseDouble(m.group(1));
        }
        if (otherwise == null) {
            throw new IllegalArgumentException("投影缺少参数 " + parameter + " (the projection has no " + parameter + ")");
        }
        return otherwise;
    }

    /** The name a WKT gives its system (its first quoted text), for messages; the text itself, cut, when it has none. */
    public static String wktName(String wkt) {
        int open = wkt.indexOf('"');
        int close = open < 0 ? -1 : wkt.indexOf('"', open + 1);
        return close > open ? wkt.substring(open + 1, close) : wkt.length() > 40 ? wkt.substring(0, 40) + "…" : wkt;
    }

    /**
     * One point to WGS84: a projected system takes (easting, northing) in metres — the easting with the zone number in
     * front when the system has it — a geographic one (longitude, latitude) in degrees.
     */
    public LonLat toWgs84(double x, double y) {
        ProjCoordinate out = new ProjCoordinate();
        new BasicCoordinateTransform(crs, WGS84).transform(new ProjCoordinate(x, y), out);
        return new LonLat(out.x, out.y);
    }

    /**
     * The other way, for many points: a converter from WGS84 (longitude, latitude in degrees) to this system's
     * (easting, northing) in metres — or (longitude, latitude) for a geographic one. It keeps one proj4j transform,
     * so it is for one thread.
     */
    public java.util.function.Function<LonLat, double[]> fromWgs84() {
        BasicCoordinateTransform transform = new BasicCoordinateTransform(WGS84, crs);
        ProjCoordinate out = new ProjCoordinate();
        return p -> {
            transform.transform(new ProjCoordinate(p.lon(), p.lat()), out);
            return new double[]{out.x, out.y};
        };
    }

    /**
     * Which of two numbers of a row is the easting: Chinese surveying writes X for the northing and Y for the easting,
     * other files the other way round. The northing of a place in China lies between 1,500 and 6,000 km; an easting
     * is under 1,000 km, or above 10,000 km with the zone number in front. True when {@code a} is the easting.
     */
    public static boolean firstIsEasting(double a, double b) {
        boolean aNorthing = a >= 1_500_000 && a <= 6_000_000;
        boolean bNorthing = b >= 1_500_000 && b <= 6_000_000;
        return aNorthing == bNorthing ? true : bNorthing;
    }

    public String name() {
        return name;
    }

    public Datum datum() {
        return datum;
    }

    /** Metres (easting, northing) rather than degrees. */
    public boolean projected() {
        return projected;
    }

    /** The central meridian in degrees (projected systems). */
    public double centralMeridian() {
        return centralMeridian;
    }

    /** The false easting in metres, with the zone number in front for zone systems (projected systems). */
    public double falseEasting() {
        return falseEasting;
    }

    /** Whether the datum shift to WGS84 is only approximate (Beijing 1954: metres; Xi'an 1980: tens of metres). */
    public boolean approximate() {
        return datum.approximate;
    }

    @Override
    public String toString() {
        return name;
    }
}
