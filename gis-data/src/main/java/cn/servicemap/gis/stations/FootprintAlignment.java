package cn.servicemap.gis.stations;

import cn.servicemap.gis.crs.ChinaCoordinates;
import cn.servicemap.gis.crs.LonLat;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Tells, without names, whether a file's points fall into building outlines more often read as declared (WGS84) or
 * corrected as GCJ-02 or BD-09 coordinates: the fallback of {@link SystematicOffset} for files whose names match no
 * map place (stations named 爱心驿站 …).
 *
 * <p>Algorithm: each point is tested for lying inside one of the region's building outlines (WGS84, e.g. OSM's) three
 * ways: as the file gives it, and converted from GCJ-02 and from BD-09 to WGS84. For each conversion a sign test
 * compares the points inside a building only after it ({@code gained}) with those inside only as declared
 * ({@code lost}); points inside both ways or neither say nothing. Places sit in buildings far more often than random
 * ground does (in the Nanjing core, 66 % of OSM's shop, bank and restaurant nodes lie in a mapped building, but only
 * 17 % of the same points moved by the GCJ-02 offset), so a file in the declared system loses most points to a wrong
 * conversion and a GCJ-02 file gains them. The verdict is {@link SystematicOffset.Verdict#GCJ02} (or BD09) when at least
 * {@value #MIN_DISCORDANT} points change, the gained are at least {@value #MIN_RATIO} times the lost and the one-sided
 * binomial sign test gives p ≤ {@value #MAX_P_VALUE} (if both conversions qualify, the one that gains more);
 * {@link SystematicOffset.Verdict#AS_DECLARED} when the GCJ-02 conversion loses by the same margins; otherwise
 * {@link SystematicOffset.Verdict#UNDECIDED}.
 *
 * <p>Limits: needs buildings mapped where the points are (points outside every outline under all three readings say
 * nothing); stations in kiosks or containers on the pavement are outside buildings whatever the system and only dilute
 * the test; where the GCJ-02 offset is small (western China, under about 300 m) a building may contain both readings.
 * Only the first {@value SystematicOffset#MAX_POINTS} points are tested.
 */
public final class FootprintAlignment {

    public static final int MIN_DISCORDANT = 20;
    public static final double MIN_RATIO = 2;
    public static final double MAX_P_VALUE = 1e-4;

    /**
     * The counts.
     *
     * @param points           points tested
     * @param insideAsDeclared points inside a building as the file gives them
     * @param insideAsGcj      inside once converted from GCJ-02
     * @param insideAsBd       inside once converted from BD-09
     * @param gained           for the verdict's conversion (GCJ-02 for AS_DECLARED and UNDECIDED): inside only once converted
     * @param lost             for the same conversion: inside only as declared
     */
    public record Result(SystematicOffset.Verdict verdict, int points, int insideAsDeclared, int insideAsGcj, int insideAsBd,
                         int gained, int lost) {
    }

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private FootprintAlignment() {
    }

    /** Tests {@code points} (lon/lat as the file gives them, declared WGS84) against {@code footprints} (WGS84 polygons). */
    public static Result estimate(Collection<LonLat> points, Collection<? extends Geometry> footprints) {
        STRtree index = new STRtree();
        for (Geometry g : footprints) {
            index.insert(g.getEnvelopeInternal(), PreparedGeometryFactory.prepare(g));
        }
        int n = 0;
        int in0 = 0;
        int inGcj = 0;
        int inBd = 0;
        int gainedGcj = 0;
        int lostGcj = 0;
        int gainedBd = 0;
        int lostBd = 0;
        for (LonLat p : points) {
            if (n == SystematicOffset.MAX_POINTS) {
                break;
            }
            n++;
            boolean a = inside(index, p);
            boolean g = inside(index, ChinaCoordinates.wgs84FromGcj02(p.lon(), p.lat()));
            boolean b = inside(index, ChinaCoordinates.wgs84FromBd09(p.lon(), p.lat()));
            in0 += a ? 1 : 0;
            inGcj += g ? 1 : 0;
            inBd += b ? 1 : 0;
            gainedGcj += g && !a ? 1 : 0;
            lostGcj += a && !g ? 1 : 0;
            gainedBd += b && !a ? 1 : 0;
            lostBd += a && !b ? 1 : 0;
        }
        boolean gcj = decisive(gainedGcj, lostGcj);
        boolean bd = decisive(gainedBd, lostBd);
        if (bd && (!gcj || gainedBd > gainedGcj)) {
            return new Result(SystematicOffset.Verdict.BD09, n, in0, inGcj, inBd, gainedBd, lostBd);
        }
        SystematicOffset.Verdict verdict = gcj ? SystematicOffset.Verdict.GCJ02
                : decisive(lostGcj, gainedGcj) ? SystematicOffset.Verdict.AS_DECLARED : SystematicOffset.Verdict.UNDECIDED;
        return new Result(verdict, n, in0, inGcj, inBd, gainedGcj, lostGcj);
    }

    /** True when {@code more} beats {@code fewer} by the margins of the class comment. */
    static boolean decisive(int more, int fewer) {
        return more + fewer >= MIN_DISCORDANT && more >= MIN_RATIO * fewer && signTestP(more, more + fewer) <= MAX_P_VALUE;
    }

    /** P(X ≥ k) for X ~ Binomial(n, 1/2), summed in logarithms so that n in the thousands does not underflow. */
    static double signTestP(int k, int n) {
        double logC = 0; // log C(n, 0)
        double sum = 0;
        double log2n = n * Math.log(2);
        for (int i = 0; i <= n; i++) {
            if (i >= k) {
                sum += Math.exp(logC - log2n);
            }
            logC += Math.log(n - i) - Math.log(i + 1.0);
        }
        return Math.min(1, sum);
    }

    private static boolean inside(STRtree index, LonLat p) {
        Point point = FACTORY.createPoint(new Coordinate(p.lon(), p.lat()));
        @SuppressWarnings("unchecked")
        List<PreparedGeometry> hits = index.query(point.getEnvelopeInternal());
        for (PreparedGeometry g : hits) {
            if (g.contains(point)) {
                return true;
            }
        }
        return false;
    }
}
