package org.weft.activitypub.signature;

import java.io.IOException;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tomitribe.auth.signatures.Algorithm;
import org.tomitribe.auth.signatures.Signature;
import org.tomitribe.auth.signatures.Signer;
import org.tomitribe.auth.signatures.SigningAlgorithm;

/**
 * Signs outgoing requests for one actor key, the way Mastodon does ({@code algorithm="rsa-sha256"}).
 *
 * <p>The returned maps hold every header that was signed, in signing order, plus {@code Signature}.
 * The caller sends them all except {@code Host}, which {@link java.net.http.HttpClient} sets itself to
 * the same value (host, and the port only when it is not the scheme's default). Thread-safe.
 */
public final class HttpSigner {

    private static final List<String> POST_HEADERS = List.of("(request-target)", "host", "date", "digest", "content-type");
    private static final List<String> GET_HEADERS = List.of("(request-target)", "host", "date", "accept");

    private final String keyId;
    private final PrivateKey privateKey;
    // tomitribe's Signer signs a test string when it is built, so building one per request doubled the RSA work.
    // A Signer is safe to share: each sign() takes a fresh java.security.Signature.
    private final Signer postSigner;
    private final Signer getSigner;
    /** The last body digested: a fan-out sends the same bytes to every inbox, so it is hashed once. */
    private volatile DigestedBody lastBody;

    private record DigestedBody(byte[] body, String digest) {
    }

    /**
     * @param keyId the key id published in the actor's {@code publicKey.id}, e.g. {@code https://host/users/a#main-key}
     * @param privateKey the matching RSA private key
     */
    public HttpSigner(String keyId, PrivateKey privateKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.postSigner = signer(POST_HEADERS);
        this.getSigner = signer(GET_HEADERS);
    }

    private Signer signer(List<String> signed) {
        return new Signer(privateKey,
                new Signature(keyId, SigningAlgorithm.RSA_SHA256, Algorithm.RSA_SHA256, null, null, signed));
    }

    /** @return the key id put in every signature */
    public String keyId() {
        return keyId;
    }

    /**
     * Signs a POST, e.g. an activity delivered to an inbox.
     *
     * @param target the full URL posted to
     * @param body the exact bytes that will be sent; not to be changed afterwards (its digest may be reused)
     * @param contentType the Content-Type that will be sent, e.g. {@code application/activity+json}
     * @param now the signing time, written to {@code Date}
     * @return headers {@code Date, Digest, Content-Type, Host, Signature}
     */
    public Map<String, String> signPost(URI target, byte[] body, String contentType, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", HttpDates.format(now));
        headers.put("Digest", digest(body));
        headers.put("Content-Type", contentType);
        headers.put("Host", hostHeader(target));
        return sign("post", target, headers, postSigner);
    }

    /**
     * Signs a GET, e.g. an authorized fetch by the instance actor.
     *
     * @param target the full URL fetched; its query string is part of {@code (request-target)}
     * @param accept the Accept header that will be sent, byte for byte
     * @param now the signing time, written to {@code Date}
     * @return headers {@code Date, Accept, Host, Signature}
     */
    public Map<String, String> signGet(URI target, String accept, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", HttpDates.format(now));
        headers.put("Accept", accept);
        headers.put("Host", hostHeader(target));
        return sign("get", target, headers, getSigner);
    }

    /**
     * The Host header value {@link java.net.http.HttpClient} sends for a URL (HTTP/1.1): the host, plus
     * {@code :port} only when a port is given that is not the scheme's default.
     *
     * @param target the URL
     * @return e.g. {@code example.com} or {@code 127.0.0.1:8080}
     */
    public static String hostHeader(URI target) {
        String host = target.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL has no host: " + target);
        }
        int port = target.getPort();
        boolean secure = "https".equalsIgnoreCase(target.getScheme());
        boolean defaultPort = port == -1 || (secure ? port == 443 : port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /**
     * The {@code (request-target)} path as HttpClient writes it in the request line.
     *
     * @param target the URL
     * @return raw path ({@code /} if empty) plus {@code ?query} when present
     */
    static String pathAndQuery(URI target) {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
    }

    private String digest(byte[] body) {
        DigestedBody last = lastBody;
        if (last != null && last.body() == body) {
            return last.digest();
        }
        // The workers that start a fan-out together would each hash the new body; one does, the others wait for it.
        synchronized (this) {
            last = lastBody;
            if (last != null && last.body() == body) {
                return last.digest();
            }
            String digest = Digests.sha256Header(body);
            lastBody = new DigestedBody(body, digest);
            return digest;
        }
    }

    private Map<String, String> sign(String method, URI target, Map<String, String> headers, Signer signer) {
        Map<String, String> lowerCased = new LinkedHashMap<>();
        // tomitribe lower-cases with the default locale; handing it lower-case names keeps that a no-op.
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        try {
            Signature signature = signer.sign(method, pathAndQuery(target), lowerCased);
            headers.put("Signature", signature.toParamString());
            return headers;
        } catch (IOException e) {
            throw new IllegalStateException("signing failed for " + target, e);
        }
    }
}
