package cn.servicemap.gis.network;

import cn.servicemap.gis.CacheDiskFullException;
import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.EdgeIteratorState;
import com.graphhopper.util.FetchMode;
import com.graphhopper.util.Helper;
import com.graphhopper.util.PMap;
import com.graphhopper.util.PointList;
import com.graphhopper.jackson.Jackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Imports OSM data with GraphHopper 11 into {@code cacheDir/graph}, or loads it from there, and copies it into a
 * {@link RoadNetwork}. {@code cacheDir/manifest.properties} records the OSM file's size and SHA-256, the profiles
 * with a hash of their custom models, and the GraphHopper and format versions; any difference deletes the cached
 * graph and imports again, so the same extract uploaded again (another name, another time) reuses its graph. The
 * file is hashed only when its size or modification time differ from the manifest's. The manifest is written only
 * after a successful import; a failed import deletes the graph folder and the manifest (a full disk is reported as a
 * {@link CacheDiskFullException} naming the folder and its free space). Loading a complete cache writes nothing but
 * GraphHopper's empty lock file ({@code graph/gh.lock}, deleted on close), so it works on a full disk as long as the
 * file system can still create a file (an inode is left); where it cannot, GraphHopper fails to "obtain the read lock".
 *
 * <p>Settings: {@code prepare.min_network_size = 0} (we find components ourselves and flag, not drop, small
 * pieces), no CH/LM preparation, graph sorted along a Hilbert curve (good memory locality for the arrays).
 */
final class GraphHopperImport {
    private static final Logger LOG = LoggerFactory.getLogger(GraphHopperImport.class);
    private static final String FORMAT = "servicemap-network-1";
    private static final String GRAPHHOPPER = "11.0";

    private GraphHopperImport() {
    }

