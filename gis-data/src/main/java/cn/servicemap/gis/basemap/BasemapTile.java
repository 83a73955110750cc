package cn.servicemap.gis.basemap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A cut basemap tile: per layer, the features in tile units. {@link #toJson()} gives the wire form,
 * a GeoJSON-like object per layer:
 * <pre>{"tile":"16/54193/26551","extent":4096,"buffer":256,"synthetic":false,"source":"…",
 *  "layers":{"roads":{"type":"FeatureCollection","features":[{"type":"Feature",
 *     "geometry":{"type":"LineString","coordinates":[[12,4000],[300,3870]]},
 *     "properties":{"class":"primary","bridge":true}}]}, …}}</pre>
 * Coordinates are integer tile units, not lon/lat: see {@link BasemapTiles} for why.
 */
public record BasemapTile(TileId id, boolean synthetic, String source, Map<BasemapLayer, List<TileFeature>> layers) {

    public BasemapTile {
        Map<BasemapLayer, List<TileFeature>> copy = new EnumMap<>(BasemapLayer.class);
        layers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        layers = copy;
    }

    public List<TileFeature> layer(BasemapLayer layer) {
        return layers.getOrDefault(layer, List.of());
    }

    public boolean isEmpty() {
        return layers.values().stream().allMatch(List::isEmpty);
    }

    /** The wire form as maps, lists and int arrays, for any JSON library; empty layers are left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tile", id.toString());
        out.put("extent", BasemapTiles.EXTENT);
        out.put("buffer", BasemapTiles.BUFFER);
        out.put("synthetic", synthetic);
        out.put("source", source);
        Map<String, Object> ls = new LinkedHashMap<>();
        for (BasemapLayer layer : BasemapLayer.values()) {
            List<TileFeature> features = layer(layer);
            if (features.isEmpty()) {
                continue;
            }
            List<Object> fs = new ArrayList<>(features.size());
            for (TileFeature f : features) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("class", f.cls());
                if (f.name() != null) {
                    props.put("name", f.name());
                }
                if ((f.flags() & BasemapFeature.TUNNEL) != 0) {
                    props.put("tunnel", true);
                }
                if ((f.flags() & BasemapFeature.BRIDGE) != 0) {
                    props.put("bridge", true);
                }
                if (layer == BasemapLayer.LABELS) {
                    props.put("priority", f.priority());
                    if (f.angle() != null) {
                        props.put("angle", Math.round(f.angle() * 10) / 10.0);
                    }
                }
                Map<String, Object> feature = new LinkedHashMap<>();
                feature.put("type", "Feature");
                feature.put("geometry", geometry(f.geometry()));
                feature.put("properties", props);
                fs.add(feature);
            }
            Map<String, Object> fc = new LinkedHashMap<>();
            fc.put("type", "FeatureCollection");
            fc.put("features", fs);
            ls.put(layer.key(), fc);
        }
        out.put("layers", ls);
        return out;
    }

    private static Map<String, Object> geometry(Geometry g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", g.getGeometryType());
        if (g instanceof Point p) {
            out.put("coordinates", xy(p.getCoordinate()));
        } else if (g instanceof LineString l) {
            out.put("coordinates", ring(l.getCoordinates()));
        } else if (g instanceof Polygon p) {
            int[][][] rings = new int[1 + p.getNumInteriorRing()][][];
            rings[0] = ring(p.getExteriorRing().getCoordinates());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                rings[i + 1] = ring(p.getInteriorRingN(i).getCoordinates());
            }
            out.put("coordinates", rings);
        } else {
            throw new IllegalStateException("tile features are Points, LineStrings or Polygons, not " + g.getGeometryType());
        }
        return out;
    }

    private static int[][] ring(Coordinate[] cs) {
        int[][] out = new int[cs.length][];
        for (int i = 0; i < cs.length; i++) {
            out[i] = xy(cs[i]);
        }
        return out;
    }

    private static int[] xy(Coordinate c) {
        return new int[] {(int) Math.round(c.x), (int) Math.round(c.y)};
    }
}
