package cn.servicemap.photos;

import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.ServiceMapProperties;
import cn.servicemap.system.ServiceUnavailableException;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Checks an uploaded photo and makes what is kept of it, in this order, each step refusing with a 400 that names the
 * field {@code file}:
 * <ol>
 * <li>bytes: not empty, at most {@code maxFileSize};</li>
 * <li>type, from the magic bytes alone (the name and the declared content type are never trusted): JPEG
 * ({@code FF D8 FF}), PNG (its 8-byte signature) or WebP ({@code RIFF....WEBP});</li>
 * <li>size: the width and height the header declares, read without decoding, within {@code maxPixels} and
 * {@code maxSideInPixels} — a 30,000 × 30,000 PNG is refused before a pixel is allocated;</li>
 * <li>decoding the whole image (at most {@code decodingAtOnce} at a time), which proves it is one: a decoder error is a
 * damaged file, and a JPEG that ends early — ImageIO decodes it with a warning and grey rows — is refused as truncated;</li>
 * <li>EXIF, read before it goes: the orientation (applied to the pixels) and DateTimeOriginal (the date taken, when it
 * is a plausible date no later than {@code today});</li>
 * <li>re-encoding the pixels alone as JPEG — which drops every EXIF, XMP and GPS tag — scaled down to at most
 * {@code storedSideInPixels}, and a thumbnail of at most {@code thumbnailSideInPixels}; transparency is laid on white.</li>
 * </ol>
 * Large images are decoded with source subsampling (every n-th pixel) down to about twice the stored size, which
 * bounds the memory a decode takes. Thread-safe.
 */
final class PhotoImages {

    /** The image types taken, with the name ImageIO knows them by. */
    enum Format {
        JPEG, PNG, WEBP
    }

    /** What is kept of a photo: the image and its thumbnail (JPEG, no metadata), their sizes, and the EXIF date taken. */
    record Processed(byte[] image, int width, int height, byte[] thumbnail, int thumbnailWidth, int thumbnailHeight,
                     LocalDate takenAt) {
    }

    static final String FIELD = "file";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final float IMAGE_QUALITY = 0.85f;
    private static final float THUMBNAIL_QUALITY = 0.80f;

    private final ServiceMapProperties.Photos limits;
    private final Semaphore decoding;

    PhotoImages(ServiceMapProperties.Photos limits) {
        this.limits = limits;
        this.decoding = new Semaphore(Math.max(1, limits.decodingAtOnce()), true);
    }

