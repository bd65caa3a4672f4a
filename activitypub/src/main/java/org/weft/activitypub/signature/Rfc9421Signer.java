package org.weft.activitypub.signature;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.StringItem;

/**
 * Signs outgoing requests for one actor key with RFC 9421 HTTP Message Signatures, the way Mastodon
 * does: {@code sig1=("@method" "@target-uri" "content-digest");created=…;keyid="…";alg="rsa-v1_5-sha256"}
 * on POST (with {@code Content-Digest: sha-256=:…:}) and {@code ("@method" "@target-uri")} on GET. The
 * algorithm follows from the key: {@code rsa-v1_5-sha256} for RSA, {@code ed25519} for Ed25519.
 *
 * <p>The returned maps hold every header to send, plus {@code Host} (and {@code Content-Length} when a
 * shape covers it), which {@link java.net.http.HttpClient} sets itself to the very values signed: the
 * caller leaves those two out. Thread-safe.
 */
public final class Rfc9421Signer {

    /** Header fields a shape may cover, besides the derived components, on any request. */
    private static final Set<String> ALWAYS_SENT = Set.of("date", "host");
    /** Header fields that exist only on a request with a body. */
    private static final Set<String> BODY_FIELDS = Set.of("content-type", "content-digest", "content-length");

    private final String keyId;
    private final PrivateKey privateKey;
    private final SignatureAlgorithm algorithm;
    /** The last body digested: a fan-out sends the same bytes to every inbox, so it is hashed once. */
    private volatile DigestedBody lastBody;

    private record DigestedBody(byte[] body, String field) {
    }

