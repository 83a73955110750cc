package cn.servicemap.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Images made in the test, real and hostile: JPEGs (with an EXIF block carrying a date taken, an orientation and a GPS
 * position, written byte by byte), PNGs, a PNG header that declares 30,000 × 30,000 pixels without any of them, a
 * truncated JPEG, a zip, and a small real WebP (made with libwebp's cwebp from {@link #jpegWithExif}, kept as a test
 * resource: Java has no WebP writer).
 */
final class TestPhotos {

    /** The EXIF date taken written by {@link #jpegWithExif}. */
    static final String EXIF_DATE = "2026:05:01 14:30:00";

    private TestPhotos() {
    }

    /** A picture: left half red, right half blue, a grey bar across the middle. */
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(220, 30, 30));
        g.fillRect(0, 0, width / 2, height);
        g.setColor(new Color(30, 60, 220));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.setColor(Color.GRAY);
        g.fillRect(0, height / 2 - height / 20, width, Math.max(1, height / 10));
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height) {
        return write(picture(width, height), "jpeg");
    }

    static byte[] png(int width, int height) {
        return write(picture(width, height), "png");
    }

    /** A PNG with transparency: a red disc on nothing. */
    static byte[] transparentPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return write(image, "png");
    }

    /**
     * A JPEG as a phone writes it: an EXIF APP1 segment right after SOI with the orientation, DateTimeOriginal
     * {@link #EXIF_DATE} and a GPS position (latitude and longitude as degrees, minutes, seconds).
     */
    static byte[] jpegWithExif(int width, int height, int orientation, double lat, double lon) {
        byte[] plain = jpeg(width, height);
        byte[] tiff = tiff(orientation, lat, lon);
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        out.writeBytes(app1.array());
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A big-endian TIFF block: IFD0 (orientation, Exif and GPS pointers), the Exif IFD (date taken), the GPS IFD. */
    private static byte[] tiff(int orientation, double lat, double lon) {
        int ifd0 = 8;
        int exif = ifd0 + 2 + 3 * 12 + 4;
        int gps = exif + 2 + 12 + 4;
        int date = gps + 2 + 5 * 12 + 4;
        int latAt = date + 20;
        int lonAt = latAt + 24;
        ByteBuffer t = ByteBuffer.allocate(lonAt + 24).order(ByteOrder.BIG_ENDIAN);
        t.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        t.putShort((short) 3);
        entry(t, 0x0112, 3, 1, orientation << 16); // SHORT, left-justified in the value field
        entry(t, 0x8769, 4, 1, exif);
        entry(t, 0x8825, 4, 1, gps);
        t.putInt(0);
        t.putShort((short) 1);
        entry(t, 0x9003, 2, 20, date);
        t.putInt(0);
        t.putShort((short) 5);
        entry(t, 0x0000, 1, 4, 0x02030000);        // GPSVersionID 2.3.0.0
        entry(t, 0x0001, 2, 2, 'N' << 24);          // GPSLatitudeRef "N"
        entry(t, 0x0002, 5, 3, latAt);              // GPSLatitude
        entry(t, 0x0003, 2, 2, 'E' << 24);          // GPSLongitudeRef "E"
        entry(t, 0x0004, 5, 3, lonAt);              // GPSLongitude
        t.putInt(0);
        t.put((EXIF_DATE + "\0").getBytes(StandardCharsets.US_ASCII));
        dms(t, lat);
        dms(t, lon);
        return t.array();
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int value) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void dms(ByteBuffer t, double degrees) {
        int d = (int) degrees;
        int m = (int) ((degrees - d) * 60);
        int s100 = (int) Math.round(((degrees - d) * 60 - m) * 60 * 100);
        t.putInt(d).putInt(1).putInt(m).putInt(1).putInt(s100).putInt(100);
    }

    /**
     * A PNG whose header declares {@code width} × {@code height} (RGB, 8 bits) followed by one tiny IDAT and IEND: a
     * decoder that believed it would allocate width × height × 3 bytes.
     */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[128];
        int n = deflater.deflate(idat);
        chunk(out, "IDAT", Arrays.copyOf(idat, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The first {@code share} of the bytes, as an interrupted upload or copy leaves a file. */
    static byte[] truncated(byte[] bytes, double share) {
        return Arrays.copyOf(bytes, (int) (bytes.length * share));
    }

    /** A real zip archive holding one text file (what a "photo.jpg" that is really a zip holds). */
    static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("不是图片 not an image".repeat(20).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A 64 × 48 lossy WebP with the EXIF of {@link #jpegWithExif} (orientation 1, a GPS position in Nanjing). */
    static byte[] webp() {
        try (InputStream in = TestPhotos.class.getResourceAsStream("/photos/entrance-exif.webp")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
