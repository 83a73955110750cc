package cn.servicemap.gis.table;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sequential reader of a dBASE III table (.dbf), the attribute part of a Shapefile. Field types
 * C (text), N and F (numbers, as plain decimals), L (true/false) and D (yyyy-MM-dd) are rendered as
 * text; other types are passed through as trimmed text. Memo (.dbt) contents are not read.
 */
final class DbfReader implements Closeable {

    /** One field descriptor. */
    record Field(String name, char type, int length) {
    }

    /** One record; {@code deleted} records are to be skipped (but counted). */
    record DbfRecord(boolean deleted, Map<String, String> values, List<String> problems) {
    }

    private final InputStream in;
    private final Charset charset;
    private final List<Field> fields;
    private final int recordCount;
    private final int headerLength;
    private final int recordLength;
    private int recordsRead;

    private DbfReader(InputStream in, Charset charset, List<Field> fields, int recordCount, int headerLength,
                      int recordLength) {
        this.in = in;
        this.charset = charset;
        this.fields = fields;
        this.recordCount = recordCount;
        this.headerLength = headerLength;
        this.recordLength = recordLength;
    }

    /** Reads the header; field names are decoded with {@code charset}. */
    static DbfReader open(InputStream raw, Charset charset) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        ByteBuffer header = ByteBuffer.wrap(readFully(in, 32, "header")).order(ByteOrder.LITTLE_ENDIAN);
        int recordCount = header.getInt(4);
        int headerLength = Short.toUnsignedInt(header.getShort(8));
        int recordLength = Short.toUnsignedInt(header.getShort(10));
        if (recordCount < 0 || headerLength < 33 || recordLength < 1) {
            throw new IOException("the .dbf file has a damaged header");
        }
        List<Field> fields = new ArrayList<>();
        int position = 32;
        while (position + 32 <= headerLength) {
            int first = in.read();
            position++;
            if (first == 0x0D || first < 0) {
                break;
            }
            byte[] descriptor = new byte[32];
            descriptor[0] = (byte) first;
            System.arraycopy(readFully(in, 31, "field list"), 0, descriptor, 1, 31);
            position += 31;
            int nameLength = 0;
            while (nameLength < 11 && descriptor[nameLength] != 0) {
                nameLength++;
            }
            String name = new String(descriptor, 0, nameLength, charset).strip();
            fields.add(new Field(name, (char) (descriptor[11] & 0xFF), descriptor[16] & 0xFF));
        }
        in.skipNBytes(Math.max(0, headerLength - position));
        return new DbfReader(in, charset, List.copyOf(fields), recordCount, headerLength, recordLength);
    }

    List<Field> fields() {
        return fields;
    }

    int recordCount() {
        return recordCount;
    }

    /** The size of the table as its header declares it: header plus records (not to be trusted, only to refuse). */
    long declaredSize() {
        return headerLength + (long) recordCount * recordLength;
    }

    /** The next record, or null after the last one (or at a premature end of file). */
    DbfRecord next() throws IOException {
        if (recordsRead >= recordCount) {
            return null;
        }
        byte[] record = in.readNBytes(recordLength);
        if (record.length < recordLength || record[0] == 0x1A) {
            return null;
        }
        recordsRead++;
        boolean deleted = record[0] == '*';
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int offset = 1;
        for (Field field : fields) {
            int length = Math.min(field.length(), record.length - offset);
            values.put(field.name(), value(field, record, offset, Math.max(0, length), problems));
            offset += field.length();
        }
        return new DbfRecord(deleted, values, problems);
    }

    /**
     * Encoding detection: whether the field names and every text (C) field of the remaining records are
     * valid UTF-8 (a character cut off at the end of a field is tolerated). Open the reader with
     * ISO-8859-1 for this, so that names keep their raw bytes. Reads to the end of the table.
     */
    boolean allTextFieldsAreUtf8() throws IOException {
        for (Field field : fields) {
            byte[] name = field.name().getBytes(charset);
            if (!TextEncoding.isStrictUtf8AllowingCutTail(name, 0, name.length)) {
                return false;
            }
        }
        while (recordsRead < recordCount) {
            byte[] record = in.readNBytes(recordLength);
            if (record.length < recordLength || record[0] == 0x1A) {
                break;
            }
            recordsRead++;
            int offset = 1;
            for (Field field : fields) {
                if (field.type() == 'C' && !TextEncoding.isStrictUtf8AllowingCutTail(record, offset,
                        Math.min(field.length(), record.length - offset))) {
                    return false;
                }
                offset += field.length();
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private String value(Field field, byte[] record, int offset, int length, List<String> problems) {
        String ascii = new String(record, offset, length, StandardCharsets.ISO_8859_1).strip();
        switch (field.type()) {
            case 'N', 'F' -> {
                if (ascii.isEmpty() || ascii.chars().allMatch(c -> c == '*') || ascii.equals("-")) {
                    return "";
                }
                try {
                    return Cells.decimal(new BigDecimal(ascii));
                } catch (NumberFormatException e) {
                    problems.add("field " + field.name() + " holds '" + ascii + "', which is not a number");
                    return ascii;
                }
            }
            case 'L' -> {
                return switch (ascii.isEmpty() ? '?' : Character.toUpperCase(ascii.charAt(0))) {
                    case 'T', 'Y' -> "true";
                    case 'F', 'N' -> "false";
                    default -> "";
                };
            }
            case 'D' -> {
                if (ascii.isEmpty() || ascii.equals("00000000")) {
                    return "";
                }
                try {
                    return LocalDate.of(Integer.parseInt(ascii.substring(0, 4)), Integer.parseInt(ascii.substring(4, 6)),
                            Integer.parseInt(ascii.substring(6, 8))).toString();
                } catch (NumberFormatException | IndexOutOfBoundsException | DateTimeException e) {
                    problems.add("field " + field.name() + " holds '" + ascii + "', which is not a date (yyyyMMdd)");
                    return ascii;
                }
            }
            default -> {
                int end = offset;
                while (end < offset + length && record[end] != 0) {
                    end++;
                }
                String text = new String(record, offset, end - offset, charset).strip();
                if (text.indexOf('\uFFFD') >= 0) {
                    problems.add("field " + field.name() + " holds bytes that are not valid " + charset.name()
                            + " text: check the layer's .cpg encoding");
                }
                return text;
            }
        }
    }

    private static byte[] readFully(InputStream in, int length, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("the .dbf file ends inside its " + what);
        }
        return bytes;
    }
}