    /**
     * @param keyId the key id published in the actor's {@code publicKey.id}
     * @param privateKey an RSA or Ed25519 private key
     * @throws IllegalArgumentException for any other kind of key, or a key id that is not printable ASCII
     */
    public Rfc9421Signer(String keyId, PrivateKey privateKey) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.algorithm = SignatureAlgorithm.forKey(privateKey).orElseThrow(
                () -> new IllegalArgumentException("no RFC 9421 algorithm for a " + privateKey.getAlgorithm() + " key"));
        StringItem.valueOf(keyId);
    }

    /** @return the key id put in every signature */
    public String keyId() {
        return keyId;
    }

    /** @return the algorithm of the key, written as {@code alg} */
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Signs a POST with {@link SignatureRequest#POST}.
     *
     * @param target the full URL posted to
     * @param body the exact bytes that will be sent; not to be changed afterwards (its digest may be reused)
     * @param contentType the Content-Type that will be sent
     * @param now the signing time, written to {@code created} and {@code Date}
     * @return headers {@code Date, Content-Type, Content-Digest, Host, Signature-Input, Signature}
     */
    public Map<String, String> signPost(URI target, byte[] body, String contentType, Instant now) {
        return signPost(target, body, contentType, now, SignatureRequest.POST);
    }

    /**
     * Signs a POST in the shape a server asked for.
     *
     * @param target the full URL posted to
     * @param body the exact bytes that will be sent
     * @param contentType the Content-Type that will be sent
     * @param now the signing time
     * @param shape what to cover; {@link #canSign} must have accepted it
     * @return the headers to send, as {@link #signPost(URI, byte[], String, Instant)}, plus
     *         {@code Content-Length} if covered
     * @throws IllegalArgumentException if this signer cannot make that shape
     */
    public Map<String, String> signPost(URI target, byte[] body, String contentType, Instant now, SignatureRequest shape) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", HttpDates.format(now));
        headers.put("Content-Type", contentType);
        headers.put("Content-Digest", digest(body));
        headers.put("Host", HttpSigner.hostHeader(target));
        if (shape.components().contains("content-length")) {
            headers.put("Content-Length", Integer.toString(body.length));
        }
        return sign("POST", target, headers, now, shape, true);
    }

    /**
     * Signs a GET with {@link SignatureRequest#GET}.
     *
     * @param target the full URL fetched
     * @param accept the Accept header that will be sent
     * @param now the signing time
     * @return headers {@code Date, Accept, Host, Signature-Input, Signature}
     */
    public Map<String, String> signGet(URI target, String accept, Instant now) {
        return signGet(target, accept, now, SignatureRequest.GET);
    }

    /**
     * Signs a GET in the shape a server asked for.
     *
     * @param target the full URL fetched
     * @param accept the Accept header that will be sent
     * @param now the signing time
     * @param shape what to cover; {@link #canSign} must have accepted it
     * @return the headers to send
     * @throws IllegalArgumentException if this signer cannot make that shape
     */
    public Map<String, String> signGet(URI target, String accept, Instant now, SignatureRequest shape) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Date", HttpDates.format(now));
        headers.put("Accept", accept);
        headers.put("Host", HttpSigner.hostHeader(target));
        return sign("GET", target, headers, now, shape, false);
    }

    /**
     * Whether this signer can make a signature of the given shape (RFC 9421 §5.2 step 2.3 and 2.4): every
     * component is one it can compute for such a request, and any {@code alg} and {@code keyid} asked for
     * are its own.
     *
     * @param shape the shape asked for
     * @param withBody true for a POST, false for a GET
     * @return true if {@link #signPost} or {@link #signGet} can make it
     */
    public boolean canSign(SignatureRequest shape, boolean withBody) {
        if (shape.alg().isPresent() && !shape.alg().get().equals(algorithm.rfcName())) {
            return false;
        }
        if (shape.keyId().isPresent() && !shape.keyId().get().equals(keyId)) {
            return false;
        }
        for (String component : shape.components()) {
            boolean known = SignatureInput.DERIVED.contains(component) || ALWAYS_SENT.contains(component)
                    || (withBody ? BODY_FIELDS.contains(component) : component.equals("accept"));
            if (!known) {
                return false;
            }
        }
        return shape.components().size() == Set.copyOf(shape.components()).size();
    }

    /**
     * The {@code @authority} of a URL (RFC 9421 §2.2.3): the host in lower case, and the port only when it
     * is not the scheme's default.
     *
     * @param target the URL
     * @return e.g. {@code camp.example} or {@code 127.0.0.1:8080}
     */
    public static String authority(URI target) {
        return HttpSigner.hostHeader(target).toLowerCase(Locale.ROOT);
    }

    private Map<String, String> sign(String method, URI target, Map<String, String> headers, Instant now,
                                     SignatureRequest shape, boolean withBody) {
        if (!canSign(shape, withBody)) {
            throw new IllegalArgumentException("cannot sign " + shape + " on a " + method);
        }
        InnerList signatureParams = signatureParams(shape, now);
        String base;
        try {
            base = SignatureBase.of(shape.components(), signatureParams.serialize(),
                    new SentComponents(method, target, headers));
        } catch (SignatureException e) {
            throw new IllegalArgumentException("cannot sign " + target + ": " + e.getMessage(), e);
        }
        byte[] signature = algorithm.sign(privateKey, base);
        headers.put("Signature-Input", member(shape.label(), signatureParams));
        headers.put("Signature", member(shape.label(), ByteSequenceItem.valueOf(signature)));
        return headers;
    }

    private InnerList signatureParams(SignatureRequest shape, Instant now) {
        List<Item<?>> components = new ArrayList<>(shape.components().size());
        shape.components().forEach(name -> components.add(StringItem.valueOf(name)));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("created", now.getEpochSecond());
        if (shape.expires()) {
            parameters.put("expires", now.plus(SignatureVerifier.DEFAULT_VALIDITY).getEpochSecond());
        }
        parameters.put("keyid", keyId);
        parameters.put("alg", algorithm.rfcName());
        shape.nonce().ifPresent(nonce -> parameters.put("nonce", nonce));
        shape.tag().ifPresent(tag -> parameters.put("tag", tag));
        return InnerList.valueOf(components).withParams(Parameters.valueOf(parameters));
    }

    private static String member(String label, ListElement<?> value) {
        Map<String, ListElement<?>> dictionary = new LinkedHashMap<>();
        dictionary.put(label, value);
        return Dictionary.valueOf(dictionary).serialize();
    }

    private String digest(byte[] body) {
        DigestedBody last = lastBody;
        if (last != null && last.body() == body) {
            return last.field();
        }
        // As HttpSigner: the workers that start a fan-out together wait for one digest of the new body.
        synchronized (this) {
            last = lastBody;
            if (last != null && last.body() == body) {
                return last.field();
            }
            String field = ContentDigest.sha256Field(body);
            lastBody = new DigestedBody(body, field);
            return field;
        }
    }
}
