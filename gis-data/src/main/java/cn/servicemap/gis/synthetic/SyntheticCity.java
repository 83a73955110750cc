package cn.servicemap.gis.synthetic;

import cn.servicemap.gis.crs.Geodesic;
import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import cn.servicemap.gis.stations.StationField;
import cn.servicemap.gis.stations.StationInput;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A generated city for demos without the shared real data and for scale tests: a rectangular
 * street grid of {@code blocksX × blocksY} square blocks of {@code blockMeters}, split into
 * {@code districtsX × districtsY} rectangular districts with a made-up population, adcodes in the
 * unused 99xxxx range, and stations at street corners. Everything it makes is labelled synthetic
 * (合成). Deterministic for a given seed.
 */
public final class SyntheticCity {

    /** The adcode of a synthetic city unless another is given. */
    public static final String DEFAULT_CITY_ADCODE = "990100";

    /** Shown wherever synthetic data appears. */
    public static final String LABEL = "合成示例数据 (synthetic)";

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final long seed;
    private final double originLon;
    private final double originLat;
    private final int blocksX;
    private final int blocksY;
    private final double blockMeters;
    private final int districtsX;
    private final int districtsY;
    private final double metersPerDegreeLon;
    private final double metersPerDegreeLat = Geodesic.metersPerDegreeLat();
    private final String cityAdcode;

    /** A city with adcode {@value #DEFAULT_CITY_ADCODE} (districts 990101, 990102, …). */
    public SyntheticCity(long seed, double originLon, double originLat, int blocksX, int blocksY, double blockMeters,
                         int districtsX, int districtsY) {
        this(seed, originLon, originLat, blocksX, blocksY, blockMeters, districtsX, districtsY, DEFAULT_CITY_ADCODE);
    }

    /**
     * @param cityAdcode the city's 6-digit code ending in 00, in the unassigned 99 province range so it never names a
     *                   real place: its districts are numbered after it ({@code 990300} → 990301, 990302, …), so that
     *                   several generated cities can live in one instance
     */
    public SyntheticCity(long seed, double originLon, double originLat, int blocksX, int blocksY, double blockMeters,
                         int districtsX, int districtsY, String cityAdcode) {
        if (blocksX < districtsX || blocksY < districtsY || blocksX < 1 || blocksY < 1) {
            throw new IllegalArgumentException("need at least one block per district");
        }
        if (cityAdcode == null || !cityAdcode.matches("99\\d\\d00") || districtsX * districtsY > 99) {
            throw new IllegalArgumentException("a synthetic city's adcode is 99NN00 with at most 99 districts, was " + cityAdcode);
        }
        this.cityAdcode = cityAdcode;
        this.seed = seed;
        this.originLon = originLon;
        this.originLat = originLat;
        this.blocksX = blocksX;
        this.blocksY = blocksY;
        this.blockMeters = blockMeters;
        this.districtsX = districtsX;
        this.districtsY = districtsY;
        this.metersPerDegreeLon = Geodesic.metersPerDegreeLon(originLat);
    }

    /** The demo city: 3 × 3 km, 2 × 2 districts, 150 m blocks, in an unpopulated corner of the map. */
    public static SyntheticCity demo() {
        return new SyntheticCity(20260101L, 115.50, 29.50, 20, 20, 150, 2, 2);
    }

    public Envelope bounds() {
        return new Envelope(originLon, lon(blocksX * blockMeters), originLat, lat(blocksY * blockMeters));
    }

    public int blocksX() {
        return blocksX;
    }

    public int blocksY() {
        return blocksY;
    }

    public double blockMeters() {
        return blockMeters;
    }

    /** WGS84 longitude of a point {@code x} metres east of the origin. */
    public double lon(double x) {
        return originLon + x / metersPerDegreeLon;
    }

    /** WGS84 latitude of a point {@code y} metres north of the origin. */
    public double lat(double y) {
        return originLat + y / metersPerDegreeLat;
    }

