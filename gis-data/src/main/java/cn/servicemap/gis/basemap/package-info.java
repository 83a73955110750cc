/**
 * An offline basemap drawn from a region's own data: {@link cn.servicemap.gis.basemap.OsmBasemapStyle}
 * picks what to draw from OSM, {@link cn.servicemap.gis.basemap.BasemapTiles} cuts Web-Mercator XYZ
 * tiles of it on request (clipped, simplified for the zoom, in tile units), also from a generated
 * city's OSM file (flagged synthetic). No network,
 * no tile server: an intranet deployment shows a real map of its own region.
 */
package cn.servicemap.gis.basemap;