    /**
     * Checks and processes an upload.
     *
     * @param today the local date now: an EXIF date after it is a camera's wrong clock, not the date taken
     * @throws InvalidRequestException the file is refused (field {@code file}, a reason in Chinese and English)
     * @throws ServiceUnavailableException too many photos are being decoded now
     */
    Processed process(byte[] bytes, LocalDate today) {
        checkSize(bytes.length);
        Format format = sniff(bytes);
        if (format == null) {
            throw refused("NOT_AN_IMAGE", "文件不是 JPEG、PNG 或 WebP 图片 (the file is not a JPEG, PNG or WebP image)");
        }
        try {
            if (!decoding.tryAcquire(30, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            BufferedImage pixels = decode(bytes, format);
            Exif exif = exif(bytes, today);
            BufferedImage stored = scaleToFit(oriented(pixels, exif.orientation()), limits.storedSideInPixels());
            BufferedImage thumbnail = scaleToFit(stored, limits.thumbnailSideInPixels());
            return new Processed(jpeg(stored, IMAGE_QUALITY), stored.getWidth(), stored.getHeight(), jpeg(thumbnail, THUMBNAIL_QUALITY),
                    thumbnail.getWidth(), thumbnail.getHeight(), exif.takenAt());
        } finally {
            decoding.release();
        }
    }

    /** The type the magic bytes say, or null for anything else (a zip, a PDF, text, an image of another type). */
    static Format sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length >= PNG_SIGNATURE.length && java.util.Arrays.equals(b, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return Format.PNG;
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return Format.WEBP;
        }
        return null;
    }

    /** An upload's size within the limit, checked before its bytes are read into memory (400 EMPTY or TOO_LARGE). */
    void checkSize(long bytes) {
        if (bytes == 0) {
            throw refused("EMPTY", "文件是空的 (the file is empty)");
        }
        long max = limits.maxFileSize().toBytes();
        if (bytes > max) {
            throw refused("TOO_LARGE", "文件过大：" + size(bytes) + "，上限 " + size(max) + " (the file is " + size(bytes)
                    + "; at most " + size(max) + ")");
        }
    }

    /** The header's size checked against the limits, then the whole image decoded (subsampled when large). */
    private BufferedImage decode(byte[] bytes, Format format) {
        ImageReader reader = reader(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw refused("DAMAGED", "无法读取图片尺寸：文件已损坏或不完整 (the image's size cannot be read: the file is damaged or "
                        + "incomplete)");
            }
            checkPixels(width, height);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(String.valueOf(warning)));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, (int) Math.ceil(Math.max(width, height) / (2.0 * limits.storedSideInPixels())));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image;
            try {
                image = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw causedBy(e, EOFException.class) ? truncated() : damaged();
            }
            for (String w : warnings) {
                String text = w.toLowerCase(Locale.ROOT);
                if (text.contains("truncated") || text.contains("premature end") || text.contains("eoi")) {
                    throw truncated();
                }
                if (text.contains("corrupt")) {
                    throw damaged();
                }
                // others (an embedded colour profile that is ignored, a JFIF thumbnail marker) do not harm the pixels
            }
            if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                throw damaged();
            }
            return image;
        } catch (IOException e) { // closing an in-memory stream
            throw damaged();
        } finally {
            reader.dispose();
        }
    }

    private void checkPixels(int width, int height) {
        long pixels = (long) width * height;
        if (width < 1 || height < 1 || pixels > limits.maxPixels() || Math.max(width, height) > limits.maxSideInPixels()) {
            String mp = megapixels(limits.maxPixels());
            throw refused("TOO_MANY_PIXELS", "图片过大：" + width + " × " + height + " 像素，上限 " + mp + " 百万像素、最长边 "
                    + limits.maxSideInPixels() + " 像素 (the image is " + width + " × " + height + " pixels; at most " + mp
                    + " megapixels and " + limits.maxSideInPixels() + " pixels on its longest side)");
        }
    }

    private static ImageReader reader(Format format) {
        if (format == Format.WEBP) { // ImageIO has no WebP reader of its own: TwelveMonkeys', without relying on plugin scanning
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        var readers = ImageIO.getImageReadersByFormatName(format == Format.JPEG ? "jpeg" : "png");
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        return readers.next();
    }

    /** EXIF orientation and date taken; none when the file has no EXIF or EXIF the library cannot read. */
    private record Exif(int orientation, LocalDate takenAt) {
    }

    private static Exif exif(byte[] bytes, LocalDate today) {
        int orientation = 1;
        LocalDate taken = null;
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
            ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            if (sub != null) {
                taken = exifDate(sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL), today);
            }
        } catch (Exception e) {
            // unreadable metadata is no reason to refuse a photo whose pixels decoded: it is dropped all the same
        }
        return new Exif(orientation, taken);
    }

    /** "2026:05:01 14:30:00" → 2026-05-01; null for none, a zero date, or one before 1990 or after today. */
    static LocalDate exifDate(String value, LocalDate today) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(value.substring(0, 4).trim()), Integer.parseInt(value.substring(5, 7).trim()),
                    Integer.parseInt(value.substring(8, 10).trim()));
            return d.isBefore(EARLIEST) || d.isAfter(today) ? null : d;
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /**
     * The pixels as the camera meant them to be seen (EXIF orientation 1–8: flips and quarter turns), on an opaque RGB
     * image (transparency laid on white).
     */
    static BufferedImage oriented(BufferedImage src, int orientation) {
        int w = src.getWidth();
        int h = src.getHeight();
        // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);   // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);  // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);   // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);    // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);   // to be turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);  // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);   // to be turned a quarter anticlockwise
            default -> new AffineTransform();
        };
        boolean turned = orientation >= 5 && orientation <= 8;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image scaled down (never up) to fit {@code side} on its longest side: halving steps, then bilinear to size. */
    static BufferedImage scaleToFit(BufferedImage src, int side) {
        int w = src.getWidth();
        int h = src.getHeight();
        double f = side / (double) Math.max(w, h);
        if (f >= 1) {
            return src;
        }
        int tw = Math.max(1, (int) Math.round(w * f));
        int th = Math.max(1, (int) Math.round(h * f));
        BufferedImage current = src;
        int cw = w;
        int ch = h;
        while (cw != tw || ch != th) {
            cw = Math.max(tw, cw / 2);
            ch = Math.max(th, ch / 2);
            BufferedImage next = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, cw, ch, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    /** Baseline JPEG of the pixels alone: the writer is given no metadata, so only a bare JFIF header is written. */
    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static InvalidRequestException truncated() {
        return refused("TRUNCATED", "图片文件不完整（已截断），请上传完整的照片 (the image file is truncated; upload the whole photo)");
    }

    private static InvalidRequestException damaged() {
        return refused("DAMAGED", "图片无法解码：文件已损坏 (the image cannot be decoded: the file is damaged)");
    }

    private static InvalidRequestException refused(String code, String reason) {
        return new InvalidRequestException(List.of(new FieldError(FIELD, reason, code)));
    }

    private static ServiceUnavailableException busy() {
        return new ServiceUnavailableException("正在处理其他照片，请稍后再试 (other photos are being processed; try again shortly)");
    }

    /** 10485760 → "10 MB", 12900000 → "12.3 MB", 500000 → "488 KB". */
    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return (mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb)) + " MB";
    }

    private static String megapixels(long pixels) {
        double mp = pixels / 1_000_000.0;
        return mp == Math.rint(mp) ? String.valueOf((long) mp) : String.format(Locale.ROOT, "%.1f", mp);
    }
}
