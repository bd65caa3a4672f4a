package org.weft.server.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A Mastodon server simulated with WireMock on loopback: it serves rosa's actor and WebFinger exactly
 * as Mastodon shapes them (the fixtures, with their domains rewritten), accepts deliveries, and signs
 * its own requests the way Mastodon does, with rosa's real test key.
 */
public final class MastodonPeer implements AutoCloseable {
    public static final List<String> SIGNED_HEADERS = List.of("(request-target)", "host", "date", "digest", "content-type");

    private final WireMockServer wireMock;
    private final String weftBase;
    private final HttpClient http = HttpClient.newHttpClient();

    public MastodonPeer(String weftBase) {
        this.weftBase = weftBase;
        this.wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        stubJson("/users/rosa", fixture("mastodon/actor.json"), "application/activity+json; charset=utf-8");
        stubJson("/.well-known/webfinger", fixture("mastodon/webfinger.json"), "application/jrd+json; charset=utf-8");
        wireMock.stubFor(post(urlPathEqualTo("/inbox")).willReturn(aResponse().withStatus(202)));
        wireMock.stubFor(post(urlPathEqualTo("/users/rosa/inbox")).willReturn(aResponse().withStatus(202)));
    }

    public String origin() {
        return "http://localhost:" + wireMock.port();
    }

    public String rosa() {
        return origin() + "/users/rosa";
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    /** A fixture file with Mastodon's and Weft's domains replaced by this test's. */
    public String fixture(String path) {
        try (InputStream in = MastodonPeer.class.getResourceAsStream("/fixtures/" + path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("https://mastodon.example", origin())
                    .replace("acct:rosa@mastodon.example", "acct:rosa@localhost:" + wireMock.port())
                    .replace("https://camp.weft.test", weftBase);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing fixture " + path, e);
        }
    }

    /** POSTs an activity signed as rosa, headers and order as Mastodon's request.rb. */
    public HttpResponse<String> deliver(URI inbox, String json) {
        return deliver(inbox, json.getBytes(StandardCharsets.UTF_8), ZonedDateTime.now(), rosaKey(), rosa() + "#main-key");
    }

    public HttpResponse<String> deliver(URI inbox, byte[] body, ZonedDateTime date, PrivateKey key, String keyId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", inbox.getPort() == -1 ? inbox.getHost() : inbox.getHost() + ":" + inbox.getPort());
        headers.put("date", IndependentSignatures.httpDate(date));
        headers.put("digest", IndependentSignatures.digest(body));
        headers.put("content-type", "application/activity+json");
        String signature = IndependentSignatures.sign("POST", inbox.getRawPath(), headers, SIGNED_HEADERS, keyId, key);
        return send(HttpRequest.newBuilder(inbox)
                .header("Date", headers.get("date"))
                .header("Digest", headers.get("digest"))
                .header("Content-Type", headers.get("content-type"))
                .header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests Weft made to this peer's inboxes. */
    public List<LoggedRequest> inboxPosts() {
        return wireMock.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getMethod().getName().equals("POST") && r.getUrl().endsWith("inbox"))
                .toList();
    }

    public static PrivateKey rosaKey() {
        return privateKey("keys/mastodon-rosa.pem");
    }

    public static PrivateKey privateKey(String fixture) {
        try (InputStream in = MastodonPeer.class.getResourceAsStream("/fixtures/" + fixture)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read key " + fixture, e);
        }
    }

    private void stubJson(String path, String body, String contentType) {
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    @Override
    public void close() {
        wireMock.stop();
    }
}
