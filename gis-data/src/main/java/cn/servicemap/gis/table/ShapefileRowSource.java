package cn.servicemap.gis.table;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import cn.servicemap.gis.crs.CoordinateSystem;
import cn.servicemap.gis.crs.LonLat;
import cn.servicemap.gis.crs.NationalCrs;

/**
 * Streaming reader of a point Shapefile uploaded as a .zip (.shp + .dbf required, .prj and .cpg
 * honoured, .shx not needed). The layer may sit in any folder of the zip; file names are matched
 * case-insensitively; exactly one .shp is allowed. Entries are streamed from the zip, never
 * extracted.
 *
 * <p>Geometry: Point, PointZ, PointM (Z and M ignored) and MultiPoint[Z|M] holding exactly one point
 * give cells {@code lon}/{@code lat}; null shapes and multi-point records are row problems; a layer
 * whose header declares lines or polygons is rejected at open. Attributes: see {@link DbfReader}; the
 * encoding comes from the .cpg (UTF-8, GBK, 936, CP936, GB2312, GB18030, …), else it is detected
 * (strict UTF-8 on all text fields, else GB18030). Coordinate system: from the .prj — a geographic
 * WGS 84 or CGCS2000 system is declared; a Gauss–Krüger projection on CGCS2000, Beijing 1954 or Xi'an 1980, or a
 * Beijing 1954 / Xi'an 1980 longitude/latitude ({@link NationalCrs}), is converted to WGS84 while reading (and WGS84
 * declared); another projection or datum is rejected, named.
 * Row numbers are record numbers (1-based); deleted dBASE records are skipped but counted.
 */
final class ShapefileRowSource extends AbstractRowSource {

    private final ZipFile zip;
    private final InputStream shp;
    private final DbfReader dbf;
    private final List<String> headers;
    private final Optional<CoordinateSystem> declared;
    /** The .prj's national grid (Gauss–Krüger on CGCS2000, Beijing 1954, Xi'an 1980), whose points are converted to WGS84. */
    private final NationalCrs grid;
    private int recordNumber;

    private ShapefileRowSource(ZipFile zip, InputStream shp, DbfReader dbf, Optional<CoordinateSystem> declared, NationalCrs grid,
                               ReadLimits limits) throws IOException {
        super(limits);
        this.grid = grid;
        this.zip = zip;
        this.shp = shp;
        this.dbf = dbf;
        this.declared = declared;
        List<String> names = new ArrayList<>();
        dbf.fields().forEach(f -> names.add(f.name()));
        this.headers = Cells.withLonLat(Cells.headerNames(names, limits));
    }

