package cn.servicemap.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * A layer as an OGC GeoPackage 1.2 file (an SQLite database, written with the SQLite JDBC driver): the required
 * {@code gpkg_spatial_ref_sys}, {@code gpkg_contents} and {@code gpkg_geometry_columns} tables, and one feature table
 * named for the layer with an integer {@code fid}, a {@code geom} column and the layer's columns under their JSON names.
 *
 * <p>Geometries are GeoPackage binary (spec §2.1.3): the {@code GP} header — version 0, little-endian, the envelope
 * [minX, maxX, minY, maxY] for all but points — followed by the ISO WKB JTS writes. SRS 4326 (WGS84 longitude, latitude).
 * No spatial index (readers build one when they need it); yes/no columns are BOOLEAN (0/1), as the spec defines.
 */
final class GeoPackageFile {

    private static final int WGS84 = 4326;
    private static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    private GeoPackageFile() {
    }

    /** The GeoPackage of the layer, its feature table named {@code tableName} and titled {@code title}. */
    static byte[] write(LayerTable table, String tableName, String title) {
        Path file = null;
        try {
            file = Files.createTempFile("servicemap-", ".gpkg");
            Files.delete(file); // SQLite creates it
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
                db.setAutoCommit(false);
                create(db, table, tableName, title);
                insert(db, table, tableName);
                db.commit();
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("GeoPackage export failed", e);
        } finally {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    private static void create(Connection db, LayerTable table, String name, String title) throws SQLException {
        String geometryType = table.layer().shape == Layer.Shape.POINT ? "POINT" : "MULTIPOLYGON";
        Envelope extent = new Envelope();
        table.rows().forEach(r -> {
            if (r.geometry() != null) {
                extent.expandToInclude(r.geometry().getEnvelopeInternal());
            }
        });
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
            s.execute("PRAGMA user_version = 10200"); // GeoPackage 1.2
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, "
                    + "organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, "
                    + "description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    + "min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, "
                    + "CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, "
                    + "srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            List<String> columns = new ArrayList<>(List.of("fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL", "geom " + geometryType));
            for (LayerTable.Column c : table.columns()) {
                columns.add(quoted(c.key()) + " " + switch (c.type()) {
                    case TEXT -> "TEXT";
                    case INTEGER -> "INTEGER";
                    case REAL -> "DOUBLE";
                    case BOOLEAN -> "BOOLEAN";
                });
            }
            s.execute("CREATE TABLE " + quoted(name) + " (" + String.join(", ", columns) + ")");
        }
        try (PreparedStatement srs = db.prepareStatement("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)")) {
            row(srs, "Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system");
            row(srs, "Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system");
            row(srs, "WGS 84 geodetic", WGS84, "EPSG", WGS84, WGS84_WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
            srs.executeBatch();
        }
        try (PreparedStatement contents = db.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                + "last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?, ?)")) {
            contents.setString(1, name);
            contents.setString(2, name);
            contents.setString(3, title);
            contents.setString(4, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            double[] box = extent.isNull() ? null : new double[]{extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()};
            for (int i = 0; i < 4; i++) {
                if (box == null) {
                    contents.setNull(5 + i, Types.DOUBLE);
                } else {
                    contents.setDouble(5 + i, box[i]);
                }
            }
            contents.setInt(9, WGS84);
            contents.executeUpdate();
        }
        try (PreparedStatement geometry = db.prepareStatement("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)")) {
            geometry.setString(1, name);
            geometry.setString(2, geometryType);
            geometry.setInt(3, WGS84);
            geometry.executeUpdate();
        }
    }

    private static void row(PreparedStatement srs, String name, int id, String org, int orgId, String definition, String description)
            throws SQLException {
        srs.setString(1, name);
        srs.setInt(2, id);
        srs.setString(3, org);
        srs.setInt(4, orgId);
        srs.setString(5, definition);
        srs.setString(6, description);
        srs.addBatch();
    }

    private static void insert(Connection db, LayerTable table, String name) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("geom"));
        table.columns().forEach(c -> columns.add(quoted(c.key())));
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + quoted(name) + " (" + String.join(", ", columns)
                + ") VALUES (?" + ", ?".repeat(table.columns().size()) + ")")) {
            for (LayerTable.Row row : table.rows()) {
                if (row.geometry() == null) {
                    insert.setNull(1, Types.BLOB);
                } else {
                    insert.setBytes(1, binary(row.geometry(), wkb));
                }
                for (int i = 0; i < table.columns().size(); i++) {
                    Object v = row.values().get(i);
                    if (v == null) {
                        insert.setNull(i + 2, Types.NULL);
                    } else if (v instanceof Boolean b) {
                        insert.setInt(i + 2, b ? 1 : 0);
                    } else {
                        insert.setObject(i + 2, v);
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** GeoPackage binary: the header (magic, version, flags, SRS id, envelope) and the geometry's WKB. */
    static byte[] binary(Geometry g, WKBWriter wkb) {
        boolean empty = g.isEmpty();
        boolean envelope = !empty && g.getNumPoints() > 1; // a point's envelope is the point: left out, as the spec allows
        byte[] body = wkb.write(g);
        ByteBuffer out = ByteBuffer.allocate(8 + (envelope ? 32 : 0) + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'G').put((byte) 'P').put((byte) 0);
        out.put((byte) ((empty ? 0b1_0000 : 0) | (envelope ? 0b0010 : 0) | 1)); // empty flag, envelope [minx,maxx,miny,maxy], little-endian
        out.putInt(WGS84);
        if (envelope) {
            Envelope e = g.getEnvelopeInternal();
            out.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        out.put(body);
        return out.array();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
