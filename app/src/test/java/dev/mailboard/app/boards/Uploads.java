package dev.mailboard.app.boards;

import dev.mailboard.app.testing.TestClient;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Sends multipart uploads the way a browser does. */
final class Uploads {

    private Uploads() {}

    static HttpResponse<String> upload(TestClient client, String path, String fileName, String type, byte[] bytes) {
        return upload(client, path, fileName, type, bytes, "X-Upload-Source", "test");
    }

    /** An upload with one more header, for example {@code HX-Request: true} as htmx sends it. */
    static HttpResponse<String> upload(
            TestClient client, String path, String fileName, String type, byte[] bytes, String header, String value) {
        String boundary = "----boards" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(client.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json, application/problem+json")
                .header("X-CSRF-TOKEN", client.csrfToken())
                .header(header, value)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
