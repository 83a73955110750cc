package cn.servicemap.photos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import cn.servicemap.support.DemoRegionTestBase;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Station photos over real HTTP on each database: an editor's photo kept without EXIF (its GPS position gone) and served
 * cached for a year, its thumbnail made once; every hostile file a 400 naming the file, nothing stored; a worker's
 * proposal pending and invisible until its district's editor approves it; an editor of another district refused.
 */
abstract class PhotoApiContract extends DemoRegionTestBase {

    private static final String YEAR = "max-age=31536000, public, immutable";

    @Autowired
    PhotoService photoService;

    /** Where the photos' files are when this context keeps them on disk; null when they are in the database. */
    protected Path photoDir() {
        return null;
    }

    @Test
    void shouldKeepAnEditorsPhotoWithoutExifAndServeItCachedForAYear() throws Exception {
        Api admin = api();
        Api anyone = api().anonymous();
        long station = station(admin, null);
        Api.Response up = admin.upload("/api/stations/" + station + "/photos?kind=ENTRANCE", "门口.jpg",
                TestPhotos.jpegWithExif(1200, 900, 1, 32.0415, 118.7845));
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        JsonNode photo = up.json();
        long id = photo.get("id").asLong();
        assertThat(photo.get("status").asText()).isEqualTo("APPROVED");
        assertThat(photo.get("kindName").asText()).isEqualTo("入口");
        assertThat(photo.get("takenAt").asText()).as("EXIF DateTimeOriginal").isEqualTo("2026-05-01");
        assertThat(photo.get("width").asInt()).isEqualTo(1200);
        assertThat(photo.get("thumbnailWidth").asInt()).isEqualTo(320);
        assertThat(photo.get("thumbnailHeight").asInt()).isEqualTo(240);
        assertThat(up.header("Location")).isEqualTo("/api/photos/" + id + ".jpg");

        HttpResponse<byte[]> image = anyone.bytes(photo.get("url").asText());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("Cache-Control")).hasValue(YEAR);
        String etag = image.headers().firstValue("ETag").orElseThrow();
        PhotoImagesTest.assertNoMetadata(image.body());
        assertThat(TestPhotos.read(image.body()).getWidth()).isEqualTo(1200);
        assertThat(anyone.get(photo.get("url").asText(), Map.of("If-None-Match", etag)).status()).isEqualTo(304);

        HttpResponse<byte[]> thumb = anyone.bytes("/api/photos/" + id + "/thumb.jpg");
        assertThat(thumb.headers().firstValue("Cache-Control")).hasValue(YEAR);
        assertThat(thumb.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
        BufferedImage t = TestPhotos.read(thumb.body());
        assertThat(t.getWidth()).isEqualTo(320);
        assertThat(t.getHeight()).isEqualTo(240);
        PhotoImagesTest.assertNoMetadata(thumb.body());
        if (photoDir() != null) {
            assertThat(photoDir().resolve("0").resolve(id + ".jpg")).exists();
            assertThat(photoDir().resolve("0").resolve(id + ".thumb.jpg")).exists();
        }

        // a WebP of the inside, with the date given by the uploader: listed after the entrance
        Api.Response inside = admin.upload("/api/stations/" + station + "/photos?kind=INSIDE&takenAt=2025-10-01", "里面.webp",
                TestPhotos.webp());
        assertThat(inside.status()).as(inside.text()).isEqualTo(201);
        assertThat(inside.json().get("takenAt").asText()).isEqualTo("2025-10-01");
        PhotoImagesTest.assertNoMetadata(anyone.bytes(inside.json().get("url").asText()).body());
        JsonNode listed = anyone.get("/api/stations/" + station + "/photos").json().get("photos");
        assertThat(listed.findValuesAsString("kind")).containsExactly("ENTRANCE", "INSIDE");

        // the GeoJSON's photos: every station asked for, entrance first
        long other = station(admin, station);
        Map<Long, List<PhotoRef>> refs = photoService.refs(List.of(station, other));
        assertThat(refs).containsOnlyKeys(station, other);
        assertThat(refs.get(other)).isEmpty();
        assertThat(refs.get(station)).extracting(PhotoRef::kind).containsExactly("ENTRANCE", "INSIDE");
        PhotoRef first = refs.get(station).get(0);
        assertThat(first.id()).isEqualTo(id);
        assertThat(first.url()).isEqualTo("/api/photos/" + id + ".jpg");
        assertThat(first.thumbnailUrl()).isEqualTo("/api/photos/" + id + "/thumb.jpg");
        assertThat(first.takenAt()).isEqualTo("2026-05-01");
        assertThat(first.uploadedAt()).isNotBlank();
        // … as GET /api/stations answers them, one and all
        JsonNode props = anyone.get("/api/stations/" + station).json().get("properties");
        assertThat(props.get("photos").findValuesAsString("kind")).containsExactly("ENTRANCE", "INSIDE");
        assertThat(props.get("photos").get(0).get("thumbnailUrl").asText()).isEqualTo(first.thumbnailUrl());
        assertThat(props.get("photos").get(0).get("takenAt").asText()).isEqualTo("2026-05-01");
        JsonNode inList = null;
        for (JsonNode f : anyone.get("/api/stations").json().get("features")) {
            if (f.get("id").asLong() == station) {
                inList = f.get("properties");
            }
        }
        assertThat(inList).isNotNull();
        assertThat(inList.get("photos")).hasSize(2);

        // audited
        JsonNode events = admin.get("/api/audit?entity=PHOTO&key=" + id).json().get("events");
        assertThat(events.findValuesAsString("action")).containsExactly("ADD");
        assertThat(events.get(0).get("actor").asText()).isEqualTo(Api.ADMIN);
        assertThat(events.get(0).get("region").asText()).isNotBlank();

        // deleted: gone from the list, the image and (on disk) the files
        assertThat(admin.delete("/api/photos/" + id + "?reason=" + java.net.URLEncoder.encode("拍错了站点", java.nio.charset.StandardCharsets.UTF_8),
                Map.of()).status()).isEqualTo(204);
        assertThat(anyone.bytes(photo.get("url").asText()).statusCode()).isEqualTo(404);
        assertThat(anyone.get("/api/stations/" + station + "/photos").json().get("photos").findValuesAsString("kind"))
                .containsExactly("INSIDE");
        assertThat(admin.get("/api/audit?entity=PHOTO&key=" + id).json().get("events").get(0).get("after").asText()).contains("拍错了站点");
        if (photoDir() != null) {
            assertThat(photoDir().resolve("0").resolve(id + ".jpg")).doesNotExist();
        }
    }

