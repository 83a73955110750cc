package cn.servicemap.photos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.DesktopBrowserTestBase;
import cn.servicemap.support.RequiresChromium;
import cn.servicemap.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 驿站照片 in real Chromium over the Nanjing demo: a planner uploads an entrance photo (its EXIF dated 2026-05-01) from a
 * station's popup, and the worker page's detail of that station shows its thumbnail with 入口 and 拍摄于 2026-05-01, the
 * full image a tap away; a worker's 补充照片 from that detail waits in the planner's 职工反馈 panel until 通过. A hostile
 * file (a zip named .jpg) is refused beside the form in words.
 */
@RequiresChromium
class StationPhotosBrowserTest extends DesktopBrowserTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabases::freshH2Url);
    }

    @Test
    void shouldUploadAnEntrancePhotoFromThePopupAndShowItOnTheWorkerPage(@TempDir Path dir) throws Exception {
        JsonNode first = api().get("/api/stations?district=320104").json().get("features").get(0);
        String id = first.get("id").asText();
        Path entrance = dir.resolve("门口.jpg");
        Files.write(entrance, TestPhotos.jpegWithExif(1200, 900, 1, 32.0415, 118.7845));
        Path zip = dir.resolve("不是照片.jpg");
        Files.write(zip, TestPhotos.zip());

        // the planner: the station's popup → 上传照片 → 入口, the file → its thumbnail in the popup
        openPage("/plan");
        desktop.js("window.servicemap.stations.open(Number(arguments[0]))", id);
        WebElement photos = desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(
                By.cssSelector(".leaflet-popup .station-photos[data-state='ready']")).stream().findFirst().orElse(null));
        assertThat(photos.getText()).contains("暂无照片");
        desktop.js("arguments[0].open = true", photos.findElement(By.cssSelector(".photo-upload")));
        photos.findElement(By.cssSelector(".photo-file")).sendKeys(zip.toString());
        desktop.js("arguments[0].click()", photos.findElement(By.cssSelector(".photo-submit")));
        desktop.waitFor(Duration.ofSeconds(20), d -> "rejected".equals(photos.findElement(By.cssSelector(".photo-form")).getAttribute("data-state")));
        assertThat(photos.findElement(By.cssSelector(".photo-error")).getText()).contains("文件不是 JPEG、PNG 或 WebP 图片")
                .doesNotContain("Exception").doesNotContain("(the file");

        photos.findElement(By.cssSelector(".photo-file")).sendKeys(entrance.toString());
        assertThat(photos.findElement(By.cssSelector(".photo-kind-choice input[value='ENTRANCE']")).isSelected()).isTrue();
        desktop.js("arguments[0].click()", photos.findElement(By.cssSelector(".photo-submit")));
        desktop.waitFor(Duration.ofSeconds(20), d -> "done".equals(photos.findElement(By.cssSelector(".photo-form")).getAttribute("data-state")));
        WebElement added = photos.findElement(By.cssSelector(".photo-strip .photo[data-kind='ENTRANCE']"));
        assertThat(added.getText()).contains("入口").contains("拍摄于 2026-05-01");
        JsonNode stored = api().get("/api/stations/" + id + "/photos").json().get("photos");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(stored.get(0).get("takenAt").asText()).isEqualTo("2026-05-01");
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", added);
        desktop.screenshot("plan-station-photo-uploaded");

        // the worker page: the station's detail shows the thumbnail with the date; a tap opens the full image
        openPage("/");
        desktop.js("window.servicemap.stations.open(Number(arguments[0]))", id);
        WebElement more = desktop.waitFor(Duration.ofSeconds(10),
                d -> d.findElements(By.cssSelector(".leaflet-popup .st-more")).stream().findFirst().orElse(null));
        desktop.js("arguments[0].click()", more);
        WebElement detail = desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(
                By.cssSelector("#station-detail .station-photos[data-state='ready']")).stream().findFirst().orElse(null));
        WebElement figure = detail.findElement(By.cssSelector(".photo[data-kind='ENTRANCE']"));
        assertThat(figure.getText()).contains("入口").contains("拍摄于 2026-05-01");
        WebElement thumb = figure.findElement(By.tagName("img"));
        desktop.waitFor(Duration.ofSeconds(10), d -> ((Number) desktop.js("return arguments[0].naturalWidth", thumb)).intValue() == 320);
        assertThat(thumb.getAttribute("src")).endsWith("/api/photos/" + stored.get(0).get("id").asText() + "/thumb.jpg");
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", figure);
        desktop.screenshot("worker-station-photo");
        desktop.js("arguments[0].click()", figure.findElement(By.cssSelector(".photo-open")));
        WebElement viewer = desktop.waitFor(Duration.ofSeconds(5), d -> d.findElements(By.cssSelector(".photo-viewer")).stream().findFirst().orElse(null));
        WebElement full = viewer.findElement(By.tagName("img"));
        desktop.waitFor(Duration.ofSeconds(10), d -> ((Number) desktop.js("return arguments[0].naturalWidth", full)).intValue() == 1200);
        assertThat(viewer.getText()).contains("拍摄于 2026-05-01");
        desktop.screenshot("worker-station-photo-full");
        viewer.findElement(By.cssSelector(".photo-viewer-close")).click();
        assertThat(desktop.driver().findElements(By.cssSelector(".photo-viewer"))).isEmpty();

        // 补充照片 from the worker's detail: pending, not shown, until the planner approves it in 职工反馈
        Path inside = dir.resolve("里面.png");
        Files.write(inside, TestPhotos.png(800, 600));
        desktop.js("arguments[0].open = true", detail.findElement(By.cssSelector(".photo-upload")));
        desktop.js("arguments[0].click()", detail.findElement(By.cssSelector(".photo-kind-choice input[value='INSIDE']")));
        detail.findElement(By.cssSelector(".photo-file")).sendKeys(inside.toString());
        desktop.js("arguments[0].click()", detail.findElement(By.cssSelector(".photo-submit")));
        desktop.waitFor(Duration.ofSeconds(20), d -> "done".equals(detail.findElement(By.cssSelector(".photo-form")).getAttribute("data-state")));
        assertThat(detail.findElement(By.cssSelector(".photo-done")).getText()).contains("审核后显示");
        assertThat(detail.findElements(By.cssSelector(".photo-strip .photo"))).hasSize(1);
        String proposed = detail.findElement(By.cssSelector(".photo-form")).getAttribute("data-photo-id");
        assertThat(api().get("/api/stations/" + id + "/photos").json().get("photos")).hasSize(1);

        openPage("/plan");
        WebElement pending = desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(
                By.cssSelector("#pending-photos .pending-photo[data-photo-id='" + proposed + "']")).stream().findFirst().orElse(null));
        assertThat(pending.getText()).contains("内部").contains(first.get("properties").get("name").asText());
        desktop.js("arguments[0].scrollIntoView({block: 'center'})", pending);
        WebElement pendingThumb = pending.findElement(By.tagName("img"));
        desktop.waitFor(Duration.ofSeconds(10), d -> ((Number) desktop.js("return arguments[0].naturalWidth", pendingThumb)).intValue() > 0);
        desktop.screenshot("plan-pending-photo");
        desktop.js("arguments[0].click()", pending.findElement(By.cssSelector(".photo-approve")));
        desktop.waitFor(Duration.ofSeconds(10), d -> d.findElements(By.cssSelector("#pending-photos .pending-photo")).isEmpty());
        assertThat(desktop.driver().findElement(By.id("pending-photos-note")).getText()).contains("已通过");
        assertThat(api().get("/api/stations/" + id + "/photos").json().get("photos").findValuesAsString("kind"))
                .containsExactly("ENTRANCE", "INSIDE");
    }

    /** The zip's 400 is the test's own doing. */
    @Override
    protected boolean expectedSevere(String message) {
        return message.contains("/photos") && message.contains("400");
    }

    private void openPage(String path) {
        desktop.open("http://localhost:" + port() + path);
        assertThat(desktop.waitForPageState()).isEqualTo("ready");
    }
}
