package cn.servicemap.ogc;

import cn.servicemap.gis.crs.CoordinateMapping;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.crs.NationalCrs;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.InvalidValueException;
import cn.servicemap.system.RequestValues;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A coordinate reference system the OGC API answers in (OGC API – Features Part 2, CRS by reference): CRS84 (longitude,
 * latitude; the default and the storage CRS), EPSG:4326 (WGS84, latitude first as the EPSG registry orders it),
 * EPSG:4490 (CGCS2000, latitude first; taken as WGS84, from which it differs by centimetres) and the CGCS2000
 * Gauss–Krüger zones, EPSG:4491–4554 — 6° and 3°, named by zone (the zone number in front of the easting) or by central
 * meridian (metres, northing X first as the registry orders them) — projected with proj4j through {@link NationalCrs}.
 * A region is offered the 3° and 6° zones by central meridian that its extent reaches; the others are answered too.
 *
 * @param uri        the CRS's URI, e.g. http://www.opengis.net/def/crs/EPSG/0/4549
 * @param latFirst   EPSG:4326 and 4490: coordinates are (latitude, longitude)
 * @param grid       a Gauss–Krüger zone (coordinates (northing, easting) in metres), or null for a geographic CRS
 */
record OgcCrs(String uri, boolean latFirst, NationalCrs grid) {

    static final String CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    static final OgcCrs CRS84 = new OgcCrs(CRS84_URI, false, null);

    /** The EPSG codes of the CGCS2000 Gauss–Krüger grids: 6° by zone, 6° by CM, 3° by zone, 3° by CM (4534 = CM 75°E). */
    private static final int FIRST_GRID = 4491;
    private static final int FIRST_6_CM_ZONE = 4502;
    private static final int FIRST_CM_ZONE = 4534;
    private static final int LAST_GRID = 4554;

    /** The CRS a URI names (an EPSG code alone, "EPSG:4549", is taken too), or a 400 naming the field. */
    static OgcCrs of(String uri, String field) {
        if (uri == null || uri.isBlank() || uri.equals(CRS84_URI)) {
            return CRS84;
        }
        String code = uri.startsWith(EPSG) ? uri.substring(EPSG.length()) : uri.regionMatches(true, 0, "EPSG:", 0, 5) ? uri.substring(5) : "";
        if (code.matches("\\d{4,5}")) {
            int epsg = Integer.parseInt(code);
            if (epsg == 4326 || epsg == 4490) {
                return new OgcCrs(EPSG + epsg, true, null);
            }
            if (epsg >= FIRST_GRID && epsg <= LAST_GRID) {
                return new OgcCrs(EPSG + epsg, false, NationalCrs.forEpsg(epsg).orElseThrow());
            }
        }
        throw new InvalidRequestException(field, "不支持的坐标参照系 (unsupported CRS); 可用 (offered): CRS84, EPSG:4326, EPSG:4490, "
                + "EPSG:" + FIRST_GRID + "–" + LAST_GRID + " (CGCS2000 Gauss–Krüger)");
    }

    /** The CRSs offered for a region of this extent (CRS84 [minLon, minLat, maxLon, maxLat]; null: the geographic ones). */
    static List<String> offered(double[] extent) {
        List<String> out = new ArrayList<>(List.of(CRS84_URI, EPSG + 4326, EPSG + 4490));
        if (extent != null) {
            // a 3° zone reaches 1.5° either side of its central meridian (75°E, 78°E … 135°E)
            for (long cm = Math.round(extent[0] / 3) * 3; cm <= Math.round(extent[2] / 3) * 3; cm += 3) {
                if (cm >= 75 && cm <= 135) {
                    out.add(EPSG + (FIRST_CM_ZONE + (cm - 75) / 3));
                }
            }
            // a 6° zone 3° either side (75°E, 81°E … 135°E)
            for (long cm = Math.round((extent[0] - 3) / 6) * 6 + 3; cm <= Math.round((extent[2] - 3) / 6) * 6 + 3; cm += 6) {
                if (cm >= 75 && cm <= 135) {
                    out.add(EPSG + (FIRST_6_CM_ZONE + (cm - 75) / 6));
                }
            }
        }
        return out;
    }

    /** The geometry in this CRS: a converted copy (CRS84 returns it as it is). */
    Geometry convert(Geometry g) {
        if (this.equals(CRS84) || g == null) {
            return g;
        }
        Function<LonLat, double[]> project = grid == null ? null : grid.fromWgs84();
        return CoordinateMapping.copy(g, g.getFactory(), (lon, lat, xy) -> {
            if (project == null) {
                xy[0] = lat;
                xy[1] = lon;
            } else {
                double[] en = project.apply(new LonLat(lon, lat));
                xy[0] = en[1]; // northing (X) first, as EPSG orders these grids
                xy[1] = en[0];
            }
        });
    }

    /** A bbox given in this CRS's axis order as the CRS84 box that holds it, or a 400 naming the field. */
    BoundingBox toCrs84(String text, String field) {
        if (text == null) {
            return null;
        }
        if (this.equals(CRS84)) {
            return crs84(text, field);
        }
        String[] parts = text.split(",", -1);
        double[] v = new double[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(v[i])) {
                    throw new NumberFormatException("not a finite number");
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "bbox 应为四个数，按 bbox-crs 的坐标轴顺序 (four numbers in the bbox-crs's axis order)");
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new InvalidRequestException(field, "bbox 的最小值须在前 (the lower corner first)");
        }
        if (grid == null) { // latitude first
            return crs84(v[1] + "," + v[0] + "," + v[3] + "," + v[2], field);
        }
        // a Gauss–Krüger zone's coordinates: northing from the equator, easting within some 1,000 km of its false easting
        if (Math.abs(v[0]) > 10_000_000 || Math.abs(v[2]) > 10_000_000 || Math.abs(v[1] - grid.falseEasting()) > 1_000_000
                || Math.abs(v[3] - grid.falseEasting()) > 1_000_000) {
            throw new InvalidRequestException(field, "bbox 不在该投影的范围内 (the bbox lies outside the projection's area)");
        }
        Envelope e = new Envelope();
        for (double[] corner : new double[][]{{v[0], v[1]}, {v[0], v[3]}, {v[2], v[1]}, {v[2], v[3]}}) {
            LonLat p = grid.toWgs84(corner[1], corner[0]); // (northing, easting) → easting first for proj4j
            e.expandToInclude(p.lon(), p.lat());
        }
        if (!(Math.abs(e.getMinX()) <= 180 && Math.abs(e.getMaxX()) <= 180 && Math.abs(e.getMinY()) <= 90 && Math.abs(e.getMaxY()) <= 90)) {
            throw new InvalidRequestException(field, "bbox 不在该投影的范围内 (the bbox lies outside the projection's area)");
        }
        return new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    private static BoundingBox crs84(String text, String field) {
        try {
            return RequestValues.bbox(text);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
