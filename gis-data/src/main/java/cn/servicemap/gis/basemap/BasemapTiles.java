package cn.servicemap.gis.basemap;

import cn.servicemap.gis.osm.OsmFeature;
import cn.servicemap.gis.osm.OsmFeatureReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * An offline basemap cut into Web-Mercator XYZ tiles on request, from features read once (a region's
 * OSM extract via {@link #fromOsm}, or generated ones via {@link #of}).
 *
 * <p>For tile z/x/y: the features whose envelope meets the tile grown by {@link #BUFFER_PX} pixels
 * (so that line casings and polygon edges do not show seams where tiles meet), of classes shown at
 * that zoom, clipped to that buffered square, simplified by Douglas–Peucker with a tolerance of half a
 * pixel (finer detail is invisible and only costs bytes), polygons under {@value #MIN_AREA_PX2} px²
 * dropped, and quantised to integer tile units. Road and river names get one anchor per name per tile
 * — the middle of the longest piece inside the tile, with the angle of the line there — so that a
 * client draws each name once and can check the text stays inside its tile (no half labels at tile
 * edges).
 *
 * <p>Why tile units (0–{@value #EXTENT}, y down, as Mapbox Vector Tiles use) rather than lon/lat: the
 * client draws straight onto a 256-pixel canvas with one scale, no projection per vertex; integers of
 * at most five characters are about a third the size of 7-decimal degrees; and 1/16 pixel is still
 * finer than any HiDPI screen needs. The price is that a tile's content is only meaningful in the Web
 * Mercator grid, which is what Leaflet's default CRS is.
 *
 * <p>Why one STRtree per minimum zoom: a low-zoom tile must not walk every building of a city to
 * drop them; the trees for classes not shown at that zoom are never queried.
 *
 * <p>Thread-safe after construction (the trees are built eagerly and only read).
 */
public final class BasemapTiles {

    /** Tile units across a tile. */
    public static final int EXTENT = 4096;
    /** Extra pixels around a tile that clipping keeps. */
    public static final int BUFFER_PX = 16;
    /** {@link #BUFFER_PX} in tile units. */
    public static final int BUFFER = BUFFER_PX * EXTENT / TileMath.TILE_SIZE;
    /** Half a pixel: the Douglas–Peucker tolerance. */
    public static final double SIMPLIFY_PX = 0.5;
    /** Polygons smaller than this many square pixels at a zoom are not drawn. */
    public static final double MIN_AREA_PX2 = 2.0;

    private static final GeometryFactory TILE = new GeometryFactory(new PrecisionModel(), 0);
    private static final double UNITS_PER_PX = (double) EXTENT / TileMath.TILE_SIZE;

    private record ZoomIndex(int minZoom, STRtree tree) {
    }

    private final List<ZoomIndex> indexes;
    private final boolean synthetic;
    private final String source;
    private final Envelope bounds;
    private final int featureCount;

    private BasemapTiles(List<BasemapFeature> features, boolean synthetic, String source) {
        this.synthetic = synthetic;
        this.source = source;
        Map<Integer, STRtree> trees = new TreeMap<>();
        Envelope mercatorBounds = new Envelope();
        for (BasemapFeature f : features) {
            trees.computeIfAbsent(f.minZoom(), z -> new STRtree()).insert(f.mercator().getEnvelopeInternal(), f);
            if (f.layer() == BasemapLayer.ROADS) {
                mercatorBounds.expandToInclude(f.mercator().getEnvelopeInternal());
            }
        }
        List<ZoomIndex> list = new ArrayList<>();
        trees.forEach((z, tree) -> {
            tree.build();
            list.add(new ZoomIndex(z, tree));
        });
        this.indexes = List.copyOf(list);
        this.bounds = mercatorBounds.isNull() ? new Envelope() : new Envelope(
                TileMath.lon(mercatorBounds.getMinX()), TileMath.lon(mercatorBounds.getMaxX()),
                TileMath.lat(mercatorBounds.getMinY()), TileMath.lat(mercatorBounds.getMaxY()));
        this.featureCount = features.size();
    }

    /** Reads a region's OSM extract (.osm or .pbf) once and classifies it with {@link OsmBasemapStyle}. */
    public static BasemapTiles fromOsm(Path osmFile) {
        return fromOsm(osmFile, false);
    }

    /**
     * @param synthetic the file was generated (a {@link cn.servicemap.gis.synthetic.SyntheticCity}): tiles are
     *                  flagged synthetic and credit no one
     */
    public static BasemapTiles fromOsm(Path osmFile, boolean synthetic) {
        List<BasemapFeature> features = new ArrayList<>();
        for (OsmFeature f : OsmFeatureReader.read(osmFile, OsmBasemapStyle::wanted)) {
            features.addAll(OsmBasemapStyle.classify(f));
        }
        return new BasemapTiles(features, synthetic, synthetic ? "合成示例数据 (synthetic)" : "© OpenStreetMap contributors");
    }

    /** A basemap of given features (Mercator geometries), e.g. a generated city's. */
    public static BasemapTiles of(List<BasemapFeature> features, boolean synthetic, String source) {
        return new BasemapTiles(features, synthetic, source);
    }

    /** WGS84 bounds of the road network: where this basemap has a map to show; empty when it has no roads. */
    public Envelope bounds() {
        return new Envelope(bounds);
    }

    public boolean synthetic() {
        return synthetic;
    }

    public String source() {
        return source;
    }

    public int featureCount() {
        return featureCount;
    }

    /** Cuts one tile (see the class comment for what goes in). */
    public BasemapTile tile(TileId id) {
        Envelope tile = TileMath.mercatorEnvelope(id);
        double metersPerPx = TileMath.metersPerPixel(id.z());
        Envelope buffered = new Envelope(tile);
        buffered.expandBy(BUFFER_PX * metersPerPx);
        Geometry clipBox = TILE.toGeometry(buffered);
        Geometry innerBox = TILE.toGeometry(tile);
        Transform toTile = new Transform(tile, id.z());
        double tolerance = SIMPLIFY_PX * metersPerPx;

        Map<BasemapLayer, List<TileFeature>> layers = new EnumMap<>(BasemapLayer.class);
        Map<String, LineLabel> lineLabels = new HashMap<>();
        for (ZoomIndex index : indexes) {
            if (index.minZoom() > id.z()) {
                break;
            }
            @SuppressWarnings("unchecked")
            List<BasemapFeature> hits = index.tree().query(buffered);
            for (BasemapFeature f : hits) {
                if (!f.mercator().getEnvelopeInternal().intersects(buffered)) {
                    continue;
                }
                if (f.layer() == BasemapLayer.LABELS) {
                    if (f.mercator() instanceof Point p) {
                        if (tile.contains(p.getCoordinate())) {
                            add(layers, BasemapLayer.LABELS, new TileFeature(f.cls(), toTile.point(p.getCoordinate()),
                                    f.name(), 0, f.priority(), null));
                        }
                    } else {
                        lineLabel(f, innerBox, tile, toTile, lineLabels);
                    }
                    continue;
                }
                Geometry clipped = clip(f.mercator(), buffered, clipBox);
                if (clipped == null || clipped.isEmpty()) {
                    continue;
                }
                Geometry simple = DouglasPeuckerSimplifier.simplify(clipped, tolerance);
                for (int i = 0; i < simple.getNumGeometries(); i++) {
                    Geometry part = simple.getGeometryN(i);
                    if (part instanceof Polygon poly && poly.getArea() < MIN_AREA_PX2 * metersPerPx * metersPerPx) {
                        continue;
                    }
                    Geometry inTile = toTile.geometry(part);
                    if (inTile != null) {
                        add(layers, f.layer(), new TileFeature(f.cls(), inTile, null, f.flags(), 0, null));
                    }
                }
            }
        }
        lineLabels.values().stream().sorted(Comparator.comparing(LineLabel::name))
                .forEach(l -> add(layers, BasemapLayer.LABELS, l.feature()));
        layers.computeIfPresent(BasemapLayer.LABELS, (k, v) -> {
            v.sort(Comparator.comparingInt(TileFeature::priority).thenComparing(TileFeature::name));
            return v;
        });
        return new BasemapTile(id, synthetic, source, layers);
    }

    private static void add(Map<BasemapLayer, List<TileFeature>> layers, BasemapLayer layer, TileFeature f) {
        layers.computeIfAbsent(layer, k -> new ArrayList<>()).add(f);
    }

    /** The part of a geometry inside the buffered tile; null when nothing is left or the geometry is beyond repair. */
    private static Geometry clip(Geometry g, Envelope buffered, Geometry clipBox) {
        if (buffered.contains(g.getEnvelopeInternal())) {
            return g;
        }
        try {
            return g.intersection(clipBox);
        } catch (TopologyException e) {
            try {
                return GeometryFixer.fix(g).intersection(clipBox);
            } catch (RuntimeException again) {
                return null;
            }
        }
    }

    private record LineLabel(String name, double lengthPx, TileFeature feature) {
    }

    /**
     * Places a road or river name on the longest piece of the line inside the (unbuffered) tile, at
     * the middle of that piece, keeping the longest such piece per name.
     */
    private static void lineLabel(BasemapFeature f, Geometry innerBox, Envelope tile, Transform toTile,
                                  Map<String, LineLabel> best) {
        Geometry inside;
        try {
            inside = tile.contains(f.mercator().getEnvelopeInternal()) ? f.mercator() : f.mercator().intersection(innerBox);
        } catch (TopologyException e) {
            return;
        }
        LineString longest = null;
        for (int i = 0; i < inside.getNumGeometries(); i++) {
            if (inside.getGeometryN(i) instanceof LineString l && (longest == null || l.getLength() > longest.getLength())) {
                longest = l;
            }
        }
        if (longest == null) {
            return;
        }
        double lengthPx = longest.getLength() / toTile.metersPerPx;
        // A Chinese road name needs about 12 px per character to be readable along the line.
        if (lengthPx < f.name().length() * 12.0 + 8) {
            return;
        }
        LineLabel current = best.get(f.name());
        if (current != null && current.lengthPx() >= lengthPx) {
            return;
        }
        double half = longest.getLength() / 2;
        double span = Math.min(half, f.name().length() * 7.0 * toTile.metersPerPx);
        Coordinate mid = along(longest, half);
        Coordinate a = along(longest, half - span);
        Coordinate b = along(longest, half + span);
        // Angle on screen (y down), clockwise from east; flipped into -90..90 so text is never upside down.
        double angle = Math.toDegrees(Math.atan2(-(b.y - a.y), b.x - a.x));
        if (angle > 90) {
            angle -= 180;
        } else if (angle < -90) {
            angle += 180;
        }
        best.put(f.name(), new LineLabel(f.name(), lengthPx,
                new TileFeature(f.cls(), toTile.point(mid), f.name(), 0, f.priority(), angle)));
    }

    private static Coordinate along(LineString l, double distance) {
        double d = Math.max(0, Math.min(l.getLength(), distance));
        Coordinate[] cs = l.getCoordinates();
        for (int i = 1; i < cs.length; i++) {
            double seg = cs[i - 1].distance(cs[i]);
            if (d <= seg || i == cs.length - 1) {
                double t = seg == 0 ? 0 : Math.min(1, d / seg);
                return new Coordinate(cs[i - 1].x + t * (cs[i].x - cs[i - 1].x), cs[i - 1].y + t * (cs[i].y - cs[i - 1].y));
            }
            d -= seg;
        }
        return cs[0];
    }

    /** Mercator metres → integer tile units (y down), dropping repeated points and degenerate parts. */
    private static final class Transform {
        private final double minX;
        private final double maxY;
        private final double unitsPerMeter;
        final double metersPerPx;

        Transform(Envelope tile, int z) {
            this.minX = tile.getMinX();
            this.maxY = tile.getMaxY();
            this.unitsPerMeter = EXTENT / tile.getWidth();
            this.metersPerPx = TileMath.metersPerPixel(z);
        }

        Coordinate xy(Coordinate c) {
            return new Coordinate(Math.round((c.x - minX) * unitsPerMeter), Math.round((maxY - c.y) * unitsPerMeter));
        }

        Point point(Coordinate c) {
            return TILE.createPoint(xy(c));
        }

        Geometry geometry(Geometry g) {
            if (g instanceof Point p) {
                return point(p.getCoordinate());
            }
            if (g instanceof LineString l) {
                Coordinate[] cs = line(l.getCoordinates());
                return cs.length >= 2 ? TILE.createLineString(cs) : null;
            }
            if (g instanceof Polygon p) {
                LinearRing shell = ring(p.getExteriorRing().getCoordinates());
                if (shell == null) {
                    return null;
                }
                List<LinearRing> holes = new ArrayList<>();
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    LinearRing hole = ring(p.getInteriorRingN(i).getCoordinates());
                    if (hole != null) {
                        holes.add(hole);
                    }
                }
                return TILE.createPolygon(shell, holes.toArray(new LinearRing[0]));
            }
            return null;
        }

        private Coordinate[] line(Coordinate[] in) {
            CoordinateList out = new CoordinateList();
            for (Coordinate c : in) {
                out.add(xy(c), false);
            }
            return out.toCoordinateArray();
        }

        private LinearRing ring(Coordinate[] in) {
            Coordinate[] cs = line(in);
            if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
                return null;
            }
            return TILE.createLinearRing(cs);
        }
    }
}
