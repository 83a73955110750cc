package cn.servicemap.gis.basemap;

import cn.servicemap.gis.synthetic.SyntheticCity;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The basemap of a {@link SyntheticCity}: its street grid (every fifth street a main road), a park
 * in some blocks, four buildings in the others, and a name for the city and each street, all made
 * up and labelled synthetic (合成). It exists so that a demo without the real OSM data still shows a
 * map that matches its stations, and never passes for a real place: every name starts with 合成 and
 * the tiles say {@code "synthetic": true}.
 */
public final class SyntheticBasemap {

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final String[] NUMERALS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private SyntheticBasemap() {
    }

    public static BasemapTiles of(SyntheticCity city) {
        List<BasemapFeature> out = new ArrayList<>();
        double width = city.blocksX() * city.blockMeters();
        double height = city.blocksY() * city.blockMeters();
        for (int i = 0; i <= city.blocksX(); i++) {
            street(out, city, i, true, line(city, i * city.blockMeters(), 0, i * city.blockMeters(), height));
        }
        for (int j = 0; j <= city.blocksY(); j++) {
            street(out, city, j, false, line(city, 0, j * city.blockMeters(), width, j * city.blockMeters()));
        }
        double inset = city.blockMeters() * 0.12;
        for (int i = 0; i < city.blocksX(); i++) {
            for (int j = 0; j < city.blocksY(); j++) {
                double x0 = i * city.blockMeters();
                double y0 = j * city.blockMeters();
                if ((i * 7 + j * 3) % 11 == 0) {
                    Geometry park = box(city, x0 + inset, y0 + inset, x0 + city.blockMeters() - inset, y0 + city.blockMeters() - inset);
                    out.add(new BasemapFeature(BasemapLayer.GREEN, "park", null, 10, 0, 0, OsmBasemapStyle.mercator(park)));
                    out.add(new BasemapFeature(BasemapLayer.LABELS, "park", "合成公园" + (i + 1) + "-" + (j + 1), 15, 0, 4,
                            OsmBasemapStyle.mercator(park.getInteriorPoint())));
                    continue;
                }
                double half = (city.blockMeters() - 2 * inset) / 2;
                for (int k = 0; k < 4; k++) {
                    double bx = x0 + inset + (k % 2) * half + 4;
                    double by = y0 + inset + (k / 2) * half + 4;
                    Geometry b = box(city, bx, by, bx + half - 8, by + half - 8);
                    out.add(new BasemapFeature(BasemapLayer.BUILDINGS, "building", null, 15, 0, 0, OsmBasemapStyle.mercator(b)));
                }
            }
        }
        Envelope bounds = city.bounds();
        out.add(new BasemapFeature(BasemapLayer.LABELS, "place-major", SyntheticCity.LABEL.replace(" (synthetic)", "城市"),
                11, 0, 1, OsmBasemapStyle.mercator(WGS84.createPoint(bounds.centre()))));
        return BasemapTiles.of(out, true, SyntheticCity.LABEL);
    }

    private static void street(List<BasemapFeature> out, SyntheticCity city, int n, boolean northSouth, Geometry line) {
        boolean main = n % 5 == 0;
        String cls = main ? "secondary" : "residential";
        Geometry m = OsmBasemapStyle.mercator(line);
        out.add(new BasemapFeature(BasemapLayer.ROADS, cls, null, main ? 10 : 13, 0, 0, m));
        String name = "合成" + (northSouth ? "南北" : "东西") + numeral(n + 1) + (main ? "大道" : "路");
        out.add(new BasemapFeature(BasemapLayer.LABELS, main ? "road-major" : "road", name, main ? 14 : 16, 0,
                main ? 4 : 6, m));
    }

    private static String numeral(int n) {
        if (n <= 10) {
            return NUMERALS[n];
        }
        return (n / 10 > 1 ? NUMERALS[n / 10] : "") + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10]);
    }

    private static Geometry line(SyntheticCity c, double x0, double y0, double x1, double y1) {
        return WGS84.createLineString(new Coordinate[] {new Coordinate(c.lon(x0), c.lat(y0)), new Coordinate(c.lon(x1), c.lat(y1))});
    }

    private static Geometry box(SyntheticCity c, double x0, double y0, double x1, double y1) {
        return WGS84.toGeometry(new Envelope(c.lon(x0), c.lon(x1), c.lat(y0), c.lat(y1)));
    }
}
