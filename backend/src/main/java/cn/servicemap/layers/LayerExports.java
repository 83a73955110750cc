package cn.servicemap.layers;

import cn.servicemap.gis.catalog.StationCatalog;
import cn.servicemap.region.RegionScope;
import cn.servicemap.stations.StationTable;
import cn.servicemap.system.Feature;
import cn.servicemap.system.FeatureCollection;
import cn.servicemap.system.Spreadsheet;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region's layer as a file to download in the format asked for — GeoJSON, a zipped Shapefile (GBK or UTF-8), KML,
 * GeoPackage, CSV or XLSX — named {@code <layer>-<region>.<extension>}. The features are {@link RegionLayers}', so a file
 * holds what the OGC API serves; the stations as CSV or XLSX are the registry's own table ({@link StationTable}), which
 * goes back in through the station import.
 */
@Component
public class LayerExports {

    private final RegionLayers layers;
    private final RegionScope scope;
    private final JsonMapper json;
    private final StationTable stationTable;

    LayerExports(RegionLayers layers, RegionScope scope, JsonMapper json, StationCatalog catalog) {
        this.layers = layers;
        this.scope = scope;
        this.json = json;
        this.stationTable = new StationTable(catalog);
    }

    /** The layer of the region (null while the instance holds one) as a download. */
    public ResponseEntity<byte[]> download(String region, Layer layer, LayerQuery query, ExportFormat format, ShapefileZip.Encoding encoding) {
        String code = scope.resolve(region).region().code();
        String base = layer.name() + "-" + code;
        if (layer == Layer.stations && (format == ExportFormat.csv || format == ExportFormat.xlsx)) {
            List<List<Object>> rows = stationTable.rows(layers.stationPoints(code, null), layers::districtName);
            return Spreadsheet.download(format == ExportFormat.csv ? Spreadsheet.csv(rows)
                    : Spreadsheet.xlsx(List.of(new Spreadsheet.Sheet("站点", rows))), format.mediaType, base + "." + format.extension);
        }
        List<Feature<?>> features = layers.features(code, layer, query, null);
        byte[] body = switch (format) {
            case geojson -> geoJson(features);
            case shp -> ShapefileZip.write(LayerTable.of(layer, features), base, encoding);
            case kml -> KmlDocument.write(LayerTable.of(layer, features), layer.title + " · " + code);
            case gpkg -> GeoPackageFile.write(LayerTable.of(layer, features), layer.name(), layer.title);
            case csv -> Spreadsheet.csv(sheet(LayerTable.of(layer, features), true));
            case xlsx -> Spreadsheet.xlsx(List.of(new Spreadsheet.Sheet(layer.title.split(" ")[0], sheet(LayerTable.of(layer, features), false))));
        };
        return Spreadsheet.download(body, format.mediaType, base + "." + format.extension);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] geoJson(List<Feature<?>> features) {
        return json.writeValueAsBytes(FeatureCollection.of((List) features));
    }

    /**
     * The table under its Chinese headers, yes/no as 是/否; points as 经度, 纬度 (WGS84); polygons as WKT in a CSV (which GDAL
     * and QGIS read as the geometry) and, in an XLSX, whose cells hold at most 32,767 characters, as a point inside them.
     */
    static List<List<Object>> sheet(LayerTable table, boolean wkt) {
        boolean points = table.layer().shape == Layer.Shape.POINT;
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        table.columns().forEach(c -> header.add(c.header()));
        if (points) {
            header.addAll(List.of("经度", "纬度"));
        } else if (wkt) {
            header.add("WKT");
        } else {
            header.addAll(List.of("代表点经度", "代表点纬度"));
        }
        rows.add(header);
        for (LayerTable.Row r : table.rows()) {
            List<Object> row = new ArrayList<>();
            for (Object v : r.values()) {
                row.add(v instanceof Boolean b ? (b ? "是" : "否") : v);
            }
            Geometry g = r.geometry();
            if (points || !wkt) {
                Point p = g == null || g.isEmpty() ? null : points ? (Point) g : g.getInteriorPoint();
                row.add(p == null ? null : round(p.getX()));
                row.add(p == null ? null : round(p.getY()));
            } else {
                row.add(g == null ? null : g.toText());
            }
            rows.add(row);
        }
        return rows;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
