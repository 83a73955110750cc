package cn.servicemap.gis.basemap;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a cut tile: a Point, LineString or Polygon in tile units (0 to
 * {@link BasemapTiles#EXTENT} across the tile, y down, integers; the buffer reaches below 0 and past
 * the extent).
 *
 * @param name     the label text (labels only), else null
 * @param angle    for a road or river label, the text's rotation in degrees clockwise (−90 to 90,
 *                 so it never reads upside down); null for horizontal labels
 * @param priority for labels: lower wins collisions
 */
public record TileFeature(String cls, Geometry geometry, String name, int flags, int priority, Double angle) {
}
