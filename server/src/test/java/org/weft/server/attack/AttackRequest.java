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
import org.weft.server.testing.IndependentRfc9421;
import org.weft.server.testing.IndependentSignatures;
import org.weft.server.testing.MastodonPeer;

/**
 * A request an attacker sends: signed with a real key (a peer's test key, so the key fetch succeeds), and
 * every part of it under the test's control: the headers signed, the {@code Date}, the {@code Host} (sent and
 * signed, whatever the address connected to), parameters appended to the {@code Signature} after signing.
 * Signed with {@link IndependentSignatures} (draft-cavage) or, after {@link #rfc9421()}, with
 * {@link IndependentRfc9421} the way Mastodon 4.5 signs; never with Weft's own signer. {@link #bytes()} are exactly
 * what goes on the wire, so a test can send the same request twice, or to another server.
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
    private boolean rfc9421;
    private List<String> components;
    private Instant created;
    private String signedMethod;
    private String signedTarget;
    private byte[] bodySent;
    private boolean digestOfBodySent;
    private String labelsBefore = "";
    private String labelsAfter = "";

    private AttackRequest(String method, URI target, byte[] body) {
        this.method = method;
        this.target = target;
        this.body = body;
        this.host = target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
        this.signedHeaders = method.equals("POST") ? MastodonPeer.SIGNED_HEADERS : List.of("(request-target)", "host", "date",
                "accept");
        this.components = method.equals("POST") ? IndependentRfc9421.MASTODON_POST : List.of("@method", "@target-uri");
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

    /**
     * Signs with another key of the same server, as Mastodon signs its fetches with its instance actor's key.
     *
     * @param id  the key's id, e.g. {@code https://mastodon.example/actor#main-key}
     * @param key the matching private key
     */
    public AttackRequest signedWith(String id, PrivateKey key) {
        this.keyId = id;
        this.key = key;
        return this;
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

    /**
     * Signs with RFC 9421 instead, as Mastodon 4.5 does: {@code Signature-Input} and {@code Signature} with the label
     * {@code sig1}, {@code created} and {@code keyid}, {@code ("@method" "@target-uri" "content-digest")} on POST and
     * {@code ("@method" "@target-uri")} on GET, {@code Content-Digest} instead of {@code Digest}.
     */
    public AttackRequest rfc9421() {
        this.rfc9421 = true;
        return this;
    }

    /** @param names the RFC 9421 components to cover, in order */
    public AttackRequest covering(List<String> names) {
        this.components = List.copyOf(names);
        return this;
    }

    /** @param when the RFC 9421 {@code created} parameter (by default the {@link #date}) */
    public AttackRequest created(Instant when) {
        this.created = when;
        return this;
    }

    /** @param method the {@code @method} the RFC 9421 signature covers, instead of the one sent */
    public AttackRequest signedMethod(String method) {
        this.signedMethod = method;
        return this;
    }

    /** @param url the {@code @target-uri} the RFC 9421 signature covers, instead of the URL sent to */
    public AttackRequest signedTarget(String url) {
        this.signedTarget = url;
        return this;
    }

    /**
     * @param json another body to send than the one signed
     * @param withItsDigest true to send that body's own digest (so only the signature can notice), false to keep the
     *        signed body's digest
     */
    public AttackRequest bodySent(String json, boolean withItsDigest) {
        this.bodySent = json.getBytes(StandardCharsets.UTF_8);
        this.digestOfBodySent = withItsDigest;
        return this;
    }

    /**
     * @param signatureInput a further {@code Signature-Input} member, e.g. {@code x=("@method");created=1;keyid="k"}
     * @param signature its {@code Signature} member, e.g. {@code x=:AAAA:}
     * @param first true to put it before the real signature, false after
     */
    public AttackRequest label(String signatureInput, String signature, boolean first) {
        if (first) {
            labelsBefore = signatureInput + "\u0000" + signature;
        } else {
            labelsAfter = signatureInput + "\u0000" + signature;
        }
        return this;
    }

    /** @return the request exactly as sent, with {@code Connection: close} */
    public byte[] bytes() {
        if (key == null) {
            throw new IllegalStateException("say who signs: signedBy(...)");
        }
        if (rfc9421) {
            return rfc9421Bytes();
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

    private byte[] rfc9421Bytes() {
        byte[] sent = bodySent == null ? body : bodySent;
        String pathAndQuery = target.getRawQuery() == null ? target.getRawPath()
                : target.getRawPath() + "?" + target.getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", host);
        headers.put("date", IndependentSignatures.httpDate(date.atZone(ZoneOffset.UTC)));
        if (method.equals("POST")) {
            headers.put("content-type", "application/activity+json");
            headers.put("content-digest", IndependentRfc9421.contentDigest(digestOfBodySent ? sent : body));
        } else {
            headers.put("accept", "application/activity+json");
        }
        headers.putAll(extraHeaders);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : components) {
            values.put(name, switch (name) {
                case "@method" -> signedMethod == null ? method : signedMethod;
                case "@target-uri" -> signedTarget == null ? target.getScheme() + "://" + host + pathAndQuery : signedTarget;
                case "@authority" -> host;
                case "@path" -> target.getRawPath();
                default -> headers.get(name);
            });
        }
        // The digest covered is the signed body's, whatever is sent.
        values.computeIfPresent("content-digest", (name, value) -> IndependentRfc9421.contentDigest(body));
        IndependentRfc9421.Signed signed = IndependentRfc9421.sign(key, "sig1", values,
                IndependentRfc9421.mastodonParameters(created == null ? date : created, keyId));
        String input = join(labelsBefore, 0, signed.signatureInput(), labelsAfter);
        String signature = join(labelsBefore, 1, signed.signature(), labelsAfter);
        StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("signature-input: ").append(input).append("\r\n")
                .append("signature: ").append(signature).append("\r\n")
                .append("content-length: ").append(sent.length).append("\r\n")
                .append("connection: close\r\n\r\n");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        wire.writeBytes(sent);
        return wire.toByteArray();
    }

    private static String join(String before, int part, String real, String after) {
        StringBuilder field = new StringBuilder();
        if (!before.isEmpty()) {
            field.append(before.split("\u0000")[part]).append(", ");
        }
        field.append(real);
        if (!after.isEmpty()) {
            field.append(", ").append(after.split("\u0000")[part]);
        }
        return field.toString();
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