    @Test
    void shouldRefuseHostileFilesNamingTheFileAndStoreNothing() {
        Api admin = api();
        long station = station(admin, null);
        int before = admin.get("/api/stations/" + station + "/photos").json().get("photos").size();
        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestPhotos.jpeg(64, 48), 0, tooLarge, 0, 3);
        Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
        hostile.put("NOT_AN_IMAGE", TestPhotos.zip());
        hostile.put("TOO_MANY_PIXELS", TestPhotos.pngDeclaring(30_000, 30_000));
        hostile.put("TRUNCATED", TestPhotos.truncated(TestPhotos.jpegWithExif(1600, 1200, 1, 32.04, 118.78), 0.7));
        hostile.put("EMPTY", new byte[0]);
        hostile.put("TOO_LARGE", tooLarge);
        for (Map.Entry<String, byte[]> h : hostile.entrySet()) {
            Api.Response r = admin.upload("/api/stations/" + station + "/photos?kind=ENTRANCE", "photo.jpg", h.getValue());
            assertThat(r.status()).as(h.getKey() + ": " + r.text()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("field").asText()).isEqualTo("file");
            assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo(h.getKey());
            assertThat(r.json().get("reason").asText()).matches("(?s).*[\\u4e00-\\u9fff].*\\(.*\\)");
            assertThat(r.text()).doesNotContain("Exception", "javax", "imageio", "twelvemonkeys");
        }
        assertThat(admin.get("/api/stations/" + station + "/photos").json().get("photos").size()).isEqualTo(before);
        assertThat(admin.get("/api/photos?status=PENDING").json().get("photos").findValues("stationId"))
                .noneMatch(n -> n.asLong() == station);
    }

    @Test
    void shouldHoldAWorkersProposalUntilItsDistrictsEditorApprovesIt() {
        Api admin = api();
        Api worker = api().anonymous();
        long station = admin.get("/api/stations?district=320104").json().get("features").get(0).get("id").asLong();
        assertThat(admin.post("/api/users", Map.of("username", "qinhuai-photos", "password", "photo-editor-1", "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", List.of("320104"))).status()).isEqualTo(201);
        assertThat(admin.post("/api/users", Map.of("username", "xuanwu-photos", "password", "photo-editor-1", "role", "DISTRICT_EDITOR",
                "region", "nanjing-core", "districts", List.of("320102"))).status()).isEqualTo(201);
        Api qinhuai = api().as("qinhuai-photos", "photo-editor-1");
        Api xuanwu = api().as("xuanwu-photos", "photo-editor-1");

        Api.Response proposed = worker.upload("/api/stations/" + station + "/photos?kind=INSIDE", "inside.jpg", TestPhotos.jpeg(800, 600));
        assertThat(proposed.status()).as(proposed.text()).isEqualTo(201);
        assertThat(proposed.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(proposed.json().get("proposed").asBoolean()).isTrue();
        long id = proposed.json().get("id").asLong();
        String url = proposed.json().get("url").asText();

        // invisible to the public and to the other district's editor
        assertThat(worker.get("/api/stations/" + station + "/photos").json().get("photos").findValues("id")).noneMatch(n -> n.asLong() == id);
        assertThat(photoService.refs(List.of(station)).get(station)).extracting(PhotoRef::id).doesNotContain(id);
        assertThat(worker.bytes(url).statusCode()).isEqualTo(404);
        assertThat(xuanwu.bytes(url).statusCode()).isEqualTo(404);
        assertThat(worker.get("/api/photos").status()).isEqualTo(401);
        assertThat(xuanwu.get("/api/photos?status=PENDING").json().get("photos").findValues("id")).noneMatch(n -> n.asLong() == id);
        assertThat(xuanwu.post("/api/photos/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        // its own district's editor sees it, privately cached
        assertThat(qinhuai.get("/api/photos?status=PENDING").json().get("photos").findValues("id")).anyMatch(n -> n.asLong() == id);
        HttpResponse<byte[]> seen = qinhuai.bytes(url);
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.headers().firstValue("Cache-Control").orElse("")).contains("private").doesNotContain("public");

        Api.Response approved = qinhuai.post("/api/photos/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(worker.get("/api/stations/" + station + "/photos").json().get("photos").findValues("id")).anyMatch(n -> n.asLong() == id);
        assertThat(worker.bytes(url).headers().firstValue("Cache-Control")).hasValue(YEAR);
        assertThat(qinhuai.post("/api/photos/" + id + "/approve", Map.of()).status()).isEqualTo(409);

        // a rejected proposal is gone
        long rejected = worker.upload("/api/stations/" + station + "/photos?kind=ENTRANCE", "e.png", TestPhotos.png(300, 200)).json()
                .get("id").asLong();
        assertThat(qinhuai.post("/api/photos/" + rejected + "/reject", Map.of("reason", "看不清")).status()).isEqualTo(204);
        assertThat(qinhuai.bytes("/api/photos/" + rejected + ".jpg").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/audit?entity=PHOTO&key=" + rejected).json().get("events").findValuesAsString("action"))
                .containsExactly("REJECT", "PROPOSE");

        // an editor of another district may not add one; the district's own editor adds one at once, or proposes it
        Api.Response refused = xuanwu.upload("/api/stations/" + station + "/photos?kind=ENTRANCE", "e.jpg", TestPhotos.jpeg(64, 48));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("field").asText()).isEqualTo("id");
        assertThat(qinhuai.upload("/api/stations/" + station + "/photos?kind=ENTRANCE", "e.jpg", TestPhotos.jpeg(64, 48)).json()
                .get("status").asText()).isEqualTo("APPROVED");
        assertThat(qinhuai.upload("/api/stations/" + station + "/photos?kind=ENTRANCE&proposal=true", "e.jpg", TestPhotos.jpeg(64, 48))
                .json().get("status").asText()).isEqualTo("PENDING");
        assertThat(worker.upload("/api/stations/987654/photos?kind=ENTRANCE", "e.jpg", TestPhotos.jpeg(64, 48)).status()).isEqualTo(404);

        // one device, many proposals: after 20 in an hour it is told to wait
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            Api.Response r = worker.upload("/api/stations/" + station + "/photos?kind=INSIDE", "i.jpg", TestPhotos.jpeg(64, 48));
            statuses.add(r.status());
            if (r.status() == 429) {
                assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(60, 3600);
                assertThat(r.json().get("detail").asText()).contains("照片提交过于频繁");
            }
        }
        assertThat(statuses).contains(201, 429);
    }

    /** A station with a district (the first, or the first other than {@code not}). */
    private static long station(Api api, Long not) {
        for (JsonNode f : api.get("/api/stations").json().get("features")) {
            if (!f.get("properties").path("adcode").isNull() && (not == null || f.get("id").asLong() != not)) {
                return f.get("id").asLong();
            }
        }
        throw new AssertionError("no station");
    }

}
