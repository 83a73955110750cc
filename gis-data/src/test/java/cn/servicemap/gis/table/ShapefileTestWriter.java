package cn.servicemap.gis.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test-only writer of small zipped Shapefiles (ESRI Shapefile Technical Description, 1998; dBASE III
 * tables). Writes .shp, .shx, .dbf and, when given, .prj and .cpg.
 */
final class ShapefileTestWriter {

    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    static final String CGCS2000_PRJ = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    static final String CGCS2000_GK_PRJ = "PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],"
            + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    /** A dBASE field: type C, N, L or D. */
    record Field(String name, char type, int length, int decimals) {
    }

    /** One record: a shape (null for a null shape) and values in field order; {@code deleted} marks it deleted. */
    record Feature(double[] shape, List<Object> values, boolean deleted) {
        static Feature point(double x, double y, Object... values) {
            return new Feature(new double[] {x, y}, List.of(values), false);
        }
    }

    private final List<Field> fields = new ArrayList<>();
    private final List<Feature> features = new ArrayList<>();
    private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();
    private int shapeType = 1;
    private String folder = "";
    private String stem = "stations";
    private String prj;
    private String cpg;
    private Charset charset = Charset.forName("GBK");

    ShapefileTestWriter field(String name, char type, int length, int decimals) {
        fields.add(new Field(name, type, length, decimals));
        return this;
    }

    ShapefileTestWriter feature(Feature feature) {
        features.add(feature);
        return this;
    }

    /** Shape type of the header and of every non-null record: 1 point, 8 multipoint, 5 polygon, 11 PointZ. */
    ShapefileTestWriter shapeType(int type) {
        this.shapeType = type;
        return this;
    }

    ShapefileTestWriter prj(String prjText) {
        this.prj = prjText;
        return this;
    }

    /** Text of the .cpg; null writes none. Attribute bytes are always written in {@link #charset(Charset)}. */
    ShapefileTestWriter cpg(String cpgText) {
        this.cpg = cpgText;
        return this;
    }

    ShapefileTestWriter charset(Charset attributeCharset) {
        this.charset = attributeCharset;
        return this;
    }

    /** Layer location inside the zip, e.g. folder "数据/" and stem "驿站"; extensions are in upper case if stem is. */
    ShapefileTestWriter path(String zipFolder, String fileStem) {
        this.folder = zipFolder;
        this.stem = fileStem;
        return this;
    }

    ShapefileTestWriter extraEntry(String name, byte[] content) {
        extraEntries.put(name, content);
        return this;
    }

