package cn.servicemap.layers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a property of a layer's items is named in files: its Chinese header (spreadsheets, KML) and its dBASE field name
 * (Shapefile: at most 10 ASCII characters). The JSON name (GeoJSON, GeoPackage, OGC API) is the record component's own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface LayerColumn {

    /** The Chinese header, e.g. 名称. */
    String header();

    /** The dBASE field name, 1–10 ASCII letters, digits or underscores. */
    String dbf();
}
