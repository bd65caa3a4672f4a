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
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.weft.activitypub.signature.SignatureScheme;

/**
 * Another fediverse server simulated with WireMock on loopback: it serves one user's actor and
 * WebFinger exactly as that server shapes them (the fixtures, domains rewritten), accepts deliveries,
 * and signs its own requests the way that server does, with the user's real test key.
 */
public class FediversePeer implements AutoCloseable {
    private final WireMockServer wireMock;
    private final String weftBase;
    private final String fixtureOrigin;
    private final String actorPath;
    private final String keyFixture;
    private final List<String> signedHeaders;
    private final String algorithm;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
    private final String actorJson;
    /** The second each delivery (inbox, key id, body digest) was last signed for, in epoch seconds: {@link #signingTime}. */
    private final Map<String, Long> lastSigned = new ConcurrentHashMap<>();

    /**
     * @param server        fixture folder, e.g. {@code mastodon}
     * @param fixtureOrigin the origin the fixtures use, replaced by this peer's
     * @param actorPath     path of the simulated user, e.g. {@code /users/rosa}
     * @param actorFixture  the actor document's fixture file
     */
    protected FediversePeer(String weftBase, String server, String fixtureOrigin, String actorPath, String actorFixture,
                            String keyFixture, List<String> signedHeaders, String algorithm) {
        this.weftBase = weftBase;
        this.fixtureOrigin = fixtureOrigin;
        this.actorPath = actorPath;
        this.keyFixture = keyFixture;
        this.signedHeaders = signedHeaders;
        this.algorithm = algorithm;
        this.wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        actorJson = fixture(server + "/" + actorFixture);
        stubJson(actorPath, actorJson, "application/activity+json; charset=utf-8");
        stubJson("/.well-known/webfinger", fixture(server + "/webfinger.json"), "application/jrd+json; charset=utf-8");
        wireMock.stubFor(post(urlPathEqualTo("/inbox")).willReturn(aResponse().withStatus(202)));
        wireMock.stubFor(post(urlPathEqualTo(actorPath + "/inbox")).willReturn(aResponse().withStatus(202)));
    }

    public String origin() {
        return "http://localhost:" + wireMock.port();
    }

    /** The simulated user's actor id. */
    public String actor() {
        return origin() + actorPath;
    }

    public String keyId() {
        return actor() + "#main-key";
    }

    public WireMockServer wireMock() {
        return wireMock;
    }

    /** A fixture file with the peer's and Weft's domains replaced by this test's. */
    public String fixture(String path) {
        try (InputStream in = FediversePeer.class.getResourceAsStream("/fixtures/" + path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String fixtureHost = URI.create(fixtureOrigin).getHost();
            return text.replace(fixtureOrigin, origin())
                    .replace("@" + fixtureHost, "@localhost:" + wireMock.port())
                    .replace("https://camp.weft.test", weftBase);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Missing fixture " + path, e);
        }
    }

    /**
     * Serves another user on this server, shaped like the simulated one (same fixture, another name, same test key):
     * for tests where several accounts of one server follow. Returns its actor id; {@link #deliverAs} signs as it.
     */
    public String serveUser(String name) {
        String original = actorPath.substring(actorPath.lastIndexOf('/') + 1);
        String path = actorPath.substring(0, actorPath.lastIndexOf('/') + 1) + name;
        String json = actorJson.replace(actorPath, path).replace("\"" + original + "\"", "\"" + name + "\"")
                .replace("@" + original, "@" + name);
        stubJson(path, json, "application/activity+json; charset=utf-8");
        wireMock.stubFor(post(urlPathEqualTo(path + "/inbox")).willReturn(aResponse().withStatus(202)));
        return origin() + path;
    }

    /** POSTs an activity signed as another user of this server (one {@link #serveUser} serves). */
    public HttpResponse<String> deliverAs(String actorId, URI inbox, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return deliver(inbox, body, signingTime(inbox, body, actorId + "#main-key"), key(), actorId + "#main-key");
    }

    /** Serves a new version of the user's actor document (a profile edit or key rotation). */
    public void serveActor(String json) {
        stubJson(actorPath, json, "application/activity+json; charset=utf-8");
    }

    /** POSTs an activity signed as the simulated user, headers in that server's order. */
    public HttpResponse<String> deliver(URI inbox, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return deliver(inbox, body, signingTime(inbox, body, keyId()), key(), keyId());
    }

    /**
     * Now, or one second past the last time these very bytes were signed for this inbox with this key: the Date header
     * counts whole seconds, so the same delivery twice in one second is the same signature, which an inbox rightly
     * refuses as a replay. An honest server never sends that (a retry comes seconds later); two tests of one class
     * that send the same fixture can, on a fast machine. A second ahead is well inside the verifier's clock-skew
     * margin, so nobody waits. Replays are sent on purpose with the other overload.
     */
    private ZonedDateTime signingTime(URI inbox, byte[] body, String keyId) {
        String delivery = inbox + " " + keyId + " " + IndependentSignatures.digest(body);
        long second = lastSigned.merge(delivery, System.currentTimeMillis() / 1000,
                (previous, now) -> Math.max(now, previous + 1));
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC);
    }

