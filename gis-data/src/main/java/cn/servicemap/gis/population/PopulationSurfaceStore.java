package cn.servicemap.gis.population;

import cn.servicemap.gis.CacheDiskFullException;
import cn.servicemap.gis.crs.LocalMetricProjection;
import cn.servicemap.gis.districts.CensusRecord;
import cn.servicemap.gis.districts.DistrictBoundary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a region's population surface on disk beside its road graph, so that loading the region again (a restart, a
 * region dropped under the memory budget) reads the surface back in well under a second instead of measuring every cell
 * of the city again (seconds to tens of seconds; see the benchmark).
 *
 * <p>Identity: the file is named by a SHA-256 over the format, the OSM file (path, size, modification time), every
 * district (adcode, name, parent, level, outline as WKB), every census record and the options. Any difference builds
 * the surface anew and replaces the file (one file per directory). Writing goes to a temporary file moved into place,
 * so a crash never leaves a half file under the final name; a write that fails deletes the temporary file, and a full
 * disk is reported as a {@link CacheDiskFullException}; a file that cannot be read back (truncated, another
 * format) is rebuilt with a warning. Layout: a header, the study area as WKB, then the surface's arrays as they are in
 * memory (big-endian), the district list and shares.
 */
public final class PopulationSurfaceStore {

    private static final Logger log = LoggerFactory.getLogger(PopulationSurfaceStore.class);
    private static final int MAGIC = 0x534D5053; // "SMPS"
    private static final int VERSION = 2;
    private static final String SUFFIX = ".population";

    private PopulationSurfaceStore() {
    }

    /**
     * The surface {@link PopulationSurface#fromOsm} builds for these inputs: read from {@code dir} when it was stored
     * there for exactly these inputs, else built and stored.
     *
     * @throws CacheDiskFullException when the disk of {@code dir} fills up while the surface is stored (the surfaces
     *                                stored there before and the partial file are deleted by then)
     */
    public static PopulationSurface fromOsm(Path osm, List<DistrictBoundary> districts, Map<String, CensusRecord> census,
                                            PopulationSurface.Options options, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(key(osm, districts, census, options) + SUFFIX);
        if (Files.isRegularFile(file)) {
            try {
                return read(file);
            } catch (IOException | RuntimeException e) {
                log.warn("Stored population surface {} could not be read ({}); building it again from {}", file, e.getMessage(), osm);
            }
        }
        PopulationSurface surface = PopulationSurface.fromOsm(osm, districts, census, options);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
        try {
            write(surface, file);
        } catch (IOException e) {
            if (CacheDiskFullException.isDiskFull(e)) {
                throw new CacheDiskFullException("人口分布缓存文件夹", "population surface cache folder", dir, e);
            }
            throw e;
        }
        return surface;
    }

