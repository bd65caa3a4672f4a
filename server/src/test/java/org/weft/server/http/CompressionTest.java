package org.weft.server.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.testing.TestServers;

/** Answers are gzipped for clients that accept it, and only for them; the site has an icon. */
class CompressionTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static TestServers.Instance weft;

    @BeforeAll
    static void start() {
        weft = TestServers.start();
        weft.server().localActors().createGroup("camp", "Camp", "Offers and requests of the camp");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void pagesAndDocumentsAreGzippedWhenTheClientAcceptsIt() throws IOException, InterruptedException {
        for (String[] ask : new String[][] {{"/groups/camp", "text/html"}, {"/groups/camp", "application/activity+json"},
                {"/static/weft.css", "text/css"}, {"/no/such/page", "text/html"}}) {
            HttpResponse<byte[]> plain = get(ask[0], ask[1], null);
            HttpResponse<byte[]> zipped = get(ask[0], ask[1], "gzip, deflate, br");
            assertEquals(plain.statusCode(), zipped.statusCode(), ask[0]);
            assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), "nothing asked, nothing encoded");
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""), ask[0] + " " + ask[1]);
            assertTrue(zipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
                    "caches keep the two apart: " + zipped.headers().map());
            byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
            if (ask[0].startsWith("/groups")) {
                String text = new String(unzipped, StandardCharsets.UTF_8);
                assertTrue(text.contains("Offers and requests of the camp"), text);
                assertTrue(zipped.body().length < unzipped.length / 2, "it is smaller: " + zipped.body().length + " of "
                        + unzipped.length);
            } else {
                assertArrayEquals(strip(plain.body()), strip(unzipped), ask[0]);
            }
        }
    }

    @Test
    void theSiteHasAnIcon() throws IOException, InterruptedException {
        HttpResponse<byte[]> icon = get("/favicon.svg", "image/*", null);
        assertEquals(200, icon.statusCode());
        assertEquals("image/svg+xml", icon.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(icon.body(), StandardCharsets.UTF_8).startsWith("<svg"), "an SVG");
        HttpResponse<byte[]> ico = get("/favicon.ico", "image/*", null);
        assertEquals(301, ico.statusCode());
        assertEquals("/favicon.svg", ico.headers().firstValue("Location").orElse(""));
        String page = new String(get("/", "text/html", null).body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"), page);
    }

    /** Pages carry fresh form tokens on each request; compare only what stays the same. */
    private static byte[] strip(byte[] body) {
        return new String(body, StandardCharsets.UTF_8).replaceAll("value=\"[A-Za-z0-9_-]{40,}\"", "")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<byte[]> get(String path, String accept, String encoding) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(weft.base() + path)).header("Accept", accept);
        if (encoding != null) {
            request.header("Accept-Encoding", encoding);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
