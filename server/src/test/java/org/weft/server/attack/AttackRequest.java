package org.weft.server.attack;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.weft.server.testing.FediversePeer;
import org.weft.server.testing.IndependentSignatures;
import org.weft.server.testing.MastodonPeer;

/**
 * A request an attacker sends: signed with a real key (a peer's test key, so the key fetch succeeds), and
 * every part of it under the test's control: the headers signed, the {@code Date}, the {@code Host} (sent and
 * signed, whatever the address connected to), parameters appended to the {@code Signature} after signing.
 * Signed with {@link IndependentSignatures}, not with Weft's own signer. {@link #bytes()} are exactly what goes
 * on the wire, so a test can send the same request twice, or to another server.
 */
public final class AttackRequest {
    private final String method;
    private final URI target;
    private final byte[] body;
    private String keyId;
    private PrivateKey key;
    private String algorithm = "rsa-sha256";
    private List<String> signedHeaders;
    private Instant date = Instant.now();
    private String host;
    private String appendToSignature = "";
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private AttackRequest(String method, URI target, byte[] body) {
        this.method = method;
        this.target = target;
        this.body = body;
        this.host = target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
        this.signedHeaders = method.equals("POST") ? MastodonPeer.SIGNED_HEADERS : List.of("(request-target)", "host", "date",
                "accept");
    }

    /** A POST of {@code json} to {@code target}, signed the way Mastodon signs (until told otherwise). */
    public static AttackRequest post(URI target, String json) {
        return new AttackRequest("POST", target, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A GET of {@code target} asking for ActivityPub JSON, signed like Mastodon's fetches. */
    public static AttackRequest get(URI target) {
        return new AttackRequest("GET", target, new byte[0]);
    }

    /** Signs as the peer's user, with its key id, its algorithm and its list of signed headers. */
    public AttackRequest signedBy(FediversePeer peer, String algorithm, List<String> signedHeaders) {
        this.keyId = peer.keyId();
        this.key = peer.key();
        this.algorithm = algorithm;
        this.signedHeaders = List.copyOf(signedHeaders);
        return this;
    }

    /** Signs as the Mastodon peer's user, as Mastodon does. */
    public AttackRequest signedBy(MastodonPeer peer) {
        return signedBy(peer, "rsa-sha256", method.equals("POST") ? MastodonPeer.SIGNED_HEADERS : signedHeaders);
    }

    /** @param id the {@code keyId} to name instead of the signer's own (the private key stays the same) */
    public AttackRequest keyId(String id) {
        this.keyId = id;
        return this;
    }

    /** @param names the header names to sign, lower case, {@code (request-target)} allowed, in order */
    public AttackRequest signing(List<String> names) {
        this.signedHeaders = List.copyOf(names);
        return this;
    }

    /** @param when the {@code Date} sent and signed */
    public AttackRequest date(Instant when) {
        this.date = when;
        return this;
    }

    /** @param value the {@code Host} sent and signed, e.g. another server's */
    public AttackRequest host(String value) {
        this.host = value;
        return this;
    }

    /** @param parameters text added to the {@code Signature} header after signing, e.g. {@code ,created=1234} */
    public AttackRequest appendToSignature(String parameters) {
        this.appendToSignature = parameters;
        return this;
    }

    /** @param name a further header to send (lower case); sign it too by listing it in {@link #signing} */
    public AttackRequest header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    /** @return the request exactly as sent, with {@code Connection: close} */
    public byte[] bytes() {
        if (key == null) {
            throw new IllegalStateException("say who signs: signedBy(...)");
        }
        Map<String, String> signable = new LinkedHashMap<>();
        signable.put("host", host);
        signable.put("date", IndependentSignatures.httpDate(date.atZone(ZoneOffset.UTC)));
        if (method.equals("POST")) {
            signable.put("digest", IndependentSignatures.digest(body));
            signable.put("content-type", "application/activity+json");
        } else {
            signable.put("accept", "application/activity+json");
        }
        signable.putAll(extraHeaders);
        String pathAndQuery = target.getRawQuery() == null ? target.getRawPath()
                : target.getRawPath() + "?" + target.getRawQuery();
        String signature = IndependentSignatures.sign(method, pathAndQuery, signable, signedHeaders, keyId, key, algorithm)
                + appendToSignature;
        StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\n");
        signable.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("signature: ").append(signature).append("\r\n")
                .append("content-length: ").append(body.length).append("\r\n")
                .append("connection: close\r\n\r\n");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        wire.writeBytes(body);
        return wire.toByteArray();
    }

    /** @return the port the request is addressed to */
    public int port() {
        return target.getPort();
    }

    /** Sends {@link #bytes()} to the target's port on loopback. */
    public RawHttp.Response send() {
        return RawHttp.send(target.getPort(), bytes());
    }

    /** Sends {@link #bytes()} to another port on loopback: the same request, delivered somewhere else. */
    public RawHttp.Response sendTo(int port) {
        return RawHttp.send(port, bytes());
    }
}
