package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.osm.NamedPlaces.NamedPlace;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimates how far a file's points sit, as a whole, from where they should be, and whether that offset is the one
 * GCJ-02 or BD-09 coordinates read as WGS84 would show: the sign of a file of AMap, Tencent or Baidu coordinates
 * declared WGS84 (an "undeclared GCJ-02 file").
 *
 * <p>Algorithm. The points (names with coordinates taken as WGS84) are compared by name with reference places of the
 * region in WGS84 (OSM's named shops, banks, schools …, {@link cn.servicemap.gis.osm.NamedPlaces}). Names are
 * compared normalised (NFKC, lower case, without spaces, punctuation or brackets: "中国银行(新街口支行)" =
 * "中国银行新街口支行"); names of fewer than {@value #MIN_NAME_CHARS} characters are skipped. A point is <em>matched</em>
 * when exactly one reference place of its name lies within {@value #MATCH_RADIUS_IN_METERS} m of it (chains with two
 * branches in reach are skipped, not guessed); when no place of its name is in reach, the names without their
 * bracketed parts are compared the same way (a service's "肯德基(新街口店)" is OSM's "肯德基"). Each match gives a displacement (point minus place, metres east and
 * north in a local equirectangular approximation); the offset is the component-wise median of the displacements, so
 * that up to half the matches may be wrong (a namesake, a misplaced OSM node) without moving it. The expected offsets
 * are those of {@link ChinaCoordinates} (GCJ-02 minus WGS84, BD-09 minus WGS84) at the mean position of the matched
 * places. The verdict is
 * <ul>
 *   <li>{@link Verdict#GCJ02} (or {@link Verdict#BD09}) when there are at least {@value #MIN_MATCHES} matches, the
 *       median lies within {@value #TOLERANCE_IN_METERS} m of the expected offset, and at least half of the matches
 *       ({@value #MIN_AGREEING_SHARE}) lie within {@value #TOLERANCE_IN_METERS} m of it on their own;</li>
 *   <li>{@link Verdict#AS_DECLARED} when there are enough matches and the median lies within
 *       {@value #TOLERANCE_IN_METERS} m of zero;</li>
 *   <li>{@link Verdict#UNDECIDED} otherwise: too few matches, an offset that is neither, or a place where the GCJ-02
 *       offset is smaller than {@value #MIN_EXPECTED_OFFSET_IN_METERS} m and cannot be told from OSM's own error.</li>
 * </ul>
 * Why these numbers: the GCJ-02 offset is 400–700 m in eastern China (541 m in Nanjing: 491 m east, 228 m south), the
 * BD-09 one about 1 km more; a POI service and OSM put the same shop 10–50 m apart (entrance versus outline centre),
 * rarely more than 100 m for a mall, so 150 m keeps a true match and stays far from both offsets; eight matches whose
 * median and majority agree are a pattern a correct WGS84 file does not show by chance, whereas a few namesakes could.
 *
 * <p>Limits: the points must carry the names people and map services use (a file of stations named "爱心驿站1" matches
 * nothing and stays {@link Verdict#UNDECIDED}: no alarm, no reassurance); only the first {@value #MAX_POINTS} points are
 * compared; a file whose points were moved by hand by a few hundred metres in one direction would look the same. The
 * reference must be in WGS84 (OSM is).
 */
public final class SystematicOffset {

    public static final double MATCH_RADIUS_IN_METERS = 2000;
    public static final double TOLERANCE_IN_METERS = 150;
    public static final int MIN_MATCHES = 8;
    public static final double MIN_AGREEING_SHARE = 0.5;
    /** Below twice the tolerance, a GCJ-02 offset cannot be told from zero. */
    public static final double MIN_EXPECTED_OFFSET_IN_METERS = 2 * TOLERANCE_IN_METERS;
    public static final int MIN_NAME_CHARS = 2;
    public static final int MAX_POINTS = 20_000;

    /** What the offset says about the file. */
    public enum Verdict {
        /** The points sit where their declared system puts them. */
        AS_DECLARED,
        /** The points sit where GCJ-02 coordinates read as WGS84 would. */
        GCJ02,
        /** The points sit where BD-09 coordinates read as WGS84 would. */
        BD09,
        /** Too few matches, or an offset that is none of the above. */
        UNDECIDED
    }

    /**
     * The estimate. Offsets are in metres, east and north positive; NaN when there was no match.
     *
     * @param points   points compared (at most {@value #MAX_POINTS})
     * @param matches  points matched to exactly one reference place of their name
     * @param agreeing matches whose own displacement lies within the tolerance of the offset the verdict names (of the
     *                 median for {@link Verdict#UNDECIDED})
     */
    public record Result(Verdict verdict, int points, int matches, int agreeing, double eastInMeters, double northInMeters,
                         double gcjEastInMeters, double gcjNorthInMeters, double bdEastInMeters, double bdNorthInMeters) {

        /** The length of the median offset, in metres. */
        public double offsetInMeters() {
            return Math.hypot(eastInMeters, northInMeters);
        }

        /** The coordinate system the verdict says the file is in; WGS84 for as declared or undecided. */
        public CoordinateSystem likelySystem() {
            return switch (verdict) {
                case GCJ02 -> CoordinateSystem.GCJ02;
                case BD09 -> CoordinateSystem.BD09;
                default -> CoordinateSystem.WGS84;
            };
        }
    }

    private SystematicOffset() {
    }

    /**
     * Compares {@code points} (read as WGS84) with {@code references} (WGS84) as the class comment describes.
     * Neither collection is changed.
     */
    public static Result estimate(Collection<NamedPlace> points, Collection<NamedPlace> references) {
        Map<String, List<NamedPlace>> byName = index(references, SystematicOffset::normalise);
        Map<String, List<NamedPlace>> byBase = index(references, SystematicOffset::base);
        List<double[]> displacements = new ArrayList<>();
        double sumLon = 0;
        double sumLat = 0;
        int compared = 0;
        for (NamedPlace p : points) {
            if (compared == MAX_POINTS) {
                break;
            }
            compared++;
            NamedPlace only = onlyInReach(p, byName.get(normalise(p.name())));
            if (only == null) {
                continue;
            }
            if (only == NONE) {
                only = onlyInReach(p, byBase.get(base(p.name())));
                if (only == null || only == NONE) {
                    continue;
                }
            }
            displacements.add(new double[] {
                    (p.lon() - only.lon()) * Geodesic.metersPerDegreeLon(only.lat()),
                    (p.lat() - only.lat()) * Geodesic.metersPerDegreeLat()});
            sumLon += only.lon();
            sumLat += only.lat();
        }
        int n = displacements.size();
        if (n == 0) {
            return new Result(Verdict.UNDECIDED, compared, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        double east = median(displacements, 0);
        double north = median(displacements, 1);
        double lon = sumLon / n;
        double lat = sumLat / n;
        double[] gcj = offset(lon, lat, ChinaCoordinates.gcj02FromWgs84(lon, lat));
        double[] bd = offset(lon, lat, ChinaCoordinates.bd09FromWgs84(lon, lat));
        Verdict verdict = Verdict.UNDECIDED;
        double[] named = {east, north};
        if (n >= MIN_MATCHES && Math.hypot(gcj[0], gcj[1]) >= MIN_EXPECTED_OFFSET_IN_METERS) {
            if (near(named, gcj) && agreeing(displacements, gcj) >= MIN_AGREEING_SHARE * n) {
                verdict = Verdict.GCJ02;
                named = gcj;
            } else if (near(named, bd) && agreeing(displacements, bd) >= MIN_AGREEING_SHARE * n) {
                verdict = Verdict.BD09;
                named = bd;
            } else if (near(named, new double[] {0, 0})) {
                verdict = Verdict.AS_DECLARED;
                named = new double[] {0, 0};
            }
        }
        return new Result(verdict, compared, n, agreeing(displacements, named), east, north, gcj[0], gcj[1], bd[0], bd[1]);
    }

    /** No candidate in reach (as opposed to null: several, which is not guessed between). */
    private static final NamedPlace NONE = new NamedPlace("", Double.NaN, Double.NaN);

    private static Map<String, List<NamedPlace>> index(Collection<NamedPlace> references, java.util.function.Function<String, String> key) {
        Map<String, List<NamedPlace>> by = new HashMap<>();
        for (NamedPlace r : references) {
            String k = key.apply(r.name());
            if (k.length() >= MIN_NAME_CHARS) {
                by.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
        }
        return by;
    }

    /** The one candidate within the match radius of {@code p}; {@link #NONE} when none is, null when several are. */
    private static NamedPlace onlyInReach(NamedPlace p, List<NamedPlace> candidates) {
        if (candidates == null) {
            return NONE;
        }
        NamedPlace only = NONE;
        for (NamedPlace c : candidates) {
            if (Geodesic.distanceMeters(p.lon(), p.lat(), c.lon(), c.lat()) <= MATCH_RADIUS_IN_METERS) {
                if (only != NONE) {
                    return null;
                }
                only = c;
            }
        }
        return only;
    }

    /** A name without its bracketed parts, as compared: "肯德基(新街口店)" → "肯德基". */
    static String base(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[(\\[（【〔][^)\\]）】〕]*[)\\]）】〕]", "");
        return normalise(n);
    }

    /** A name as compared: NFKC, lower case, letters and digits only. */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** {east, north} in metres from a WGS84 point to its image in another system. */
    private static double[] offset(double lon, double lat, LonLat image) {
        return new double[] {(image.lon() - lon) * Geodesic.metersPerDegreeLon(lat), (image.lat() - lat) * Geodesic.metersPerDegreeLat()};
    }

    private static boolean near(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]) <= TOLERANCE_IN_METERS;
    }

    private static int agreeing(List<double[]> displacements, double[] offset) {
        int k = 0;
        for (double[] d : displacements) {
            if (near(d, offset)) {
                k++;
            }
        }
        return k;
    }

    private static double median(List<double[]> displacements, int component) {
        double[] v = new double[displacements.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = displacements.get(i)[component];
        }
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
