package cn.servicemap.photos;

import static cn.servicemap.support.Problems.assertField;
import static cn.servicemap.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.servicemap.support.WebSliceTest;
import cn.servicemap.system.ForbiddenException;
import cn.servicemap.system.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Photo uploads' validation branches over HTTP, without a database: each hostile file is a 400 naming {@code file} with
 * its code and words (never a library's), kind and takenAt are checked, the images are served with their caching.
 */
class PhotoControllerSliceTest extends WebSliceTest {

    private static final PhotoService.Permit PERMIT = new PhotoService.Permit(7, "320102", false, "slice-test", null);

    @Test
    void shouldRefuseEachHostileFileNamingTheFile() {
        permitted();
        assertField(upload("photo.jpg", TestPhotos.zip(), "ENTRANCE"), "file", "NOT_AN_IMAGE");
        assertField(upload("huge.png", TestPhotos.pngDeclaring(30_000, 30_000), "ENTRANCE"), "file", "TOO_MANY_PIXELS");
        assertField(upload("cut.jpg", TestPhotos.truncated(TestPhotos.jpeg(800, 600), 0.6), "INSIDE"), "file", "TRUNCATED");
        assertField(upload("empty.jpg", new byte[0], "INSIDE"), "file", "EMPTY");
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestPhotos.jpeg(64, 48), 0, tooLarge, 0, 3);
        MvcTestResult large = upload("big.jpg", tooLarge, "INSIDE");
        assertField(large, "file", "TOO_LARGE");
        assertThat(large).bodyJson().extractingPath("$.reason").asString().contains("上限 10 MB");
        MvcTestResult bomb = upload("huge.png", TestPhotos.pngDeclaring(30_000, 30_000), "ENTRANCE");
        assertThat(bomb).bodyJson().extractingPath("$.reason").asString().startsWith("图片过大：30000 × 30000 像素");
        verify(photos, never()).add(any(), any(), any(), any());
    }

    @Test
    void shouldRefuseAMissingFileOrAnUnknownKindOrDate() {
        assertField(mvc.post().uri("/api/stations/7/photos").multipart().param("kind", "ENTRANCE").exchange(), "file", "missing");
        assertField(upload("a.jpg", TestPhotos.jpeg(64, 48), null), "kind", "MISSING_VALUE");
        assertField(upload("a.jpg", TestPhotos.jpeg(64, 48), "ROOF"), "kind", "BAD_KIND");
        assertField(mvc.post().uri("/api/stations/7/photos").multipart().file(file("a.jpg", TestPhotos.jpeg(64, 48)))
                .param("kind", "INSIDE").param("takenAt", "yesterday").exchange(), "takenAt", "BAD_DATE");
        assertField(mvc.post().uri("/api/stations/7/photos").multipart().file(file("a.jpg", TestPhotos.jpeg(64, 48)))
                .param("kind", "INSIDE").param("takenAt", "2030-01-01").exchange(), "takenAt", "OUT_OF_RANGE");
        assertField(mvc.post().uri("/api/stations/7/photos").multipart().file(file("a.jpg", TestPhotos.jpeg(64, 48)))
                .param("kind", "INSIDE").param("proposal", "maybe").exchange(), "proposal", "BAD_VALUE");
        verify(photos, never()).permit(anyLong(), anyBoolean(), any());
    }

    @Test
    void shouldAddAGoodPhotoWithTheExifDateUnlessTheUploaderGivesOne() {
        permitted();
        Photo stored = photo(41, "APPROVED");
        when(photos.add(eq(PERMIT), eq(PhotoKind.ENTRANCE), any(), any())).thenReturn(stored);
        MvcTestResult r = upload("门口.jpg", TestPhotos.jpegWithExif(640, 480, 1, 32.04, 118.78), "入口");
        assertThat(r).hasStatus(201);
        assertThat(r.getResponse().getHeader("Location")).isEqualTo("/api/photos/41.jpg");
        assertThat(r).bodyJson().extractingPath("$.thumbnailUrl").asString().isEqualTo("/api/photos/41/thumb.jpg");
        verify(photos).add(eq(PERMIT), eq(PhotoKind.ENTRANCE), eq(LocalDate.of(2026, 5, 1)), any());

        when(photos.add(eq(PERMIT), eq(PhotoKind.INSIDE), any(), any())).thenReturn(stored);
        assertThat(mvc.post().uri("/api/stations/7/photos").multipart().file(file("a.webp", TestPhotos.webp()))
                .param("kind", "inside").param("takenAt", "2025-12-31").exchange()).hasStatus(201);
        verify(photos).add(eq(PERMIT), eq(PhotoKind.INSIDE), eq(LocalDate.of(2025, 12, 31)), any());
    }

    @Test
    void shouldAnswerARefusedEditorAndAnUnknownStationBeforeDecoding() {
        when(photos.permit(eq(8L), anyBoolean(), any())).thenThrow(new ForbiddenException("id", "您只能编辑所辖区县的站点 (your own districts only)"));
        assertField(mvc.post().uri("/api/stations/8/photos").multipart().file(file("a.jpg", TestPhotos.zip())).param("kind", "INSIDE")
                .exchange(), 403, "id", "FORBIDDEN");
        when(photos.permit(eq(99L), anyBoolean(), any())).thenThrow(new NotFoundException("没有编号为 99 的站点 (no station 99)"));
        assertProblem(mvc.post().uri("/api/stations/99/photos").multipart().file(file("a.jpg", TestPhotos.jpeg(64, 48)))
                .param("kind", "INSIDE").exchange(), 404);
    }

    @Test
    void shouldServeImagesCachedForAYearAndPendingOnesPrivately() {
        when(photos.image(5, false)).thenReturn(new PhotoService.Image(5, false, new byte[]{1, 2, 3}));
        MvcTestResult r = mvc.get().uri("/api/photos/5.jpg").exchange();
        assertThat(r).hasStatus(200).hasContentType("image/jpeg");
        assertThat(r.getResponse().getHeader("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(r.getResponse().getHeader("ETag")).isEqualTo("\"photo-5\"");
        assertThat(mvc.get().uri("/api/photos/5.jpg").header("If-None-Match", "\"photo-5\"").exchange()).hasStatus(304);

        when(photos.image(6, true)).thenReturn(new PhotoService.Image(6, true, new byte[]{1}));
        MvcTestResult pending = mvc.get().uri("/api/photos/6/thumb.jpg").exchange();
        assertThat(pending.getResponse().getHeader("Cache-Control")).contains("private").doesNotContain("public");
        assertThat(pending.getResponse().getHeader("ETag")).isEqualTo("\"photo-6-thumb\"");
        when(photos.image(7, false)).thenThrow(new NotFoundException("没有编号为 7 的照片 (no photo 7)"));
        assertProblem(mvc.get().uri("/api/photos/7.jpg").exchange(), 404);
    }

    @Test
    void shouldRefuseAnUnknownQueueStatusAndALongReason() {
        assertField(mvc.get().uri("/api/photos?status=LOST").exchange(), "status", null);
        assertField(mvc.delete().uri("/api/photos/3?reason=" + "长".repeat(501)).exchange(), "reason", "TOO_LONG");
        assertThat(mvc.post().uri("/api/photos/3/reject").exchange()).hasStatus(204);
        verify(photos).reject(3, null);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void permitted() {
        when(photos.permit(eq(7L), anyBoolean(), any())).thenReturn(PERMIT);
    }

    private MvcTestResult upload(String name, byte[] content, String kind) {
        var request = mvc.post().uri("/api/stations/7/photos").multipart().file(file(name, content));
        return kind == null ? request.exchange() : request.param("kind", kind).exchange();
    }

    private static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("file", name, "image/jpeg", content);
    }

    private static Photo photo(long id, String status) {
        return new Photo(id, 7, "【示例】驿站", PhotoKind.ENTRANCE, "入口", status, Photo.url(id), Photo.thumbnailUrl(id), 640, 480, 320, 240,
                20_000, LocalDate.of(2026, 5, 1), OffsetDateTime.parse("2026-11-23T10:00:00+08:00"), false);
    }
}
