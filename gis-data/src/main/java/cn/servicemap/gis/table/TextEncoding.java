package cn.servicemap.gis.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Text encoding detection for files from Chinese offices: a BOM decides (UTF-8, UTF-16LE/BE);
 * otherwise the whole file is scanned, streaming, with a strict UTF-8 decoder, and anything that
 * is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312, what "ANSI" means on Chinese
 * Windows). Pure ASCII counts as UTF-8.
 */
final class TextEncoding {

    /** GB18030 decodes every GBK and GB2312 byte sequence identically. */
    static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncoding() {
    }

    /** A detected encoding; {@code bomLength} bytes at the start of the file are to be skipped. */
    record Detected(Charset charset, int bomLength, String label) {
    }

    static Detected detect(Path file) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3, "UTF-8");
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2, "UTF-16LE");
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2, "UTF-16BE");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return isStrictUtf8(in)
                    ? new Detected(StandardCharsets.UTF_8, 0, "UTF-8")
                    : new Detected(GB18030, 0, "GBK");
        }
    }

    /** Whether the whole stream is valid UTF-8; reads it to the end in 64 KiB chunks. */
    static boolean isStrictUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = strictUtf8();
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        byte[] chunk = new byte[32 * 1024];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            bytes.put(chunk, 0, n).flip();
            if (decodeFails(decoder, bytes, chars, false)) {
                return false;
            }
            bytes.compact();
        }
        bytes.flip();
        return !decodeFails(decoder, bytes, chars, true);
    }

    /** Whether a byte range is valid UTF-8; a multi-byte character cut off at the end is tolerated. */
    static boolean isStrictUtf8AllowingCutTail(byte[] data, int offset, int length) {
        CharsetDecoder decoder = strictUtf8();
        CharBuffer chars = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(data, offset, length), chars, false);
        return !result.isError();
    }

    private static boolean decodeFails(CharsetDecoder decoder, ByteBuffer bytes, CharBuffer chars, boolean end) {
        while (true) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, end);
            if (result.isError()) {
                return true;
            }
            if (result.isUnderflow()) {
                if (end) {
                    chars.clear();
                    return decoder.flush(chars).isError() || bytes.hasRemaining();
                }
                return false;
            }
        }
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The charset named by a Shapefile .cpg file ("UTF-8", "GBK", "936", "CP936", "GB2312",
     * "GB18030", "ANSI 936", "1252", …); empty if blank or unknown. All Chinese names map to GB18030.
     */
    static Optional<Charset> fromCodePage(String cpg) {
        String key = cpg == null ? "" : cpg.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        if (key.startsWith("ANSI")) {
            key = key.substring(4);
        }
        switch (key) {
            case "" -> {
                return Optional.empty();
            }
            case "UTF8", "65001" -> {
                return Optional.of(StandardCharsets.UTF_8);
            }
            case "GBK", "936", "CP936", "GB2312", "GB18030", "EUCCN", "54936" -> {
                return Optional.of(GB18030);
            }
            case "88591", "ISO88591", "LATIN1" -> {
                return Optional.of(StandardCharsets.ISO_8859_1);
            }
            case "1252", "CP1252", "WINDOWS1252" -> {
                return Optional.of(Charset.forName("windows-1252"));
            }
            default -> {
                try {
                    return Optional.of(Charset.forName(cpg.strip()));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
    }
}