    static String key(Path osm, List<DistrictBoundary> districts, Map<String, CensusRecord> census,
                      PopulationSurface.Options options) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            WKBWriter wkb = new WKBWriter();
            update(digest, "format " + VERSION);
            update(digest, osm.toAbsolutePath().normalize() + " " + Files.size(osm) + " " + Files.getLastModifiedTime(osm).toMillis());
            for (DistrictBoundary d : districts) {
                update(digest, d.adcode() + " " + d.nameZh() + " " + d.parentAdcode() + " " + d.level());
                digest.update(wkb.write(d.geometry()));
            }
            for (CensusRecord r : new java.util.TreeMap<>(census).values()) { // any map: its order is not part of it
                update(digest, r.toString());
            }
            update(digest, options.toString());
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** Writes a temporary file and moves it into place; a failure deletes the temporary file (on a full disk: the space). */
    static void write(PopulationSurface s, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writeTo(s, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException deleting) {
                e.addSuppressed(deleting);
            }
            throw e;
        }
    }

    private static void writeTo(PopulationSurface s, Path tmp) throws IOException {
        try (Output out = new Output(FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE))) {
            out.putInt(MAGIC);
            out.putInt(VERSION);
            out.putDouble(s.cellSizeInMeters());
            out.putDouble(s.gridX());
            out.putDouble(s.gridY());
            out.putDouble(s.projection().centreLon());
            out.putDouble(s.projection().centreLat());
            out.putString(s.studyArea().method());
            out.putDouble(s.studyArea().areaKm2());
            byte[] area = new WKBWriter().write(s.studyArea().geometry());
            out.putInt(area.length);
            out.putBytes(area);
            double[][] doubles = s.doubleArrays();
            int[][] ints = s.intArrays();
            for (double[] a : doubles) {
                out.putInt(a.length);
                for (double v : a) {
                    out.putDouble(v);
                }
            }
            for (int[] a : ints) {
                out.putInt(a.length);
                for (int v : a) {
                    out.putInt(v);
                }
            }
            out.putInt(s.districtAdcodes().size());
            for (String a : s.districtAdcodes()) {
                out.putString(a);
            }
            List<DistrictShare> shares = s.shares();
            out.putInt(shares.size());
            for (DistrictShare d : shares) {
                out.putString(d.adcode());
                out.putString(d.nameZh());
                out.putLong(d.censusPeople());
                out.putDouble(d.districtAreaKm2());
                out.putDouble(d.coveredAreaKm2());
                out.putDouble(d.coveredShareOfArea());
                out.putLong(d.estimatedPeople());
                out.putInt(d.cells());
                out.putInt(d.cellsWithBuildings());
                out.putString(d.weighting().name());
                out.putString(d.method());
            }
        }
    }

    static PopulationSurface read(Path file) throws IOException {
        try (Input in = new Input(FileChannel.open(file, StandardOpenOption.READ))) {
            if (in.getInt() != MAGIC || in.getInt() != VERSION) {
                throw new IOException("not a population surface of format " + VERSION);
            }
            double cell = in.getDouble();
            double gridX = in.getDouble();
            double gridY = in.getDouble();
            LocalMetricProjection projection = new LocalMetricProjection(in.getDouble(), in.getDouble());
            String method = in.getString();
            double km2 = in.getDouble();
            MultiPolygon area;
            try {
                area = (MultiPolygon) new WKBReader(StudyArea.WGS84).read(in.getBytes(in.getInt()));
            } catch (ParseException | ClassCastException e) {
                throw new IOException("bad study area: " + e.getMessage(), e);
            }
            double[][] doubles = new double[5][];
            for (int k = 0; k < doubles.length; k++) {
                doubles[k] = new double[in.getLength(8)];
                for (int i = 0; i < doubles[k].length; i++) {
                    doubles[k][i] = in.getDouble();
                }
            }
            int[][] ints = new int[5][];
            for (int k = 0; k < ints.length; k++) {
                ints[k] = new int[in.getLength(4)];
                for (int i = 0; i < ints[k].length; i++) {
                    ints[k][i] = in.getInt();
                }
            }
            List<String> adcodes = new ArrayList<>();
            for (int k = in.getInt(); k > 0; k--) {
                adcodes.add(in.getString());
            }
            Map<String, DistrictShare> shares = new LinkedHashMap<>();
            for (int k = in.getInt(); k > 0; k--) {
                DistrictShare d = new DistrictShare(in.getString(), in.getString(), in.getLong(), in.getDouble(),
                        in.getDouble(), in.getDouble(), in.getLong(), in.getInt(), in.getInt(),
                        Weighting.valueOf(in.getString()), in.getString());
                shares.put(d.adcode(), d);
            }
            return new PopulationSurface(new StudyArea(area, km2, method), projection, cell, gridX, gridY, doubles[0],
                    doubles[1], doubles[2], doubles[3], ints[0], ints[1], ints[2], ints[3], ints[4], doubles[4], adcodes,
                    shares);
        }
    }

    /** Big-endian values through a 1 MB buffer. */
    private static final class Output implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);

        Output(FileChannel channel) {
            this.channel = channel;
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                buffer.clear();
            }
        }

        void putInt(int v) throws IOException {
            room(4);
            buffer.putInt(v);
        }

        void putLong(long v) throws IOException {
            room(8);
            buffer.putLong(v);
        }

        void putDouble(double v) throws IOException {
            room(8);
            buffer.putDouble(v);
        }

        void putBytes(byte[] bytes) throws IOException {
            for (int at = 0; at < bytes.length; ) {
                room(1);
                int n = Math.min(buffer.remaining(), bytes.length - at);
                buffer.put(bytes, at, n);
                at += n;
            }
        }

        void putString(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            putBytes(b);
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                room(buffer.capacity());
                channel.force(false);
            }
        }
    }

    /** Reads what {@link Output} wrote; a short file is an IOException. */
    private static final class Input implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);

        Input(FileChannel channel) {
            this.channel = channel;
            buffer.limit(0);
        }

        private void need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("the file ends early");
                }
            }
            buffer.flip();
        }

        int getInt() throws IOException {
            need(4);
            return buffer.getInt();
        }

        long getLong() throws IOException {
            need(8);
            return buffer.getLong();
        }

        double getDouble() throws IOException {
            need(8);
            return buffer.getDouble();
        }

        /** A count of elements of {@code bytes} each that the file can hold. */
        int getLength(int bytes) throws IOException {
            int n = getInt();
            if (n < 0 || (long) n * bytes > channel.size()) {
                throw new IOException("bad length " + n);
            }
            return n;
        }

        byte[] getBytes(int length) throws IOException {
            if (length < 0 || length > channel.size()) {
                throw new IOException("bad length " + length);
            }
            byte[] b = new byte[length];
            for (int at = 0; at < length; ) {
                need(1);
                int n = Math.min(buffer.remaining(), length - at);
                buffer.get(b, at, n);
                at += n;
            }
            return b;
        }

        String getString() throws IOException {
            return new String(getBytes(getInt()), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
