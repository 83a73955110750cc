package cn.servicemap.gis.access;

import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.ProfileGraph;
import cn.servicemap.gis.network.RoadNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Service-area polygons (WGS84) from an {@link AccessField}: nested bands (area within 5, 10, 15 min), the
 * same as non-overlapping rings (5–10 min = band 10 minus band 5), and per-source catchments (where a source
 * is the nearest).
 *
 * <p>Method: a raster in a local equirectangular grid (default 10 m cells) over the reached part of the network.
 * <ol>
 *   <li>Every usable street is sampled every half cell; a sample's time is interpolated along its edge from the
 *       field (both end nodes plus the partial edge, sources on the edge, one-way rules), so the frontier falls
 *       inside edges where the time crosses a band limit. A street cell keeps the best sample; streets beyond
 *       the limit or unreached are street cells without time; unreached pieces cut off from the main network
 *       (sidewalks drawn without crossings) are ignored.</li>
 *   <li>Every other cell takes the label of its nearest street cell, if that lies within the off-road reach
 *       ({@link ServiceAreaOptions#OFF_ROAD_REACH_IN_METERS})
 *       (exact Euclidean feature transform, Meijster et al. 2000). This mirrors snapping: a place has the time
 *       of its nearest street. So a river, railway or expressway without a crossing is a real gap: the cells on
 *       the far side are nearest to unreached streets.</li>
 *   <li>Holes of a band that contain no street at all and are smaller than a limit (block interiors,
 *       courtyards) are filled ({@link ServiceAreaOptions#MAX_FILLED_HOLE_AREA_IN_SQUARE_METERS}); a hole with
 *       an unreached street in it stays.</li>
 *   <li>Boundaries are traced into polygons ({@link RasterTracer}): valid by construction, rings and catchments
 *       share vertices exactly, no overlay operations.</li>
 * </ol>
 *
 * <p>Why not triangulation and contours as GraphHopper does: interpolating times over a Delaunay triangulation
 * of reached nodes bridges rivers and railways between two reached banks, and cost grows with the number of
 * sources times their trees. The raster costs O(reached street length / cell + cells) for all sources
 * together, bounds memory by {@link ServiceAreaOptions#maxCells()} (the cell size grows for a whole city) and
 * is accurate to about one cell (10 m by default). Limit: outlines are staircases at cell resolution.
 */
public final class ServiceAreas {
    private static final byte NONE = Byte.MAX_VALUE;

    private final AccessField field;
    private final ServiceAreaOptions options;
    private final double cellSizeInMeters;
    private final RasterTracer tracer;
    private final int width;
    private final int height;
    /** smallest band index whose (hole-filled) area holds the cell, NONE if none */
    private final byte[] bandOf;
    /** nearest source of cells inside the largest band, -1 outside */
    private final int[] sourceOf;
    /** south-west corner and cell size of the raster, degrees */
    private final double lon0, lat0, dLon, dLat;

    private ServiceAreas(AccessField field, ServiceAreaOptions options, double cellSizeInMeters, RasterTracer tracer,
                         int width, int height, byte[] bandOf, int[] sourceOf, double lon0, double lat0, double dLon,
                         double dLat) {
        this.field = field;
        this.options = options;
        this.cellSizeInMeters = cellSizeInMeters;
        this.tracer = tracer;
        this.width = width;
        this.height = height;
        this.bandOf = bandOf;
        this.sourceOf = sourceOf;
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.dLon = dLon;
        this.dLat = dLat;
    }

    /** Service areas for 5/10/15 minutes with default raster options. */
    public static ServiceAreas build(AccessField field) {
        return build(field, ServiceAreaOptions.defaults());
    }

    /**
     * Rasterises the field once; the polygon methods trace from that raster.
     *
     * @throws IllegalArgumentException if the largest band exceeds the field's time limit
     */
    public static ServiceAreas build(AccessField field, ServiceAreaOptions options) {
        List<Integer> bands = options.bandLimitsInSeconds();
        int maxMillis = bands.get(bands.size() - 1) * 1000;
        if (maxMillis > field.timeLimitInMillis())
            throw new IllegalArgumentException("band " + bands.get(bands.size() - 1) + " s exceeds the field's limit "
                    + field.timeLimitInMillis() / 1000 + " s");
        if (bands.size() > 100)
            throw new IllegalArgumentException("at most 100 bands");
        BoundingBox window = options.window();
        if (window == null)
            return build(field, options, null, Double.POSITIVE_INFINITY);
        // A window (a map tile) reads only the streets near it, found in the network's spatial grid: a tile of a
        // million-edge city then costs what its own streets cost. The reach must cover the raster's padding.
        double reach = ServiceAreaOptions.OFF_ROAD_REACH_IN_METERS + 8 * options.cellSizeInMeters();
        double midLat = (window.minLat() + window.maxLat()) / 2;
        double dLat = reach / Raster.METERS_PER_DEGREE;
        double dLon = reach / (Raster.METERS_PER_DEGREE * Math.cos(Math.toRadians(midLat)));
        int[] near = field.network().edgesNear(new BoundingBox(window.minLon() - dLon, Math.max(-90, window.minLat() - dLat),
                window.maxLon() + dLon, Math.min(90, window.maxLat() + dLat)));
        ServiceAreas areas = build(field, options, near, reach);
        return areas != null ? areas : build(field, options, null, Double.POSITIVE_INFINITY);
    }

    /**
     * @param edges the streets to read (null: all)
     * @param reach how far beyond the window those streets reach, metres; null is answered when the raster's padding
     *              turns out wider (its cells grew), and the caller reads all streets instead
     */
    static ServiceAreas build(AccessField field, ServiceAreaOptions options, int[] edges, double reach) {
        List<Integer> bands = options.bandLimitsInSeconds();
        int maxMillis = bands.get(bands.size() - 1) * 1000;
        RoadNetwork net = field.network();
        ProfileGraph graph = net.graph(field.profile());
        // 1. extent of the reached streets
        double minLon = Double.POSITIVE_INFINITY, minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY, maxLat = Double.NEGATIVE_INFINITY;
        boolean[] live = new boolean[net.edgeCount()];
        int count = edges == null ? net.edgeCount() : edges.length;
        for (int k = 0; k < count; k++) {
            int e = edges == null ? k : edges[k];
            if (!graph.isUsable(e))
                continue;
            if (field.timeInMillis(net.edgeBase(e)) > maxMillis && field.timeInMillis(net.edgeAdj(e)) > maxMillis
                    && field.sourcesOnEdge(e) == null)
                continue;
            live[e] = true;
            for (int i = 0, n = net.edgePointCount(e); i < n; i++) {
                minLon = Math.min(minLon, net.edgePointLon(e, i));
                maxLon = Math.max(maxLon, net.edgePointLon(e, i));
                minLat = Math.min(minLat, net.edgePointLat(e, i));
                maxLat = Math.max(maxLat, net.edgePointLat(e, i));
            }
        }
        double cell = options.cellSizeInMeters();
        BoundingBox window = options.window();
        if (window != null) {
            minLon = Math.max(minLon, window.minLon());
            minLat = Math.max(minLat, window.minLat());
            maxLon = Math.min(maxLon, window.maxLon());
            maxLat = Math.min(maxLat, window.maxLat());
        }
        if (minLon > maxLon || minLat > maxLat) // nothing reached (in the window)
            return new ServiceAreas(field, options, cell, null, 0, 0, new byte[0], new int[0], 0, 0, 1, 1);
        double midLat = (minLat + maxLat) / 2;
        double mPerLat = Raster.METERS_PER_DEGREE;
        double mPerLon = Raster.METERS_PER_DEGREE * Math.cos(Math.toRadians(midLat));
        double widthM = (maxLon - minLon) * mPerLon, heightM = (maxLat - minLat) * mPerLat;
        double margin = ServiceAreaOptions.OFF_ROAD_REACH_IN_METERS;
        while (((widthM + 2 * margin) / cell + 5) * ((heightM + 2 * margin) / cell + 5) > options.maxCells())
            cell *= 1.25;
        double pad = margin + 2 * cell;
        if (pad > reach)
            return null;
        double lon0 = minLon - pad / mPerLon, lat0 = minLat - pad / mPerLat;
        double dLon = cell / mPerLon, dLat = cell / mPerLat;
        int w = (int) Math.ceil((widthM + 2 * pad) / cell) + 1;
        int h = (int) Math.ceil((heightM + 2 * pad) / cell) + 1;
        Raster raster = new Raster(w, h, lon0, lat0, dLon, dLat);
        // 2. streets
        raster.rasterize(field, graph, live, edges, maxMillis, cell / 2);
        // 3. off-road cells take their nearest street's label
        raster.spreadToNearestStreet((int) Math.floor(ServiceAreaOptions.OFF_ROAD_REACH_IN_METERS / cell));
        if (window != null)
            raster.clearOutside(window);
        // 4. bands with small street-free holes filled
        byte[] bandOf = new byte[w * h];
        Arrays.fill(bandOf, NONE);
        int[] stamp = new int[w * h];
        int[] queue = new int[w * h];
        int[] counter = {0};
        long maxHoleCells = (long) Math.floor(ServiceAreaOptions.MAX_FILLED_HOLE_AREA_IN_SQUARE_METERS / (cell * cell));
        for (int k = 0; k < bands.size(); k++) {
            long limit = (long) bands.get(k) * 1000;
            for (int c = 0; c < w * h; c++)
                if (bandOf[c] == NONE && raster.label[c] != Long.MAX_VALUE && (raster.label[c] >>> 32) <= limit)
                    bandOf[c] = (byte) k;
            fillHoles(bandOf, (byte) k, raster.street, w, h, maxHoleCells, stamp, queue, counter);
        }
        // 5. catchments: nearest source in the largest band; filled holes take a neighbour's source
        int[] sourceOf = new int[w * h];
        int tail = 0;
        for (int c = 0; c < w * h; c++) {
            sourceOf[c] = -1;
            if (bandOf[c] != NONE && raster.label[c] != Long.MAX_VALUE) {
                sourceOf[c] = (int) raster.label[c];
                queue[tail++] = c;
            }
        }
        for (int head = 0; head < tail; head++) {
            int c = queue[head];
            int x = c % w, y = c / w;
            for (int i = 0; i < 4; i++) {
                int nb = i == 0 ? (x > 0 ? c - 1 : -1) : i == 1 ? (x < w - 1 ? c + 1 : -1)
                        : i == 2 ? (y > 0 ? c - w : -1) : (y < h - 1 ? c + w : -1);
                if (nb >= 0 && bandOf[nb] != NONE && sourceOf[nb] < 0) {
                    sourceOf[nb] = sourceOf[c];
                    queue[tail++] = nb;
                }
            }
        }
        RasterTracer tracer = new RasterTracer(w, h, net.geometryFactory(), lon0, lat0, dLon, dLat);
        return new ServiceAreas(field, options, cell, tracer, w, h, bandOf, sourceOf, lon0, lat0, dLon, dLat);
    }

    /**
     * Marks the street-free holes of band k (8-connected cells outside the band, not reaching the border of the
     * band's bounding box, no larger than {@code maxCells}) as belonging to band k.
     *
     * <p>Searches start only from cells next to the band and give up as soon as a region is too big, holds a
     * street, reaches the border or meets a region given up earlier, so large empty areas are never walked:
     * O(cells scanned once + boundary + holes).
     */
    private static void fillHoles(byte[] bandOf, byte k, boolean[] street, int w, int h, long maxCells, int[] stamp,
                                  int[] queue, int[] counter) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0, c = 0; y < h; y++)
            for (int x = 0; x < w; x++, c++)
                if (bandOf[c] <= k) {
                    if (x < x0)
                        x0 = x;
                    if (x > x1)
                        x1 = x;
                    if (y0 == h)
                        y0 = y;
                    y1 = y;
                }
        int bandStart = counter[0];
        for (int sy = y0 + 1; sy < y1; sy++)
            for (int sx = x0 + 1; sx < x1; sx++) {
                int c0 = sy * w + sx;
                if (bandOf[c0] <= k || stamp[c0] > bandStart || street[c0])
                    continue;
                if (bandOf[c0 - 1] > k && bandOf[c0 + 1] > k && bandOf[c0 - w] > k && bandOf[c0 + w] > k)
                    continue; // not next to the band
                int id = ++counter[0];
                int head = 0, tail = 0;
                queue[tail++] = c0;
                stamp[c0] = id;
                boolean fillable = true;
                while (head < tail && fillable) {
                    int c = queue[head++];
                    int x = c % w, y = c / w;
                    if (x <= x0 || y <= y0 || x >= x1 || y >= y1 || street[c] || tail > maxCells) {
                        fillable = false;
                        break;
                    }
                    for (int dy = -1; dy <= 1 && fillable; dy++)
                        for (int dx = -1; dx <= 1; dx++) {
                            int nb = (y + dy) * w + x + dx;
                            if (bandOf[nb] <= k || stamp[nb] == id)
                                continue;
                            if (stamp[nb] > bandStart) { // a region given up earlier
                                fillable = false;
                                break;
                            }
                            stamp[nb] = id;
                            queue[tail++] = nb;
                        }
                }
                if (fillable)
                    for (int i = 0; i < tail; i++)
                        bandOf[queue[i]] = k;
            }
    }

    /** The cell size actually used (grows beyond the option for very large areas). */
    /**
     * The smallest band (index into the options' bands) whose area holds the point, or -1 when none does: the
     * raster cell the point falls in, as the polygons are traced from it.
     */
    public int bandAt(double lon, double lat) {
        int x = (int) Math.floor((lon - lon0) / dLon);
        int y = (int) Math.floor((lat - lat0) / dLat);
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return -1;
        }
        byte b = bandOf[y * width + x];
        return b == NONE ? -1 : b;
    }

    public double cellSizeInMeters() {
        return cellSizeInMeters;
    }

    public ServiceAreaOptions options() {
        return options;
    }

    /** Band k = everything reached within limit k: nested, each containing the previous one. */
    public List<ServiceBand> nested() {
        List<Integer> bands = options.bandLimitsInSeconds();
        List<ServiceBand> out = new ArrayList<>(bands.size());
        for (int k = 0; k < bands.size(); k++) {
            int[] cls = new int[bandOf.length];
            for (int c = 0; c < cls.length; c++)
                cls[c] = bandOf[c] <= k ? 0 : -1;
            Traced t = trace(cls, 1);
            out.add(new ServiceBand(0, bands.get(k), t.geometries[0], t.area(0)));
        }
        return out;
    }

    /** Nested band k as one geometry. */
    public ServiceBand nested(int k) {
        int[] cls = new int[bandOf.length];
        for (int c = 0; c < cls.length; c++)
            cls[c] = bandOf[c] <= k ? 0 : -1;
        Traced t = trace(cls, 1);
        return new ServiceBand(0, options.bandLimitsInSeconds().get(k), t.geometries[0], t.area(0));
    }

    /** Non-overlapping rings: ring k = band k minus band k-1. */
    public List<ServiceBand> rings() {
        List<Integer> bands = options.bandLimitsInSeconds();
        int[] cls = new int[bandOf.length];
        for (int c = 0; c < cls.length; c++)
            cls[c] = bandOf[c] == NONE ? -1 : bandOf[c];
        Traced t = trace(cls, bands.size());
        List<ServiceBand> out = new ArrayList<>(bands.size());
        for (int k = 0; k < bands.size(); k++)
            out.add(new ServiceBand(k == 0 ? 0 : bands.get(k - 1), bands.get(k), t.geometries[k], t.area(k)));
        return out;
    }

    /** Per active source, the part of the largest band where it is the nearest. Sources without area are left out. */
    public List<Catchment> catchments() {
        Traced t = trace(sourceOf, field.sourceCount());
        List<Catchment> out = new ArrayList<>();
        for (int s = 0; s < field.sourceCount(); s++)
            if (t.cellCounts[s] > 0)
                out.add(new Catchment(s, t.geometries[s], t.area(s)));
        return out;
    }

    private Traced trace(int[] cls, int classes) {
        long[] counts = new long[classes];
        Geometry[] geometries;
        if (tracer == null) {
            geometries = new Geometry[classes];
            for (int k = 0; k < classes; k++)
                geometries[k] = field.network().geometryFactory().createMultiPolygon();
        } else {
            geometries = tracer.trace(cls, classes, counts);
        }
        return new Traced(geometries, counts, cellSizeInMeters);
    }

    private record Traced(Geometry[] geometries, long[] cellCounts, double cell) {
        double area(int k) {
            return cellCounts[k] * cell * cell;
        }
    }

    @Override
    public String toString() {
        return "ServiceAreas[" + width + "x" + height + " cells of " + cellSizeInMeters + " m, bands "
                + options.bandLimitsInSeconds() + "]";
    }
}
