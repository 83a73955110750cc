package cn.servicemap.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of one base address (an instance, or the load balancer): JSON in and out, HTTP Basic or a session cookie. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: status, body, and the body as JSON when it is JSON. */
    record Answer(int status, String body, String contentType, String location) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String base;
    private final String authorization;
    private final HttpClient client;

    private Http(String base, String authorization, HttpClient client) {
        this.base = base;
        this.authorization = authorization;
        this.client = client;
    }

    /** Anonymous, with its own cookie jar (a session, once signed in). */
    static Http to(URI base) {
        return new Http(base.toString().replaceAll("/$", ""), null,
                HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** The same address with HTTP Basic as the given user (an API client). */
    Http as(String user, String password) {
        return new Http(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                client);
    }

    /** The same cookies (a browser's session), sent to another address. */
    Http sameCookiesTo(URI otherBase) {
        return new Http(otherBase.toString().replaceAll("/$", ""), authorization, client);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Answer json(String method, String path, Object body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        headers.forEach(b::header);
        return send(b);
    }

    /** A form post (the login page's), with the CSRF token of the cookie the pages read it from. */
    Answer form(String path, Map<String, String> fields) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(s.toString()));
        csrf().ifPresent(t -> b.header("X-XSRF-TOKEN", t));
        return send(b);
    }

    /** A multipart post: text fields, then files by part name. */
    Answer multipart(String path, Map<String, String> fields, Map<String, Path> files) throws IOException, InterruptedException {
        String boundary = "----servicemap" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n" + f.getValue()
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Path> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
                    + f.getValue().getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(f.getValue()));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private java.util.Optional<String> csrf() {
        try {
            return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().get(URI.create(base)).stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue).findFirst();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json, */*");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Answer send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Location").orElse(null));
    }

    /** Uploads a generated city as a region (its OSM extract, districts and census, WGS84): the answer, 202 with its job. */
    Answer importCity(cn.servicemap.gis.synthetic.SyntheticCity city, Path dir, String code, String name)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        city.writeOsm(dir.resolve("city.osm"), 4);
        city.writeDistricts(dir.resolve("districts.json"));
        city.writeCensus(dir.resolve("census.csv"));
        return multipart("/api/regions", Map.of("code", code, "name", name, "crs", "WGS84"), Map.of("osm", dir.resolve("city.osm"),
                "districts", dir.resolve("districts.json"), "census", dir.resolve("census.csv")));
    }

    /** Watches a job (its Location) until it ends or the time is up: the job as last seen. */
    JsonNode awaitJob(String location, Duration within) throws IOException, InterruptedException {
        JsonNode job = get(location).json();
        long until = System.nanoTime() + within.toNanos();
        while (!job.path("status").asText().matches("SUCCEEDED|FAILED|CANCELLED") && System.nanoTime() < until) {
            Thread.sleep(300);
            job = get(location).json();
        }
        return job;
    }

    static Map<String, String> headers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