    public HttpResponse<String> deliver(URI inbox, byte[] body, ZonedDateTime date, PrivateKey key, String keyId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", inbox.getPort() == -1 ? inbox.getHost() : inbox.getHost() + ":" + inbox.getPort());
        headers.put("date", IndependentSignatures.httpDate(date));
        headers.put("digest", IndependentSignatures.digest(body));
        headers.put("content-type", "application/activity+json");
        // Sent by the HTTP client itself; named here so that a server signing it (Pleroma) can be imitated.
        headers.put("content-length", String.valueOf(body.length));
        String signature = IndependentSignatures.sign("POST", inbox.getRawPath(), headers, signedHeaders, keyId, key, algorithm);
        return send(HttpRequest.newBuilder(inbox)
                .header("Date", headers.get("date"))
                .header("Digest", headers.get("digest"))
                .header("Content-Type", headers.get("content-type"))
                .header("Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /**
     * From now on the peer's inboxes take only deliveries whose signature, in one of these schemes, verifies with the
     * signer's published key (fetched once per key id, over HTTP, from the actor document the key id points into),
     * and answer 401 to any other: a server that verifies only those schemes. Checked with {@link IndependentRfc9421}
     * and {@link IndependentSignatures}, not with Weft's code.
     */
    public void acceptOnly(SignatureScheme... schemes) {
        List<SignatureScheme> accepted = List.of(schemes);
        for (String path : List.of("/inbox", actorPath + "/inbox")) {
            wireMock.stubFor(post(urlPathEqualTo(path)).atPriority(1)
                    .andMatching(request -> MatchResult.of(verifies(request, accepted)))
                    .willReturn(aResponse().withStatus(202)));
            // Before the constructor's take-everything stub (WireMock's default priority is 5).
            wireMock.stubFor(post(urlPathEqualTo(path)).atPriority(2).willReturn(aResponse().withStatus(401)));
        }
    }

    /** Requests Weft made to this peer's inboxes that the peer took (2xx), oldest first. */
    public List<LoggedRequest> acceptedInboxPosts() {
        return wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().endsWith("inbox"))
                .filter(e -> e.getResponse().getStatus() / 100 == 2)
                .map(e -> (LoggedRequest) e.getRequest())
                .toList().reversed();
    }

    /**
     * @param request a request this peer received
     * @return the scheme it was signed with: RFC 9421 when it carries {@code Signature-Input}
     */
    public static SignatureScheme schemeOf(Request request) {
        return request.containsHeader("Signature-Input") ? SignatureScheme.RFC_9421 : SignatureScheme.DRAFT_CAVAGE;
    }

    private boolean verifies(Request request, List<SignatureScheme> accepted) {
        SignatureScheme scheme = schemeOf(request);
        if (!accepted.contains(scheme) || !request.containsHeader("Signature")) {
            return false;
        }
        Function<String, String> header = name -> request.containsHeader(name) ? request.getHeader(name) : null;
        URI target = URI.create(request.getAbsoluteUrl());
        try {
            String keyId = IndependentRfc9421.keyIdOf(header);
            PublicKey key = publicKeys.computeIfAbsent(keyId, FediversePeer::publishedKey);
            if (scheme == SignatureScheme.RFC_9421) {
                return IndependentRfc9421.contentDigest(request.getBody()).equals(header.apply("Content-Digest"))
                        && IndependentRfc9421.components(header.apply("Signature-Input")).contains("content-digest")
                        && IndependentRfc9421.verify("POST", target, header, header.apply("Signature-Input"),
                        header.apply("Signature"), key);
            }
            return IndependentSignatures.digest(request.getBody()).equals(header.apply("Digest"))
                    && IndependentSignatures.verify(header.apply("Signature"), "POST", target.getRawPath(), header, key);
        } catch (AssertionError | RuntimeException e) {
            return false;
        }
    }

    /** The public key of a key id like {@code https://camp.example/groups/block3#main-key}, from its actor document. */
    private static PublicKey publishedKey(String keyId) {
        String actor = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
        String pem = TestHttp.activityJson(actor).path("publicKey").path("publicKeyPem").asText()
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key of " + keyId, e);
        }
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

    public PrivateKey key() {
        return privateKey(keyFixture);
    }

    public static PrivateKey privateKey(String fixture) {
        try (InputStream in = FediversePeer.class.getResourceAsStream("/fixtures/" + fixture)) {
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
