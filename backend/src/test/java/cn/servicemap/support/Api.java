package cn.servicemap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against the running test server: what a client sees, headers and all. By default it signs every request in
 * as the test administrator with HTTP Basic (as an API client does); {@link #as} signs in as another user and
 * {@link #anonymous} as nobody.
 */
public final class Api {

    /** The administrator every test application starts with (see DemoRegionTestBase). */
    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    /** A response: status, headers, and the body parsed as JSON when it is JSON. */
    public record Response(int status, java.net.http.HttpHeaders headers, String text, JsonNode json) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String authorization;

    public Api(int port) {
        this(port, ADMIN, ADMIN_PASSWORD);
    }

    private Api(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same server, signed in as this user. */
    public Api as(String user, String password) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), user, password);
    }

    /** The same server, signed in as nobody. */
    public Api anonymous() {
        return as(null, null);
    }

    /** GETs a file: status, headers and the bytes. */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(authorized(HttpRequest.newBuilder(URI.create(base + path)).GET()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder b) {
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Response post(String path, Object body) {
        return send(jsonRequest(path, body).POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Response put(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = jsonRequest(path, body).PUT(HttpRequest.BodyPublishers.ofString(write(body)));
        headers.forEach(b::header);
        return send(b);
    }

    public Response delete(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        headers.forEach(b::header);
        return send(b);
    }

    /** POSTs a multipart form with one file part named "file". */
    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "----sm" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Sends any request as it is: method, path (not normalised), content type and raw body. */
    public Response raw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    public JsonMapper json() {
        return json;
    }

    private HttpRequest.Builder jsonRequest(String path, Object body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    }

    private String write(Object body) {
        return body instanceof String s ? s : json.writeValueAsString(body);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(authorized(request).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = r.headers().firstValue("Content-Type").orElse("");
            boolean encoded = r.headers().firstValue("Content-Encoding").isPresent(); // e.g. gzip when asked for: not parsed
            JsonNode node = type.contains("json") && !encoded && !r.body().isEmpty() ? json.readTree(r.body()) : null;
            return new Response(r.statusCode(), r.headers(), r.body(), node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
