package cn.servicemap.layers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.h2gis.api.EmptyProgressVisitor;
import org.h2gis.functions.io.dbf.DBFDriverFunction;

/**
 * A layer as a zipped ESRI Shapefile: the {@code .dbf} written by H2GIS's dBASE driver (from a throwaway in-memory
 * table), the {@code .shp} and {@code .shx} by {@link ShapeRecords} (H2GIS's Shapefile writer declares wrong record
 * lengths for polygons with holes, which GDAL then cannot read past), the {@code .prj} (WGS84 in the ESRI form ArcGIS
 * expects) and the {@code .cpg} naming the text encoding — GBK (code page 936, what ArcGIS and most Chinese desktop GIS
 * assume) or UTF-8.
 *
 * <p>Limits of the format, handled here: field names are the layer's 10-character dBASE names; a text longer than 254
 * bytes in the chosen encoding is cut at a character boundary; in GBK a character it lacks becomes "?".
 * Yes/no columns are dBASE logicals.
 */
final class ShapefileZip {

    /** WGS84 as ArcGIS writes it: GDAL and QGIS read it too. */
    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /** Bytes of a dBASE character field. */
    static final int MAX_TEXT_BYTES = 254;

    /** The text encodings a Shapefile export offers. */
    enum Encoding {
        GBK("GBK", "cp936", "936"), UTF8("UTF-8", "UTF-8", "UTF-8");

        final Charset charset;
        /** the name H2GIS's dBASE writer knows it by (it then sets the header's language driver byte to match) */
        final String dbase;
        /** what the .cpg says: GBK as its Windows code page, which GDAL and ArcGIS both read */
        final String cpg;

        Encoding(String charset, String dbase, String cpg) {
            this.charset = Charset.forName(charset);
            this.dbase = dbase;
            this.cpg = cpg;
        }
    }

    private ShapefileZip() {
    }

    /** The zip of the layer's Shapefile named {@code baseName} (ASCII) in the encoding. */
    static byte[] write(LayerTable table, String baseName, Encoding encoding) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("servicemap-shp");
            try (Connection db = DriverManager.getConnection("jdbc:h2:mem:shp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0")) {
                fill(db, table, encoding);
                new DBFDriverFunction().exportTable(db, "LAYER", dir.resolve(baseName + ".dbf").toFile(), encoding.dbase, true,
                        new EmptyProgressVisitor());
            }
            ShapeRecords.write(table, dir.resolve(baseName + ".shp"), dir.resolve(baseName + ".shx"));
            Files.writeString(dir.resolve(baseName + ".prj"), WGS84_PRJ, StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve(baseName + ".cpg"), encoding.cpg, StandardCharsets.US_ASCII);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
                    zip.putNextEntry(new ZipEntry(baseName + "." + ext));
                    Files.copy(dir.resolve(baseName + "." + ext), zip);
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Shapefile export failed", e);
        } finally {
            deleteAll(dir);
        }
    }

    private static void fill(Connection db, LayerTable table, Encoding encoding) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (LayerTable.Column c : table.columns()) {
            columns.add("\"" + c.dbf() + "\" " + switch (c.type()) {
                case TEXT -> "VARCHAR(" + MAX_TEXT_BYTES + ")";
                case INTEGER -> "BIGINT";
                case REAL -> "DOUBLE PRECISION";
                case BOOLEAN -> "BOOLEAN";
            });
        }
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE LAYER(" + String.join(", ", columns) + ")");
        }
        CharsetEncoder encoder = encoding.charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO LAYER VALUES (?" + ", ?".repeat(table.columns().size() - 1) + ")")) {
            for (LayerTable.Row row : table.rows()) {
                for (int i = 0; i < table.columns().size(); i++) {
                    Object v = row.values().get(i);
                    if (v == null) {
                        insert.setNull(i + 1, Types.NULL);
                    } else if (v instanceof String text) {
                        insert.setString(i + 1, fit(text, encoder));
                    } else {
                        insert.setObject(i + 1, v);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The text cut to what a dBASE field holds in the encoding, at a character boundary. */
    static String fit(String text, CharsetEncoder encoder) {
        int bytesPerChar = (int) Math.ceil(encoder.maxBytesPerChar());
        if (text.length() * bytesPerChar <= MAX_TEXT_BYTES) {
            return text;
        }
        int end = Math.min(text.length(), MAX_TEXT_BYTES); // every character is at least a byte
        while (end > 0 && encodedLength(text.substring(0, end), encoder) > MAX_TEXT_BYTES) {
            end = Character.isLowSurrogate(text.charAt(end - 1)) && end > 1 ? end - 2 : end - 1;
        }
        return text.substring(0, end);
    }

    private static int encodedLength(String s, CharsetEncoder encoder) {
        try {
            return encoder.reset().encode(java.nio.CharBuffer.wrap(s)).remaining();
        } catch (java.nio.charset.CharacterCodingException e) {
            return s.length() * 4;
        }
    }

    private static void deleteAll(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary file left behind is harmless; the next export uses a new directory
        }
    }
}
