package cn.servicemap.gis.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test-only writer of zips whose entries may lie about their size, and of zip bombs: the deflated data
 * of a part repeated many times is written without ever producing the inflated bytes (each piece is
 * deflated on its own and flushed to a byte boundary, so the pieces can be concatenated).
 */
final class TestZips {

    /** An entry: raw deflated data, the size its headers declare and the CRC they declare. */
    record Entry(String name, byte[] deflated, long declaredSize, long crc) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** An honest entry. */
    TestZips add(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        entries.add(new Entry(name, deflate(content, true), content.length, crc.getValue()));
        return this;
    }

    TestZips add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** An entry that inflates to head + chunk × times + tail but declares {@code declaredSize} bytes. */
    TestZips bomb(String name, String head, String chunk, long times, String tail, long declaredSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(deflate(head.getBytes(StandardCharsets.UTF_8), false));
        byte[] piece = deflate(chunk.getBytes(StandardCharsets.UTF_8), false);
        for (long i = 0; i < times; i++) {
            out.writeBytes(piece);
        }
        out.writeBytes(deflate(tail.getBytes(StandardCharsets.UTF_8), true));
        entries.add(new Entry(name, out.toByteArray(), declaredSize, 0));
        return this;
    }

    /** An honest entry that declares another size. */
    TestZips lying(String name, byte[] content, long declaredSize) {
        CRC32 crc = new CRC32();
        crc.update(content);
        entries.add(new Entry(name, deflate(content, true), declaredSize, crc.getValue()));
        return this;
    }

    /** Raw deflate data; not {@code last}: ends with a sync flush, to be followed by more. */
    static byte[] deflate(byte[] data, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        if (last) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
            if (last ? deflater.finished() : n < buffer.length) {
                break;
            }
        }
        deflater.end();
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            ByteBuffer local = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
            local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc()).putInt(e.deflated().length)
                    .putInt((int) e.declaredSize()).putShort((short) name.length).putShort((short) 0);
            out.writeBytes(local.array());
            out.writeBytes(name);
            out.writeBytes(e.deflated());
            ByteBuffer cen = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN);
            cen.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800).putShort((short) 8)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc()).putInt(e.deflated().length)
                    .putInt((int) e.declaredSize()).putShort((short) name.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset);
            central.writeBytes(cen.array());
            central.writeBytes(name);
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(central.size()).putInt(centralOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return Files.write(file, out.toByteArray());
    }

    // A minimal workbook as fastexcel-reader finds its parts: content types, workbook, its relationships, styles,
    // shared strings, sheet 1.

    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>";
    static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>";
    static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"站点\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
            + "Target=\"worksheets/sheet1.xml\"/></Relationships>";
    static final String SHEET_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_TAIL = "</sheetData></worksheet>";

    /** The parts of a workbook around sheet 1, with shared strings {@code strings}; add sheet 1 yourself. */
    static TestZips workbook(String... strings) {
        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String s : strings) {
            sst.append("<si><t>").append(s).append("</t></si>");
        }
        sst.append("</sst>");
        return new TestZips().add("[Content_Types].xml", CONTENT_TYPES).add("xl/workbook.xml", WORKBOOK)
                .add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS).add("xl/styles.xml", STYLES)
                .add("xl/sharedStrings.xml", sst.toString());
    }
}
