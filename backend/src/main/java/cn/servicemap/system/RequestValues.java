package cn.servicemap.system;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.network.BoundingBox;
import cn.servicemap.gis.network.TravelProfile;
import java.util.Locale;

/**
 * How the API reads the values every feature shares — travel profile, coordinate system and bounding
 * box — from text, one rule and one message each. Query parameters reach these through Spring
 * converters, JSON properties through Jackson ({@link RequestValuesConfig}); a bad value is an
 * {@link InvalidValueException} answered 400 with the field it came from.
 */
public final class RequestValues {

    private RequestValues() {
    }

    /** WALK/EBIKE/CAR in any case, the GraphHopper name (walk …), or the Chinese label (步行, 电动自行车, 驾车; also 电动车, 骑行). */
    public static TravelProfile profile(String text) {
        String t = text == null ? "" : text.trim();
        for (TravelProfile p : TravelProfile.values()) {
            if (p.name().equalsIgnoreCase(t) || p.chineseLabel().equals(t)) {
                return p;
            }
        }
        if (t.toLowerCase(Locale.ROOT).equals("e-bike") || t.equals("电动车") || t.equals("骑行")) {
            return TravelProfile.EBIKE;
        }
        throw new InvalidValueException("BAD_PROFILE", "出行方式应为 WALK（步行）、EBIKE（电动自行车）或 CAR（驾车）"
                + " (profile must be WALK, EBIKE or CAR)");
    }

    /** WGS84, CGCS2000, GCJ02 (高德/腾讯) or BD09 (百度), in the spellings {@link CoordinateSystem#parse} accepts. */
    public static CoordinateSystem crs(String text) {
        try {
            return CoordinateSystem.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("BAD_CRS", "坐标系应为 WGS84、CGCS2000、GCJ02（高德/腾讯）或 BD09（百度）"
                    + " (crs must be WGS84, CGCS2000, GCJ02 or BD09)");
        }
    }

    /** {@code minLon,minLat,maxLon,maxLat} in WGS84 degrees, minimum first. */
    public static BoundingBox bbox(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length == 4) {
            try {
                double minLon = Double.parseDouble(parts[0].trim());
                double minLat = Double.parseDouble(parts[1].trim());
                double maxLon = Double.parseDouble(parts[2].trim());
                double maxLat = Double.parseDouble(parts[3].trim());
                if (minLon <= maxLon && minLat <= maxLat && Math.abs(minLon) <= 180 && Math.abs(maxLon) <= 180
                        && Math.abs(minLat) <= 90 && Math.abs(maxLat) <= 90) {
                    return new BoundingBox(minLon, minLat, maxLon, maxLat);
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
        }
        throw new InvalidValueException("BAD_BBOX", "bbox 应为 minLon,minLat,maxLon,maxLat（WGS84，最小值在前）"
                + " (bbox must be minLon,minLat,maxLon,maxLat in WGS84)");
    }
}
