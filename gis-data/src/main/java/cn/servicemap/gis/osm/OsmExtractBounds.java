package cn.servicemap.gis.osm;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Envelope;
import org.openstreetmap.osmosis.osmbinary.Fileformat;
import org.openstreetmap.osmosis.osmbinary.Osmformat;

/**
 * The area an OSM extract says it covers: the {@code <bounds>} element of an .osm file (written by the OSM API,
 * JOSM, osmium and Osmosis) or the bounding box of a .pbf file's header block (osmium, Osmosis, Geofabrik), in
 * WGS84 degrees. Only the file's own statement counts: the extent of its nodes does not, since an extract cut with
 * complete ways carries long ways far beyond the area it was cut for. Files without one (e.g. Overpass answers)
 * give nothing, and callers must then assume only what the roads show.
 *
 * <p>Reads only the start of the file: up to the first node, way or relation of an .osm file, the first blob of a
 * .pbf file. A box is read as given; a polygon extract's box is larger than its polygon, which callers should
 * bear in mind (an extract of a whole city cut by its boundary has the city's bounding box).
 */
public final class OsmExtractBounds {

    /** PBF limits a blob header to 64 KiB and a blob to 32 MiB; a header block is far smaller. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;

    private OsmExtractBounds() {
    }

    /**
     * @return the box the file declares, or empty when it declares none
     * @throws IllegalArgumentException when the start of the file is not OSM XML or PBF
     */
    public static Optional<Envelope> read(Path osmFile) {
        String name = osmFile.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(osmFile))) {
            return name.endsWith(".pbf") ? fromPbf(in) : fromXml(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM file " + osmFile + ": " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("OSM file " + osmFile + " is not valid OSM XML", e);
        }
    }

    private static Optional<Envelope> fromXml(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "bounds" -> {
                        try {
                            return box(Double.parseDouble(xml.getAttributeValue(null, "minlon")),
                                    Double.parseDouble(xml.getAttributeValue(null, "minlat")),
                                    Double.parseDouble(xml.getAttributeValue(null, "maxlon")),
                                    Double.parseDouble(xml.getAttributeValue(null, "maxlat")));
                        } catch (NumberFormatException | NullPointerException e) {
                            return Optional.empty(); // a malformed box declares nothing we can use
                        }
                    }
                    case "node", "way", "relation" -> {
                        return Optional.empty();
                    }
                    default -> {
                        // <osm>, <note>, <meta>: keep reading
                    }
                }
            }
            return Optional.empty();
        } finally {
            xml.close();
        }
    }

    /** The box when it is a real one in degrees (minimum first, non-empty); else nothing. */
    private static Optional<Envelope> box(double minLon, double minLat, double maxLon, double maxLat) {
        boolean sane = minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon < maxLon && minLat < maxLat;
        return sane ? Optional.of(new Envelope(minLon, maxLon, minLat, maxLat)) : Optional.empty();
    }

    /** The first blob must be the OSMHeader (PBF format description); its HeaderBlock may carry a HeaderBBox. */
    private static Optional<Envelope> fromPbf(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int headerLength;
        try {
            headerLength = data.readInt();
        } catch (EOFException e) {
            throw new IllegalArgumentException("the .pbf file is empty");
        }
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("not an OSM .pbf file (blob header of " + headerLength + " bytes)");
        }
        Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(data.readNBytes(headerLength));
        if (!"OSMHeader".equals(header.getType()) || header.getDatasize() <= 0 || header.getDatasize() > MAX_BLOB_BYTES) {
            throw new IllegalArgumentException("not an OSM .pbf file (first blob is '" + header.getType() + "')");
        }
        Fileformat.Blob blob = Fileformat.Blob.parseFrom(data.readNBytes(header.getDatasize()));
        Osmformat.HeaderBlock block = Osmformat.HeaderBlock.parseFrom(content(blob));
        if (!block.hasBbox()) {
            return Optional.empty();
        }
        Osmformat.HeaderBBox b = block.getBbox();
        // HeaderBBox is in nanodegrees
        return box(b.getLeft() * 1e-9, b.getBottom() * 1e-9, b.getRight() * 1e-9, b.getTop() * 1e-9);
    }

    private static byte[] content(Fileformat.Blob blob) throws IOException {
        if (blob.hasRaw()) {
            return blob.getRaw().toByteArray();
        }
        if (!blob.hasZlibData() || blob.getRawSize() <= 0 || blob.getRawSize() > MAX_BLOB_BYTES) {
            throw new IllegalArgumentException("the .pbf header blob is neither raw nor zlib within 32 MiB");
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().toByteArray());
            byte[] out = new byte[blob.getRawSize()];
            int n = inflater.inflate(out);
            if (n != out.length) {
                throw new IllegalArgumentException("the .pbf header blob inflates to " + n + " bytes, not " + out.length);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the .pbf header blob is not valid zlib data", e);
        } finally {
            inflater.end();
        }
    }
}
