package cn.servicemap.basemap;

import cn.servicemap.gis.basemap.TileId;
import cn.servicemap.system.InvalidRequestException;

/** The {z}/{x}/{y} of a tile address as every tile endpoint reads it: whole numbers within the zoom's range. */
public final class TileIds {

    private TileIds() {
    }

    public static TileId parse(String z, String x, String y) {
        int zi = integer("z", z);
        int xi = integer("x", x);
        int yi = integer("y", y);
        if (zi < 0 || zi > TileId.MAX_ZOOM) {
            throw new InvalidRequestException("z", "缩放级别应在 0 到 " + TileId.MAX_ZOOM + " 之间 (tile out of range: zoom must be 0.." + TileId.MAX_ZOOM + ")");
        }
        long n = 1L << zi;
        if (xi < 0 || xi >= n) {
            throw new InvalidRequestException("x", "瓦片列号超出范围 (tile out of range: x must be 0.." + (n - 1) + " at zoom " + zi + ")");
        }
        if (yi < 0 || yi >= n) {
            throw new InvalidRequestException("y", "瓦片行号超出范围 (tile out of range: y must be 0.." + (n - 1) + " at zoom " + zi + ")");
        }
        return new TileId(zi, xi, yi);
    }

    private static int integer(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "瓦片编号应为整数 (" + field + " must be a whole number)");
        }
    }
}
