package cn.servicemap.layers;

import org.springframework.http.MediaType;

/** The files a layer exports as, with their extension and media type. */
public enum ExportFormat {
    /** GeoJSON (RFC 7946), WGS84 */
    geojson("geojson", "application/geo+json"),
    /** a zipped ESRI Shapefile with .prj and .cpg */
    shp("zip", "application/zip"),
    /** KML 2.2, for phone map apps */
    kml("kml", "application/vnd.google-earth.kml+xml"),
    /** OGC GeoPackage */
    gpkg("gpkg", "application/geopackage+sqlite3"),
    /** CSV, UTF-8 with a byte-order mark, Chinese headers; points as 经度/纬度, polygons as a WKT column */
    csv("csv", "text/csv;charset=UTF-8"),
    /** XLSX, Chinese headers; points as 经度/纬度, polygons by a point inside them */
    xlsx("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    final String extension;
    final MediaType mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
    }
}