    public List<DistrictBoundary> districts() {
        List<DistrictBoundary> out = new ArrayList<>();
        for (int dy = 0; dy < districtsY; dy++) {
            for (int dx = 0; dx < districtsX; dx++) {
                double x0 = blocksX * blockMeters * dx / districtsX;
                double x1 = blocksX * blockMeters * (dx + 1) / districtsX;
                double y0 = blocksY * blockMeters * dy / districtsY;
                double y1 = blocksY * blockMeters * (dy + 1) / districtsY;
                Polygon p = WGS84.createPolygon(new Coordinate[]{
                        new Coordinate(lon(x0), lat(y0)), new Coordinate(lon(x1), lat(y0)), new Coordinate(lon(x1), lat(y1)),
                        new Coordinate(lon(x0), lat(y1)), new Coordinate(lon(x0), lat(y0))});
                MultiPolygon mp = WGS84.createMultiPolygon(new Polygon[]{p});
                double areaKm2 = LocalMetricProjection.centredOn(mp.getEnvelopeInternal()).toMetric(mp).getArea() / 1e6;
                int n = dy * districtsX + dx + 1;
                out.add(new DistrictBoundary(cityAdcode.substring(0, 4) + String.format("%02d", n), "合成第" + n + "区", cityAdcode,
                        "district", mp, areaKm2));
            }
        }
        return out;
    }

    /** A made-up population per district: 8,000–20,000 people per km², as in a dense Chinese city core. */
    public Map<String, CensusRecord> census() {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, CensusRecord> out = new LinkedHashMap<>();
        for (DistrictBoundary d : districts()) {
            double density = 8_000 + random.nextDouble() * 12_000;
            out.put(d.adcode(), new CensusRecord(d.adcode(), d.nameZh(), Math.round(d.areaKm2() * density), 1.0));
        }
        return out;
    }