    /**
     * Opens the layer. Every entry is read through one {@link ZipBudget}; the sizes the .shp and .dbf
     * headers declare, and the .dbf record count, are checked against the limits at once.
     */
    static ShapefileRowSource open(Path zipFile, ReadLimits limits) throws IOException {
        ZipFile zip = openZip(zipFile);
        InputStream shp = null;
        DbfReader dbf = null;
        try {
            ZipBudget budget = new ZipBudget(zip, limits, "压缩包", "the zip");
            Layer layer = Layer.find(zip);
            String prj = layer.prj == null ? "" : readText(budget, layer.prj, StandardCharsets.UTF_8);
            NationalCrs grid = nationalGrid(prj);
            Optional<CoordinateSystem> declared = grid != null ? Optional.of(CoordinateSystem.WGS84) : parsePrj(prj);
            Charset charset = charset(budget, layer, limits);
            shp = new BufferedInputStream(budget.open(layer.shp), 64 * 1024);
            readShpHeader(shp, budget, limits);
            dbf = openDbf(budget, layer, charset, limits);
            return new ShapefileRowSource(zip, shp, dbf, declared, grid, limits);
        } catch (IOException | RuntimeException e) {
            closeAll(dbf, shp, zip);
            throw e;
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public String format() {
        return "Shapefile";
    }

    @Override
    public Optional<CoordinateSystem> declaredCoordinateSystem() {
        return declared;
    }

    @Override
    protected SourceRow readNext() throws IOException {
        while (true) {
            DbfReader.DbfRecord record = dbf.next();
            if (record == null) {
                return null;
            }
            recordNumber++;
            List<String> problems = new ArrayList<>(record.problems());
            Map<String, String> values = new LinkedHashMap<>(record.values());
            readShape(values, problems);
            if (record.deleted()) {
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (String header : headers) {
                cells.put(header, values.getOrDefault(header, ""));
            }
            return new SourceRow(recordNumber, cells, problems);
        }
    }

    @Override
    protected void closeResources() throws IOException {
        closeAll(dbf, shp, zip);
    }

    /** Reads the next .shp record into lon/lat cells or a problem. */
    private void readShape(Map<String, String> values, List<String> problems) throws IOException {
        byte[] recordHeader = shp.readNBytes(8);
        if (recordHeader.length < 8) {
            problems.add("the .shp file has no geometry record for this feature");
            return;
        }
        int contentBytes = ByteBuffer.wrap(recordHeader).order(ByteOrder.BIG_ENDIAN).getInt(4) * 2;
        if (contentBytes < 4) {
            throw new IOException("the .shp file is damaged at record " + recordNumber);
        }
        int wanted = Math.min(contentBytes, 56);
        byte[] content = shp.readNBytes(wanted);
        if (content.length < wanted) {
            problems.add("the .shp file ends inside the geometry of this feature");
            return;
        }
        shp.skipNBytes(contentBytes - wanted);
        ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int type = buffer.getInt(0);
        double x;
        double y;
        switch (type) {
            case 0 -> {
                problems.add("the feature has no geometry (null shape)");
                return;
            }
            case 1, 11, 21 -> {
                if (content.length < 20) {
                    throw new IOException("the .shp file is damaged at record " + recordNumber);
                }
                x = buffer.getDouble(4);
                y = buffer.getDouble(12);
            }
            case 8, 18, 28 -> {
                int points = content.length >= 40 ? buffer.getInt(36) : 0;
                if (points != 1 || content.length < 56) {
                    problems.add("geometry is a MultiPoint of " + points + " points, expected one Point");
                    return;
                }
                x = buffer.getDouble(40);
                y = buffer.getDouble(48);
            }
            default -> {
                problems.add("geometry is a " + shapeTypeName(type) + ", expected Point");
                return;
            }
        }
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            problems.add("the Point has no coordinates (NaN)");
            return;
        }
        if (grid != null) {
            LonLat wgs84 = grid.toWgs84(x, y);
            if (!Double.isFinite(wgs84.lon()) || !Double.isFinite(wgs84.lat())) {
                problems.add("the Point (" + x + ", " + y + ") is outside " + grid.name());
                return;
            }
            x = wgs84.lon();
            y = wgs84.lat();
        }
        values.put(Cells.LON, Cells.decimal(x));
        values.put(Cells.LAT, Cells.decimal(y));
    }

    /**
     * The .prj's national grid when it names one ({@link NationalCrs#fromWkt}): a projected or Beijing 1954 / Xi'an
     * 1980 system, converted to WGS84 while reading. Null for none, blank, or WGS 84 / CGCS2000 longitude/latitude.
     *
     * @throws IOException naming a projection, unit or datum that cannot be converted
     */
    static NationalCrs nationalGrid(String wkt) throws IOException {
        if (wkt == null || wkt.isBlank()) {
            return null;
        }
        try {
            return NationalCrs.fromWkt(wkt).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new IOException("the .prj: " + e.getMessage(), e);
        }
    }

    /** The national grid the points were converted from, if any: what the import report tells the user. */
    @Override
    public Optional<String> convertedFrom() {
        return Optional.ofNullable(grid).map(g -> g.name() + (g.approximate() ? "（" + g.datum().nameZh()
                + "换算到 WGS84 为近似，误差可达数米至数十米 / the datum shift is approximate）" : ""));
    }

    private static void readShpHeader(InputStream shp, ZipBudget budget, ReadLimits limits) throws IOException {
        byte[] header = shp.readNBytes(100);
        ByteBuffer buffer = ByteBuffer.wrap(header);
        if (header.length < 100 || buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
            throw new IOException("the .shp file is not a Shapefile (bad header)");
        }
        long declaredBytes = Integer.toUnsignedLong(buffer.order(ByteOrder.BIG_ENDIAN).getInt(24)) * 2;
        if (declaredBytes > limits.maxUnzippedBytes()) {
            throw budget.tooLarge();
        }
        int type = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        switch (type) {
            case 0, 1, 8, 11, 18, 21, 28 -> {
                // point layers (or an all-null layer)
            }
            default -> throw new IOException("the Shapefile contains " + shapeTypeName(type)
                    + " geometries, expected points: station files must have one point per station");
        }
    }

    private static String shapeTypeName(int type) {
        return switch (type) {
            case 0 -> "Null";
            case 1 -> "Point";
            case 3 -> "PolyLine";
            case 5 -> "Polygon";
            case 8 -> "MultiPoint";
            case 11 -> "PointZ";
            case 13 -> "PolyLineZ";
            case 15 -> "PolygonZ";
            case 18 -> "MultiPointZ";
            case 21 -> "PointM";
            case 23 -> "PolyLineM";
            case 25 -> "PolygonM";
            case 28 -> "MultiPointM";
            case 31 -> "MultiPatch";
            default -> "unknown shape type " + type;
        };
    }

    /**
     * The coordinate system of a .prj that names no national grid ({@link #nationalGrid} answered null): WGS 84 or
     * CGCS2000 longitude/latitude; empty if blank.
     *
     * @throws IOException for anything else
     */
    static Optional<CoordinateSystem> parsePrj(String wkt) throws IOException {
        String text = wkt.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String key = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (key.contains("CGCS2000") || key.contains("CHINA2000") || key.contains("CHINAGEODETICCOORDINATESYSTEM2000")) {
            return Optional.of(CoordinateSystem.CGCS2000);
        }
        if (key.contains("WGS1984") || key.contains("WGS84")) {
            return Optional.of(CoordinateSystem.WGS84);
        }
        throw new IOException("the .prj declares the coordinate system '" + NationalCrs.wktName(text) + "', which is not "
                + "supported: re-export the layer in WGS84 or CGCS2000 longitude/latitude");
    }

    private static Charset charset(ZipBudget budget, Layer layer, ReadLimits limits) throws IOException {
        if (layer.cpg != null) {
            Optional<Charset> named = TextEncoding.fromCodePage(readText(budget, layer.cpg, StandardCharsets.US_ASCII));
            if (named.isPresent()) {
                return named.get();
            }
        }
        try (DbfReader scan = openDbf(budget, layer, StandardCharsets.ISO_8859_1, limits)) {
            return scan.allTextFieldsAreUtf8() ? StandardCharsets.UTF_8 : TextEncoding.GB18030;
        }
    }

    /** Opens the .dbf and refuses it at once if its header declares too many records or bytes. */
    private static DbfReader openDbf(ZipBudget budget, Layer layer, Charset charset, ReadLimits limits)
            throws IOException {
        DbfReader dbf = DbfReader.open(budget.open(layer.dbf), charset);
        try {
            if (dbf.recordCount() > limits.maxRows()) {
                throw limits.tooManyRows();
            }
            if (dbf.declaredSize() > limits.maxUnzippedBytes()) {
                throw budget.tooLarge();
            }
            if (dbf.fields().size() > limits.maxColumns()) {
                throw limits.tooManyColumns();
            }
            return dbf;
        } catch (IOException | RuntimeException e) {
            dbf.close();
            throw e;
        }
    }

    private static String readText(ZipBudget budget, ZipEntry entry, Charset charset) throws IOException {
        try (InputStream in = budget.open(entry)) {
            return new String(in.readNBytes(1 << 16), charset);
        }
    }

    /** Opens the zip, retrying with GB18030 entry names (zips made by Chinese Windows often lack the UTF-8 flag). */
    private static ZipFile openZip(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException e) {
            try {
                return new ZipFile(file.toFile(), TextEncoding.GB18030);
            } catch (ZipException retry) {
                throw new IOException("压缩包已损坏，无法打开 (the file is not a readable .zip archive)", e);
            }
        }
    }

    private static void closeAll(AutoCloseable... resources) throws IOException {
        IOException failure = null;
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof IOException io ? io : new IOException(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The zip entries that make up the one layer in the archive. */
    private record Layer(ZipEntry shp, ZipEntry dbf, ZipEntry prj, ZipEntry cpg) {

        static Layer find(ZipFile zip) throws IOException {
            Map<String, ZipEntry> byLowerName = new LinkedHashMap<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (!entry.isDirectory() && !name.startsWith("__MACOSX/") && !base.startsWith("._")) {
                    byLowerName.put(name.toLowerCase(Locale.ROOT), entry);
                }
            }
            List<String> shps = byLowerName.keySet().stream().filter(n -> n.endsWith(".shp")).toList();
            if (shps.isEmpty()) {
                throw new IOException("the zip contains no .shp file (it holds " + Cells.abbreviate(
                        String.join(", ", byLowerName.keySet())) + "): zip the .shp, .shx, .dbf, .prj and .cpg files of the layer");
            }
            if (shps.size() > 1) {
                throw new IOException("the zip contains " + shps.size() + " Shapefiles (" + String.join(", ", shps)
                        + "): upload one layer per zip");
            }
            String stem = shps.get(0).substring(0, shps.get(0).length() - 4);
            ZipEntry dbf = byLowerName.get(stem + ".dbf");
            if (dbf == null) {
                throw new IOException("the zip contains " + byLowerName.get(stem + ".shp").getName()
                        + " but no matching .dbf file: a Shapefile needs its .shp and .dbf (and .prj)");
            }
            return new Layer(byLowerName.get(stem + ".shp"), dbf, byLowerName.get(stem + ".prj"),
                    byLowerName.get(stem + ".cpg"));
        }
    }
}