    static RoadNetwork open(Path osmFile, Path cacheDir, Set<TravelProfile> profiles) throws IOException {
        if (profiles.isEmpty())
            throw new IllegalArgumentException("at least one profile is needed");
        if (!Files.isRegularFile(osmFile))
            throw new IOException("OSM file not found: " + osmFile);
        String name = osmFile.getFileName().toString().toLowerCase();
        if (!(name.endsWith(".osm") || name.endsWith(".pbf") || name.endsWith(".osm.gz") || name.endsWith(".xml")))
            throw new IllegalArgumentException("expected an .osm (XML) or .pbf file: " + osmFile);
        Set<TravelProfile> sorted = EnumSet.copyOf(profiles);
        Files.createDirectories(cacheDir);
        Path graphDir = cacheDir.resolve("graph");
        Path manifestFile = cacheDir.resolve("manifest.properties");
        Properties stored = read(manifestFile);
        Properties wanted = manifest(osmFile, sorted, stored);
        boolean reuse = Files.isDirectory(graphDir) && sameGraph(wanted, stored);
        if (reuse && !wanted.equals(stored)) {
            // the same content under another name or time: remember them, skip the hash next time. Only a saving, so
            // a disk too full to write it does not keep the complete graph from loading
            try {
                write(manifestFile, wanted);
            } catch (IOException e) {
                LOG.warn("Could not update {} ({}); the cached graph is used, and {} is hashed again next time", manifestFile,
                        e.getMessage(), osmFile.getFileName());
            }
        }
        if (!reuse) {
            Files.deleteIfExists(manifestFile);
            deleteRecursively(graphDir);
        }
        long start = System.nanoTime();
        GraphHopper hopper = create(osmFile, graphDir, sorted);
        try {
            hopper.importOrLoad();
            if (!reuse)
                write(manifestFile, wanted);
        } catch (IOException | RuntimeException | Error e) {
            try {
                hopper.close(); // releases the files before they are deleted
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            if (!reuse) {
                discardPartialImport(graphDir, manifestFile, e);
                if (CacheDiskFullException.isDiskFull(e)) // GraphHopper wraps it: "Couldn't store bytes to ..."
                    throw new CacheDiskFullException("路网缓存文件夹", "road network cache folder", cacheDir, e);
            }
            throw e;
        }
        try {
            String description = osmFile.getFileName() + (reuse ? " (cached graph)" : " (imported)");
            RoadNetwork network = copy(hopper, sorted, description);
            LOG.info("{} {}: {} nodes, {} edges, {} ms", reuse ? "loaded" : "imported", osmFile.getFileName(),
                    network.nodeCount(), network.edgeCount(), (System.nanoTime() - start) / 1_000_000);
            return network;
        } finally {
            hopper.close();
        }
    }

    private static GraphHopper create(Path osmFile, Path graphDir, Set<TravelProfile> profiles) {
        GraphHopper hopper = new GraphHopper();
        hopper.setImportRegistry(new ServiceMapImportRegistry());
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(graphDir.toString());
        hopper.setMinNetworkSize(0);
        hopper.setSortGraph(true);
        Set<String> encodedValues = new LinkedHashSet<>();
        List<Profile> ghProfiles = new ArrayList<>();
        for (TravelProfile profile : profiles) {
            for (String ev : profile.encodedValues().split(","))
                encodedValues.add(ev.trim());
            ghProfiles.add(new Profile(profile.profileName()).setCustomModel(customModel(profile)));
        }
        hopper.setEncodedValuesString(String.join(", ", encodedValues));
        hopper.setProfiles(ghProfiles);
        return hopper;
    }

    /** Reads the profile's custom model JSON (comments allowed) from the classpath. */
    static CustomModel customModel(TravelProfile profile) {
        try {
            return Jackson.newObjectMapper().readValue(modelJson(profile), CustomModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("bad custom model JSON in " + profile.customModelResource(), e);
        }
    }

    static String modelJson(TravelProfile profile) {
        try (InputStream in = TravelProfile.class.getResourceAsStream(profile.customModelResource())) {
            if (in == null)
                throw new IllegalStateException("missing resource " + profile.customModelResource());
            return Helper.readJSONFileWithoutComments(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RoadNetwork copy(GraphHopper hopper, Set<TravelProfile> profiles, String description) {
        BaseGraph graph = hopper.getBaseGraph();
        NodeAccess nodes = graph.getNodeAccess();
        RoadNetworkBuilder builder = RoadNetwork.builder().description(description);
        for (TravelProfile profile : profiles)
            builder.profile(profile);
        for (int n = 0; n < graph.getNodes(); n++)
            builder.addNode(nodes.getLon(n), nodes.getLat(n));
        List<Weighting> weightings = new ArrayList<>();
        for (TravelProfile profile : profiles)
            weightings.add(hopper.createWeighting(hopper.getProfile(profile.profileName()), new PMap()));
        for (int e = 0; e < graph.getEdges(); e++) {
            EdgeIteratorState edge = graph.getEdgeIteratorState(e, Integer.MIN_VALUE);
            PointList pillars = edge.fetchWayGeometry(FetchMode.PILLAR_ONLY);
            double[] lonLat = new double[2 * pillars.size()];
            for (int i = 0; i < pillars.size(); i++) {
                lonLat[2 * i] = pillars.getLon(i);
                lonLat[2 * i + 1] = pillars.getLat(i);
            }
            int id = builder.addEdge(edge.getBaseNode(), edge.getAdjNode(), edge.getDistance(), lonLat);
            if (id != e)
                throw new IllegalStateException("edge ids are not dense");
            builder.name(id, edge.getName());
            int i = 0;
            for (TravelProfile profile : profiles) {
                Weighting weighting = weightings.get(i++);
                builder.access(profile, id, millis(weighting, edge, false), millis(weighting, edge, true));
            }
        }
        return builder.build();
    }

    private static int millis(Weighting weighting, EdgeIteratorState edge, boolean reverse) {
        double weight = weighting.calcEdgeWeight(edge, reverse);
        if (Double.isInfinite(weight) || Double.isNaN(weight))
            return ProfileGraph.NO_ACCESS;
        long millis = weighting.calcEdgeMillis(edge, reverse);
        if (millis < 0 || millis > Integer.MAX_VALUE / 4)
            throw new IllegalStateException("edge " + edge.getEdge() + " takes " + millis + " ms");
        return (int) millis;
    }

    /** The graph depends on these; the file's name and time only say when the hash can be skipped. */
    private static final Set<String> IDENTITY = Set.of("format", "graphhopper", "osm.size", "osm.sha256", "profiles");

    private static boolean sameGraph(Properties a, Properties b) {
        return IDENTITY.stream().allMatch(k -> a.getProperty(k) != null && a.getProperty(k).equals(b.getProperty(k)));
    }

    private static Properties manifest(Path osmFile, Set<TravelProfile> profiles, Properties stored) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("graphhopper", GRAPHHOPPER);
        p.setProperty("osm.file", osmFile.getFileName().toString());
        p.setProperty("osm.size", Long.toString(Files.size(osmFile)));
        p.setProperty("osm.mtime", Long.toString(Files.getLastModifiedTime(osmFile).toMillis()));
        boolean unchanged = p.getProperty("osm.file").equals(stored.getProperty("osm.file"))
                && p.getProperty("osm.size").equals(stored.getProperty("osm.size"))
                && p.getProperty("osm.mtime").equals(stored.getProperty("osm.mtime")) && stored.getProperty("osm.sha256") != null;
        p.setProperty("osm.sha256", unchanged ? stored.getProperty("osm.sha256") : sha256(osmFile));
        p.setProperty("profiles", profiles.stream().map(t -> t.profileName() + ":" + sha256(modelJson(t)))
                .collect(Collectors.joining(",")));
        return p;
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file))
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        return p;
    }

    /** Writes a temporary file and moves it into place: a reader sees the old manifest or the new one, never half. */
    private static void write(Path file, Properties p) throws IOException {
        Path tmp = temporary(file);
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "ServiceMap road network cache; delete the directory to force a re-import");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException deleting) {
                e.addSuppressed(deleting);
            }
            throw e;
        }
    }

    private static Path temporary(Path manifestFile) {
        return manifestFile.resolveSibling(manifestFile.getFileName() + ".tmp");
    }

    /**
     * Deletes what a failed import wrote: the graph folder, the manifest and its temporary file. The manifest is written
     * last, so a next run would import again anyway; deleting now releases the space at once (on a full disk, what the
     * operator needs) and leaves no graph that looks complete. Failures to delete are added to {@code failure}.
     */
    private static void discardPartialImport(Path graphDir, Path manifestFile, Throwable failure) {
        for (Path p : List.of(manifestFile, temporary(manifestFile))) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
        try {
            deleteRecursively(graphDir);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir))
            return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