    /**
     * Writes {@link #districts()} as a GeoJSON FeatureCollection shaped like a DataV "_full" file (properties
     * {@code adcode}, {@code name}, {@code level}, {@code parent.adcode}), in WGS84 with 7 decimals: the boundary file
     * a union would import for this city (declare it WGS84, not GCJ-02).
     */
    public void writeDistricts(java.nio.file.Path file) throws java.io.IOException {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        List<DistrictBoundary> districts = districts();
        for (int i = 0; i < districts.size(); i++) {
            DistrictBoundary d = districts.get(i);
            json.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"adcode\":").append(d.adcode())
                    .append(",\"name\":\"").append(d.nameZh()).append("\",\"level\":\"district\",\"parent\":{\"adcode\":")
                    .append(d.parentAdcode()).append("}},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[");
            Coordinate[] ring = d.geometry().getGeometryN(0).getCoordinates();
            for (int k = 0; k < ring.length; k++) {
                json.append(k == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "[%.7f,%.7f]", ring[k].x, ring[k].y));
            }
            json.append("]]]}}");
        }
        java.nio.file.Files.writeString(file, json.append("]}\n"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes {@link #census()} as the census table a union would import: CODE, NAME, POPU, POPU_URB (UTF-8). */
    public void writeCensus(java.nio.file.Path file) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("CODE,NAME,POPU,POPU_URB\n");
        for (CensusRecord r : census().values()) {
            csv.append(r.adcode()).append(',').append(r.name()).append(',').append(r.population()).append(',')
                    .append(r.urbanShare() == null ? "" : String.valueOf(r.urbanShare())).append('\n');
        }
        java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes {@link #stations(int) stations(count)} as the station list a union would import (UTF-8 CSV, WGS84,
     * the API's field names as headers).
     */
    public void writeStations(java.nio.file.Path file, int count) throws java.io.IOException {
        StationField[] columns = {StationField.NAME, StationField.KIND, StationField.LON, StationField.LAT,
                StationField.SERVICES, StationField.OPENING_HOURS, StationField.CAPACITY, StationField.SOURCE};
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            csv.append(c == 0 ? "" : ",").append(columns[c].apiName());
        }
        csv.append('\n');
        for (StationInput s : stations(count)) {
            for (int c = 0; c < columns.length; c++) {
                String v = s.get(columns[c]);
                csv.append(c == 0 ? "" : ",").append(v == null ? "" : "\"" + v.replace("\"", "\"\"") + "\"");
            }
            csv.append('\n');
        }
        java.nio.file.Files.writeString(file, csv, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code count} stations at distinct street corners, labelled synthetic. */
    public List<StationInput> stations(int count) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        String[][] kinds = {
                {"OUTDOOR_STATION", "爱心驿站", "WATER|MICROWAVE|REST|PHONE_CHARGING", "24/7"},
                {"OUTDOOR_STATION", "劳动者港湾", "WATER|TOILET|REST|EBIKE_CHARGING", "Mo-Su 07:00-21:00"},
                {"SERVICE_CENTRE", "职工服务中心", "WATER|TOILET|REST|WIFI|BOOKS", "Mo-Fr 08:30-17:30; PH off"},
                {"DRIVERS_HOME", "司机之家", "WATER|MICROWAVE|TOILET|REST|AIR_PUMP", "24/7"}};
        List<StationInput> out = new ArrayList<>();
        java.util.Set<Long> used = new java.util.HashSet<>();
        int capacity = (blocksX + 1) * (blocksY + 1);
        while (out.size() < Math.min(count, capacity)) {
            int ix = random.nextInt(blocksX + 1);
            int iy = random.nextInt(blocksY + 1);
            if (!used.add((long) ix * (blocksY + 1) + iy)) {
                continue;
            }
            String[] k = kinds[out.size() % kinds.length];
            Map<StationField, String> v = new EnumMap<>(StationField.class);
            v.put(StationField.NAME, "合成" + k[1] + (out.size() + 1) + "号");
            v.put(StationField.KIND, k[0]);
            v.put(StationField.LON, Double.toString(lon(ix * blockMeters)));
            v.put(StationField.LAT, Double.toString(lat(iy * blockMeters)));
            v.put(StationField.SERVICES, k[2]);
            v.put(StationField.OPENING_HOURS, k[3]);
            v.put(StationField.CAPACITY, Integer.toString(4 + random.nextInt(12)));
            v.put(StationField.SOURCE, LABEL);
            out.add(new StationInput(v));
        }
        return out;
    }

    /**
     * Writes the city's streets as OSM XML that GraphHopper imports like real data: a grid of
     * streets along every block edge (every fifth one an arterial, {@code highway=primary}, the
     * others residential; every seventh east-west residential street one-way eastbound), and an
     * east-west river through the middle row of blocks that north-south streets cross only on
     * bridges every {@code bridgeEvery} blocks — so that a river without a bridge within reach makes
     * a real gap, as on real maps. Streets are named 合成路/合成大道 with their number. Node ids are
     * positive and dense; the file says it is synthetic in its generator attribute and a note tag.
     *
     * @return the number of street segments between junctions (the edge count a router will see)
     */
    public long writeOsm(java.nio.file.Path file, int bridgeEvery) throws java.io.IOException {
        return writeOsm(file, bridgeEvery, false);
    }

    /**
     * As {@link #writeOsm(java.nio.file.Path, int)}, and with {@code buildings} one residential block
     * ({@code building=residential}) inset 20 m inside every block off the river, for a map that looks
     * like a city. Scale runs leave them out: they do not change the road network.
     */
    public long writeOsm(java.nio.file.Path file, int bridgeEvery, boolean buildings) throws java.io.IOException {
        int riverRow = blocksY / 2;
        long segments = 0;
        try (java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                java.nio.file.Files.newOutputStream(file), java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
            w.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"ServiceMap SyntheticCity (synthetic)\">\n");
            Envelope b = bounds();
            w.write(String.format(java.util.Locale.ROOT, "<bounds minlat=\"%.7f\" minlon=\"%.7f\" maxlat=\"%.7f\" maxlon=\"%.7f\"/>\n",
                    b.getMinY(), b.getMinX(), b.getMaxY(), b.getMaxX()));
            // Street corners: id = 1 + iy * (blocksX + 1) + ix.
            for (int iy = 0; iy <= blocksY; iy++) {
                for (int ix = 0; ix <= blocksX; ix++) {
                    w.write(String.format(java.util.Locale.ROOT, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n",
                            corner(ix, iy), lat(iy * blockMeters), lon(ix * blockMeters)));
                }
            }
            // River outline: 4 corners after the street corners.
            long riverNode = corner(blocksX, blocksY) + 1;
            double y0 = (riverRow + 0.3) * blockMeters;
            double y1 = (riverRow + 0.7) * blockMeters;
            double[][] river = {{-blockMeters, y0}, {(blocksX + 1) * blockMeters, y0}, {(blocksX + 1) * blockMeters, y1}, {-blockMeters, y1}};
            for (int i = 0; i < 4; i++) {
                w.write(String.format(java.util.Locale.ROOT, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n",
                        riverNode + i, lat(river[i][1]), lon(river[i][0])));
            }
            // Building corners (nodes must all come before the ways in an OSM file).
            long buildingNode = riverNode + 4;
            double inset = Math.min(20, blockMeters / 4);
            if (buildings) {
                long node = buildingNode;
                for (int iy = 0; iy < blocksY; iy++) {
                    if (iy == riverRow) {
                        continue;
                    }
                    for (int ix = 0; ix < blocksX; ix++) {
                        double x0 = ix * blockMeters + inset;
                        double x1 = (ix + 1) * blockMeters - inset;
                        double by0 = iy * blockMeters + inset;
                        double by1 = (iy + 1) * blockMeters - inset;
                        double[][] corners = {{x0, by0}, {x1, by0}, {x1, by1}, {x0, by1}};
                        for (int k = 0; k < 4; k++) {
                            w.write(String.format(java.util.Locale.ROOT, "<node id=\"%d\" lat=\"%.7f\" lon=\"%.7f\"/>\n",
                                    node + k, lat(corners[k][1]), lon(corners[k][0])));
                        }
                        node += 4;
                    }
                }
            }
            long wayId = 1;
            // East-west streets: one way per row.
            for (int iy = 0; iy <= blocksY; iy++) {
                boolean arterial = iy % 5 == 0;
                boolean oneway = !arterial && iy % 7 == 3;
                w.write("<way id=\"" + wayId++ + "\">");
                for (int ix = 0; ix <= blocksX; ix++) {
                    w.write("<nd ref=\"" + corner(ix, iy) + "\"/>");
                }
                street(w, arterial, "东西" + (arterial ? "大道" : "路") + (iy + 1), oneway, false);
                segments += blocksX;
            }
            // North-south streets: split at the river; the middle block is a bridge only every bridgeEvery columns.
            for (int ix = 0; ix <= blocksX; ix++) {
                boolean arterial = ix % 5 == 0;
                String name = "南北" + (arterial ? "大道" : "路") + (ix + 1);
                boolean bridged = ix % bridgeEvery == 0;
                int[][] parts = {{0, riverRow}, {riverRow + 1, blocksY}};
                for (int[] part : parts) {
                    if (part[1] <= part[0]) {
                        continue;
                    }
                    w.write("<way id=\"" + wayId++ + "\">");
                    for (int iy = part[0]; iy <= part[1]; iy++) {
                        w.write("<nd ref=\"" + corner(ix, iy) + "\"/>");
                    }
                    street(w, arterial, name, false, false);
                    segments += part[1] - part[0];
                }
                if (bridged) {
                    w.write("<way id=\"" + wayId++ + "\"><nd ref=\"" + corner(ix, riverRow) + "\"/><nd ref=\""
                            + corner(ix, riverRow + 1) + "\"/>");
                    street(w, arterial, name, false, true);
                    segments++;
                }
            }
            w.write("<way id=\"" + wayId + "\">");
            for (int i = 0; i < 4; i++) {
                w.write("<nd ref=\"" + (riverNode + i) + "\"/>");
            }
            w.write("<nd ref=\"" + riverNode + "\"/><tag k=\"natural\" v=\"water\"/><tag k=\"water\" v=\"river\"/>"
                    + "<tag k=\"name\" v=\"合成河\"/><tag k=\"note\" v=\"synthetic\"/></way>\n");
            if (buildings) {
                long node = buildingNode;
                long way = wayId + 1;
                for (int iy = 0; iy < blocksY; iy++) {
                    if (iy == riverRow) {
                        continue;
                    }
                    for (int ix = 0; ix < blocksX; ix++) {
                        w.write("<way id=\"" + way++ + "\"><nd ref=\"" + node + "\"/><nd ref=\"" + (node + 1) + "\"/><nd ref=\""
                                + (node + 2) + "\"/><nd ref=\"" + (node + 3) + "\"/><nd ref=\"" + node
                                + "\"/><tag k=\"building\" v=\"residential\"/><tag k=\"note\" v=\"synthetic\"/></way>\n");
                        node += 4;
                    }
                }
            }
            w.write("</osm>\n");
        }
        return segments;
    }

    private long corner(int ix, int iy) {
        return 1L + (long) iy * (blocksX + 1) + ix;
    }

    private static void street(java.io.Writer w, boolean arterial, String name, boolean oneway, boolean bridge)
            throws java.io.IOException {
        w.write("<tag k=\"highway\" v=\"" + (arterial ? "primary" : "residential") + "\"/>");
        w.write("<tag k=\"name\" v=\"合成" + name + "\"/>");
        if (arterial) {
            w.write("<tag k=\"sidewalk\" v=\"both\"/>");
        }
        if (oneway) {
            w.write("<tag k=\"oneway\" v=\"yes\"/>");
        }
        if (bridge) {
            w.write("<tag k=\"bridge\" v=\"yes\"/><tag k=\"layer\" v=\"1\"/>");
        }
        w.write("<tag k=\"note\" v=\"synthetic\"/></way>\n");
    }

    /** The city's adcode; its districts' codes start with its first four digits. */
    public String cityAdcode() {
        return cityAdcode;
    }
}
