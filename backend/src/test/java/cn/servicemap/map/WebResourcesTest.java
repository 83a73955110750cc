package cn.servicemap.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.servicemap.support.Api;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * How the pages' files reach a phone, over a real port (compression is the servlet container's, not MVC's): scripts,
 * styles and JSON gzip-compressed, static files kept by the browser and revalidated, the web app manifest with its
 * type and icons, and the worker page's list of modules to preload equal to what its entry module imports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"servicemap.demo.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:web-resources;DB_CLOSE_DELAY=-1", // this class's own, empty: only files are asked for
        "servicemap.security.admin-username=" + Api.ADMIN, "servicemap.security.admin-password=" + Api.ADMIN_PASSWORD})
class WebResourcesTest {

    private static final Pattern STATIC_IMPORT = Pattern.compile("^\\s*(?:import|export)\\b[^'\";]*?\\bfrom\\s*'([^']+)'|^\\s*import\\s*'([^']+)'",
            Pattern.MULTILINE);
    private static final Pattern MODULE_PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">");

    private final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Test
    void shouldServeScriptsStylesAndJsonGzippedToABrowserThatAcceptsIt() {
        for (String path : List.of("/js/app.js", "/js/features/nearest.js", "/css/app.css", "/webjars/leaflet/1.9.4/dist/leaflet.js",
                "/api/catalog")) {
            HttpResponse<byte[]> gzipped = get(path, Map.of("Accept-Encoding", "gzip"));
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as("Content-Encoding of " + path).hasValue("gzip");
            HttpResponse<byte[]> plain = get(path, Map.of());
            assertThat(plain.headers().firstValue("Content-Encoding")).as("a client that does not accept gzip").isEmpty();
            assertThat(gunzip(gzipped.body())).as("the same bytes, unpacked: " + path).isEqualTo(plain.body());
            assertThat(gzipped.body().length).as("compressed size of " + path).isLessThan(plain.body().length / 2);
        }
        assertThat(get("/js/app.js", Map.of()).headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
    }

    @Test
    void shouldLetTheBrowserKeepStaticFilesAndAskWhetherTheyChanged() {
        HttpResponse<byte[]> first = get("/js/app.js", Map.of());
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> again = get("/js/app.js", Map.of("If-Modified-Since", lastModified));
        assertThat(again.statusCode()).as("unchanged: no body again").isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void shouldServeTheWebAppManifestWithItsIconsSoThatTheWorkerPageCanBeInstalled() throws IOException {
        Api api = new Api(port).anonymous();
        Api.Response manifest = api.get("/manifest.webmanifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Content-Type")).startsWith("application/manifest+json");
        JsonNode m = api.json().readTree(manifest.text());
        assertThat(m.get("name").asText()).isEqualTo("职工服务阵地地图");
        assertThat(m.get("short_name").asText()).isEqualTo("驿站地图");
        assertThat(m.get("start_url").asText()).isEqualTo("/");
        assertThat(m.get("display").asText()).isEqualTo("standalone");
        assertThat(m.get("theme_color").asText()).isEqualTo("#c8102e");
        Set<String> sizes = new LinkedHashSet<>();
        Set<String> purposes = new LinkedHashSet<>();
        for (JsonNode icon : m.get("icons")) {
            assertThat(icon.get("type").asText()).isEqualTo("image/png");
            HttpResponse<byte[]> png = get(icon.get("src").asText(), Map.of());
            assertThat(png.statusCode()).as(icon.get("src").asText()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            String size = icon.get("sizes").asText();
            assertThat(pngSize(png.body())).as("the picture's own size, " + icon.get("src").asText()).isEqualTo(size);
            sizes.add(size);
            purposes.add(icon.get("purpose").asText());
        }
        assertThat(sizes).containsExactlyInAnyOrder("192x192", "512x512");
        assertThat(purposes).contains("any", "maskable");

        String page = api.get("/").text();
        assertThat(page).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">")
                .contains("<link rel=\"apple-touch-icon\" href=\"/icons/icon-192.png\">");
    }

    /**
     * index.html names the modules the worker page starts with, so that the browser fetches them in one round instead of
     * one level of imports after another: the list must be exactly the static imports reachable from /js/worker.js (a
     * module loaded later with import() is not on it).
     */
    @Test
    void shouldPreloadExactlyTheModulesTheWorkerPageStartsWith() {
        String page = text("/");
        List<String> preloaded = new ArrayList<>();
        Matcher m = MODULE_PRELOAD.matcher(page);
        while (m.find()) {
            preloaded.add(m.group(1));
        }
        assertThat(preloaded).as("each module once").doesNotHaveDuplicates();
        assertThat(new LinkedHashSet<>(preloaded)).isEqualTo(staticImportsFrom("/js/worker.js"));
        assertThat(page).contains("<script type=\"module\" src=\"/js/worker.js\"></script>")
                .contains("<script defer src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"></script>")
                .doesNotContain("<link rel=\"stylesheet\" href=\"/webjars/leaflet");
    }

    /** The module and every module it imports statically, transitively, as absolute paths. */
    private Set<String> staticImportsFrom(String entry) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(entry));
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (!seen.add(module)) {
                continue;
            }
            Matcher m = STATIC_IMPORT.matcher(text(module));
            while (m.find()) {
                String spec = m.group(1) != null ? m.group(1) : m.group(2);
                todo.push(URI.create("http://x" + module).resolve(spec).getPath());
            }
        }
        return seen;
    }

    private String text(String path) {
        HttpResponse<byte[]> r = get(path, Map.of());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "WIDTHxHEIGHT" from a PNG's header (IHDR, right after the 8-byte signature). */
    private static String pngSize(byte[] png) {
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        ByteBuffer b = ByteBuffer.wrap(png);
        return b.getInt(16) + "x" + b.getInt(20);
    }
}
