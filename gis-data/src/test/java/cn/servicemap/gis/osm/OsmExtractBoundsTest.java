package cn.servicemap.gis.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.servicemap.gis.testdata.TestData;
import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.openstreetmap.osmosis.osmbinary.Fileformat;
import org.openstreetmap.osmosis.osmbinary.Osmformat;

/** What an extract says it covers: the XML {@code <bounds>} or the PBF header box, and nothing else. */
class OsmExtractBoundsTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheBoundsElementOfAnOsmFile() throws IOException {
        Path osm = xml("<bounds minlat=\"32.02\" minlon=\"118.76\" maxlat=\"32.06\" maxlon=\"118.80\"/>\n<node id=\"1\" lat=\"32.03\" lon=\"118.77\"/>");
        assertThat(OsmExtractBounds.read(osm)).contains(new Envelope(118.76, 118.80, 32.02, 32.06));
    }

    @Test
    void shouldDeclareNothingWithoutBoundsOrWithABrokenBox() throws IOException {
        assertThat(OsmExtractBounds.read(TestData.nanjingOsm())).isEmpty(); // an Overpass answer
        assertThat(OsmExtractBounds.read(xml("<node id=\"1\" lat=\"32.03\" lon=\"118.77\"/>\n<bounds minlat=\"0\" minlon=\"0\" maxlat=\"1\" maxlon=\"1\"/>")))
                .as("bounds after the first node are not a header").isEmpty();
        assertThat(OsmExtractBounds.read(xml("<bounds minlat=\"32.06\" minlon=\"118.76\" maxlat=\"32.02\" maxlon=\"118.80\"/>"))).isEmpty();
        assertThat(OsmExtractBounds.read(xml("<bounds minlat=\"north\" minlon=\"118.76\" maxlat=\"32.02\" maxlon=\"118.80\"/>"))).isEmpty();
        assertThat(OsmExtractBounds.read(xml("<bounds minlat=\"32\" minlon=\"118.76\" maxlat=\"95\" maxlon=\"118.80\"/>"))).isEmpty();
    }

    @Test
    void shouldReadThePbfHeaderBoxRawOrCompressed() throws IOException {
        Osmformat.HeaderBBox box = Osmformat.HeaderBBox.newBuilder().setLeft(118_760_000_000L).setRight(118_800_000_000L)
                .setBottom(32_020_000_000L).setTop(32_060_000_000L).build();
        Envelope expected = new Envelope(118.76, 118.80, 32.02, 32.06);
        Envelope raw = OsmExtractBounds.read(pbf(header(box), false)).orElseThrow();
        Envelope zlib = OsmExtractBounds.read(pbf(header(box), true)).orElseThrow();
        for (Envelope e : new Envelope[]{raw, zlib}) {
            assertThat(e.getMinX()).isCloseTo(expected.getMinX(), org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.getMaxY()).isCloseTo(expected.getMaxY(), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(OsmExtractBounds.read(pbf(header(null), true))).isEmpty();
    }

    @Test
    void shouldRefuseAFileThatIsNotPbf() throws IOException {
        Path notPbf = dir.resolve("renamed.osm.pbf");
        Files.writeString(notPbf, "<?xml version=\"1.0\"?><osm/>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OsmExtractBounds.read(notPbf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an OSM .pbf file");
        Path empty = dir.resolve("empty.pbf");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> OsmExtractBounds.read(empty)).hasMessageContaining("empty");
    }

    private Path xml(String body) throws IOException {
        Path file = Files.createTempFile(dir, "extract", ".osm");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"test\">\n"
                + "<note>test</note>\n" + body + "\n</osm>\n", StandardCharsets.UTF_8);
        return file;
    }

    private static Osmformat.HeaderBlock header(Osmformat.HeaderBBox box) {
        Osmformat.HeaderBlock.Builder b = Osmformat.HeaderBlock.newBuilder().addRequiredFeatures("OsmSchema-V0.6")
                .addRequiredFeatures("DenseNodes");
        if (box != null) {
            b.setBbox(box);
        }
        return b.build();
    }

    /** A .pbf file holding only the OSMHeader blob, as the PBF format writes it (length-prefixed BlobHeader, Blob). */
    private Path pbf(Osmformat.HeaderBlock header, boolean compress) throws IOException {
        byte[] content = header.toByteArray();
        Fileformat.Blob.Builder blob = Fileformat.Blob.newBuilder().setRawSize(content.length);
        if (compress) {
            Deflater deflater = new Deflater();
            deflater.setInput(content);
            deflater.finish();
            byte[] buffer = new byte[content.length + 64];
            int n = deflater.deflate(buffer);
            deflater.end();
            blob.setZlibData(ByteString.copyFrom(buffer, 0, n));
        } else {
            blob.setRaw(ByteString.copyFrom(content));
        }
        byte[] blobBytes = blob.build().toByteArray();
        byte[] headerBytes = Fileformat.BlobHeader.newBuilder().setType("OSMHeader").setDatasize(blobBytes.length).build().toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(headerBytes.length);
        data.write(headerBytes);
        data.write(blobBytes);
        Path file = Files.createTempFile(dir, "extract", ".osm.pbf");
        Files.write(file, out.toByteArray());
        return file;
    }
}