    Path writeZip(Path zipFile, boolean withDbf) throws IOException {
        boolean upper = stem.equals(stem.toUpperCase()) && !stem.equals(stem.toLowerCase());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
            put(zip, ext("shp", upper), shp(false));
            put(zip, ext("shx", upper), shp(true));
            if (withDbf) {
                put(zip, ext("dbf", upper), dbf());
            }
            if (prj != null) {
                put(zip, ext("prj", upper), prj.getBytes(StandardCharsets.US_ASCII));
            }
            if (cpg != null) {
                put(zip, ext("cpg", upper), cpg.getBytes(StandardCharsets.US_ASCII));
            }
            for (Map.Entry<String, byte[]> e : extraEntries.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
        return zipFile;
    }

    private String ext(String extension, boolean upper) {
        return folder + stem + "." + (upper ? extension.toUpperCase() : extension);
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** The .shp, or with {@code index} the .shx. */
    private byte[] shp(boolean index) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        for (Feature f : features) {
            contents.add(content(f.shape()));
        }
        int words = 50;
        for (byte[] c : contents) {
            words += index ? 4 : 4 + c.length / 2;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header(words));
        int offsetWords = 50;
        for (int i = 0; i < contents.size(); i++) {
            byte[] c = contents.get(i);
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            if (index) {
                b.putInt(offsetWords).putInt(c.length / 2);
                out.write(b.array());
            } else {
                b.putInt(i + 1).putInt(c.length / 2);
                out.write(b.array());
                out.write(c);
            }
            offsetWords += 4 + c.length / 2;
        }
        return out.toByteArray();
    }

    private byte[] header(int fileLengthWords) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Feature f : features) {
            if (f.shape() != null) {
                for (int i = 0; i + 1 < f.shape().length; i += 2) {
                    minX = Math.min(minX, f.shape()[i]);
                    maxX = Math.max(maxX, f.shape()[i]);
                    minY = Math.min(minY, f.shape()[i + 1]);
                    maxY = Math.max(maxY, f.shape()[i + 1]);
                }
            }
        }
        ByteBuffer b = ByteBuffer.allocate(100);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, fileLengthWords);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType)
                .putDouble(36, minX).putDouble(44, minY).putDouble(52, maxX).putDouble(60, maxY);
        return b.array();
    }

    /** Record content for the writer's shape type; {@code xy} holds x,y pairs (one pair for points). */
    private byte[] content(double[] xy) {
        if (xy == null) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
        }
        int n = xy.length / 2;
        ByteBuffer b;
        switch (shapeType) {
            case 1 -> b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(xy[0]).putDouble(xy[1]);
            case 11 -> b = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN).putInt(11).putDouble(xy[0])
                    .putDouble(xy[1]).putDouble(7.5).putDouble(0);
            case 8 -> {
                b = ByteBuffer.allocate(40 + 16 * n).order(ByteOrder.LITTLE_ENDIAN).putInt(8);
                bbox(b, xy).putInt(n);
                for (double v : xy) {
                    b.putDouble(v);
                }
            }
            case 5 -> {
                b = ByteBuffer.allocate(44 + 4 + 16 * n).order(ByteOrder.LITTLE_ENDIAN).putInt(5);
                bbox(b, xy).putInt(1).putInt(n).putInt(0);
                for (double v : xy) {
                    b.putDouble(v);
                }
            }
            default -> throw new IllegalArgumentException("shape type " + shapeType);
        }
        return b.array();
    }

    private static ByteBuffer bbox(ByteBuffer b, double[] xy) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        return b.putDouble(minX).putDouble(minY).putDouble(maxX).putDouble(maxY);
    }

    private byte[] dbf() throws IOException {
        int recordLength = 1 + fields.stream().mapToInt(Field::length).sum();
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        h.put(0, (byte) 0x03).put(1, (byte) 124).put(2, (byte) 3).put(3, (byte) 1)
                .putInt(4, features.size()).putShort(8, (short) headerLength).putShort(10, (short) recordLength);
        out.write(h.array());
        for (Field f : fields) {
            byte[] d = new byte[32];
            byte[] name = f.name().getBytes(charset);
            System.arraycopy(name, 0, d, 0, Math.min(10, name.length));
            d[11] = (byte) f.type();
            d[16] = (byte) f.length();
            d[17] = (byte) f.decimals();
            out.write(d);
        }
        out.write(0x0D);
        for (Feature feature : features) {
            out.write(feature.deleted() ? '*' : ' ');
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                Object v = i < feature.values().size() ? feature.values().get(i) : null;
                writeValue(out, f, v);
            }
        }
        out.write(0x1A);
        return out.toByteArray();
    }

    private void writeValue(OutputStream out, Field f, Object v) throws IOException {
        byte[] cell = new byte[f.length()];
        Arrays.fill(cell, (byte) ' ');
        if (v != null) {
            String text = switch (f.type()) {
                case 'N' -> v instanceof Double d ? String.format(Locale.ROOT, "%." + f.decimals() + "f", d) : v.toString();
                case 'L' -> ((Boolean) v) ? "T" : "F";
                default -> v.toString();
            };
            byte[] bytes = text.getBytes(charset);
            int len = Math.min(bytes.length, cell.length);
            int start = f.type() == 'N' ? cell.length - len : 0;
            System.arraycopy(bytes, 0, cell, start, len);
        }
        out.write(cell);
    }
}
