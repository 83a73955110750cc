package cn.servicemap.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.servicemap.system.FieldError;
import cn.servicemap.system.InvalidRequestException;
import cn.servicemap.system.ServiceMapProperties;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Checking and processing one upload, without Spring: what is kept, what is stripped, and each refusal's code. */
class PhotoImagesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static ServiceMapProperties.Photos limits(DataSize maxFileSize) {
        return new ServiceMapProperties.Photos(ServiceMapProperties.Photos.Storage.DATABASE, "target/photos", maxFileSize, 40_000_000L,
                8000, 2560, 320, 20, 2);
    }

    private final PhotoImages images = new PhotoImages(limits(DataSize.ofMegabytes(10)));

    // --- what is kept ------------------------------------------------------------------------

    @Test
    void shouldStripExifAndGpsAndKeepTheDateTaken() throws Exception {
        byte[] upload = TestPhotos.jpegWithExif(640, 480, 1, 32.0415, 118.7845);
        assertThat(metadata(upload).getFirstDirectoryOfType(GpsDirectory.class)).as("the test file has GPS").isNotNull();

        PhotoImages.Processed p = images.process(upload, TODAY);

        assertThat(p.takenAt()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertNoMetadata(p.image());
        assertNoMetadata(p.thumbnail());
        assertThat(p.width()).isEqualTo(640);
        assertThat(p.height()).isEqualTo(480);
        assertThat(p.thumbnailWidth()).isEqualTo(320);
        assertThat(p.thumbnailHeight()).isEqualTo(240);
        BufferedImage thumb = TestPhotos.read(p.thumbnail());
        assertThat(thumb.getWidth()).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(240);
    }

    @Test
    void shouldTurnThePhotoUprightByItsExifOrientation() {
        // orientation 6: stored sideways, to be turned a quarter clockwise — the left (red) half comes to the top
        PhotoImages.Processed p = images.process(TestPhotos.jpegWithExif(400, 200, 6, 32.0, 118.7), TODAY);
        assertThat(p.width()).isEqualTo(200);
        assertThat(p.height()).isEqualTo(400);
        BufferedImage upright = TestPhotos.read(p.image());
        assertThat(red(upright.getRGB(30, 20))).as("top is red").isGreaterThan(180);
        assertThat(blue(upright.getRGB(30, 380))).as("bottom is blue").isGreaterThan(180);
    }

    @Test
    void shouldIgnoreAnExifDateInTheFuture() {
        assertThat(PhotoImages.exifDate("2026:05:01 14:30:00", TODAY)).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(PhotoImages.exifDate("2027:01:01 00:00:00", TODAY)).isNull();
        assertThat(PhotoImages.exifDate("0000:00:00 00:00:00", TODAY)).isNull();
        assertThat(PhotoImages.exifDate("1980:01:01 00:00:00", TODAY)).isNull();
        assertThat(PhotoImages.exifDate("    :  :     :  :  ", TODAY)).isNull();
    }

    @Test
    void shouldTakeAWebpAndKeepItAsAJpegWithoutExif() throws Exception {
        byte[] upload = TestPhotos.webp();
        assertThat(PhotoImages.sniff(upload)).isEqualTo(PhotoImages.Format.WEBP);
        PhotoImages.Processed p = images.process(upload, TODAY);
        assertThat(p.width()).isEqualTo(64);
        assertThat(p.height()).isEqualTo(48);
        assertThat(p.takenAt()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(PhotoImages.sniff(p.image())).isEqualTo(PhotoImages.Format.JPEG);
        assertNoMetadata(p.image());
    }

    @Test
    void shouldLayATransparentPngOnWhite() {
        PhotoImages.Processed p = images.process(TestPhotos.transparentPng(200, 200), TODAY);
        BufferedImage kept = TestPhotos.read(p.image());
        int corner = kept.getRGB(2, 2);
        assertThat(red(corner)).isGreaterThan(240);
        assertThat(blue(corner)).isGreaterThan(240);
        assertThat(red(kept.getRGB(100, 100))).isGreaterThan(200);
        assertThat(p.takenAt()).isNull();
    }

    @Test
    void shouldScaleALargePhotoDownToTheStoredSize() {
        PhotoImages.Processed p = images.process(TestPhotos.png(6000, 3000), TODAY);
        assertThat(p.width()).isEqualTo(2560);
        assertThat(p.height()).isEqualTo(1280);
        assertThat(p.thumbnailWidth()).isEqualTo(320);
        assertThat(p.thumbnailHeight()).isEqualTo(160);
    }

    // --- what is refused -------------------------------------------------------------------------

    @Test
    void shouldRefuseAZipRenamedJpg() {
        FieldError e = refusal(TestPhotos.zip());
        assertThat(e.code()).isEqualTo("NOT_AN_IMAGE");
        assertThat(e.reason()).contains("文件不是 JPEG、PNG 或 WebP 图片");
        assertThat(refusal("<html>not a photo</html>".getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("NOT_AN_IMAGE");
        assertThat(refusal(new byte[]{(byte) 0xFF, (byte) 0xD8}).code()).isEqualTo("NOT_AN_IMAGE");
    }

    @Test
    void shouldRefuseAPngDeclaring30000By30000PixelsBeforeDecodingIt() {
        byte[] bomb = TestPhotos.pngDeclaring(30_000, 30_000);
        assertThat(bomb.length).isLessThan(200);
        FieldError e = refusal(bomb);
        assertThat(e.code()).isEqualTo("TOO_MANY_PIXELS");
        assertThat(e.reason()).contains("30000 × 30000 像素").contains("40 百万像素").contains("8000 像素");
        assertThat(refusal(TestPhotos.pngDeclaring(9000, 100)).code()).as("a side over 8000").isEqualTo("TOO_MANY_PIXELS");
        assertThat(refusal(TestPhotos.pngDeclaring(7000, 7000)).code()).as("49 megapixels").isEqualTo("TOO_MANY_PIXELS");
    }

    @Test
    void shouldRefuseATruncatedJpeg() {
        byte[] whole = TestPhotos.jpegWithExif(800, 600, 1, 32.0, 118.7);
        for (double share : new double[]{0.3, 0.6, 0.9}) {
            FieldError e = refusal(TestPhotos.truncated(whole, share));
            assertThat(e.code()).as("cut at %s", share).isEqualTo("TRUNCATED");
            assertThat(e.reason()).contains("图片文件不完整（已截断）");
        }
        assertThat(refusal(TestPhotos.truncated(whole, 0.999)).code()).as("only the end marker missing").isEqualTo("TRUNCATED");
    }

    @Test
    void shouldRefuseATruncatedPngOrWebp() {
        assertThat(refusal(TestPhotos.truncated(TestPhotos.png(400, 300), 0.5)).code()).isIn("TRUNCATED", "DAMAGED");
        assertThat(refusal(TestPhotos.truncated(TestPhotos.webp(), 0.5)).code()).isIn("TRUNCATED", "DAMAGED");
        assertThat(refusal(java.util.Arrays.copyOf(TestPhotos.png(400, 300), 20)).code()).as("the header cut").isEqualTo("DAMAGED");
    }

    @Test
    void shouldRefuseAnEmptyOrTooLargeFile() {
        assertThat(refusal(new byte[0]).code()).isEqualTo("EMPTY");
        PhotoImages small = new PhotoImages(limits(DataSize.ofKilobytes(100)));
        byte[] big = new byte[100 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> small.process(big, TODAY));
        assertThat(e.errors().get(0).code()).isEqualTo("TOO_LARGE");
        assertThat(e.errors().get(0).field()).isEqualTo("file");
        assertThat(e.errors().get(0).reason()).contains("上限 100 KB");
        assertThat(PhotoImages.size(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(PhotoImages.size(12_900_000)).isEqualTo("12.3 MB");
    }

    // --- helpers -------------------------------------------------------------------------------

    private FieldError refusal(byte[] bytes) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> images.process(bytes, TODAY));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.errors()).hasSize(1);
        FieldError error = e.errors().get(0);
        assertThat(error.field()).isEqualTo("file");
        assertThat(error.reason()).doesNotContain("Exception", "javax", "IIO").matches(".*[\\u4e00-\\u9fff].*\\(.*[a-z].*\\)$");
        return error;
    }

    static void assertNoMetadata(byte[] jpeg) throws Exception {
        Metadata m = metadata(jpeg);
        assertThat(m.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(m.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).doesNotContain("Exif\0\0").doesNotContain("http://ns.adobe.com/xap");
    }

    static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }
}
