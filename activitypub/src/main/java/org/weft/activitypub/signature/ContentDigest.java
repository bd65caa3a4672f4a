package org.weft.activitypub.signature;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * The {@code Content-Digest} field of RFC 9530 over raw body bytes: what an RFC 9421 signature covers
 * instead of draft-cavage's {@code Digest}. A Dictionary of algorithm keys and Byte Sequences, e.g.
 * {@code sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:}.
 */
public final class ContentDigest {

    /** The algorithms checked, keyed as RFC 9530 registers them; others (md5, sha, unknown) are ignored. */
    private static final Map<String, String> CHECKED = Map.of("sha-256", "SHA-256", "sha-512", "SHA-512");

    private ContentDigest() {
    }

    /**
     * @param body the exact bytes sent
     * @return the field value {@code sha-256=:<base64>:}
     */
    public static String sha256Field(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(digest("SHA-256", body)) + ":";
    }

    /**
     * Checks the field against the raw body. Every {@code sha-256} and {@code sha-512} entry must match,
     * and at least one must be there; entries of other algorithms are ignored (RFC 9530 §2 lets a
     * recipient ignore any of them, and the deprecated ones are worthless against a forger).
     *
     * @param fieldLines every line of the {@code Content-Digest} field as received; empty or null if absent
     * @param body the raw bytes received
     * @throws SignatureException {@link Reason#DIGEST_MISSING} when the field or a checked entry is absent,
     *         {@link Reason#MALFORMED} when it is not a Dictionary of Byte Sequences,
     *         {@link Reason#DIGEST_MISMATCH} when an entry differs from the body's digest
     */
    public static void check(List<String> fieldLines, byte[] body) throws SignatureException {
        if (fieldLines == null || fieldLines.isEmpty()) {
            throw new SignatureException(Reason.DIGEST_MISSING, "no Content-Digest field");
        }
        Dictionary digests = StructuredFields.dictionary("Content-Digest", fieldLines);
        boolean checked = false;
        for (Map.Entry<String, ListElement<?>> entry : digests.get().entrySet()) {
            String jvmName = CHECKED.get(entry.getKey());
            if (jvmName == null) {
                continue;
            }
            if (!(entry.getValue() instanceof ByteSequenceItem value)) {
                throw new SignatureException(Reason.MALFORMED, "Content-Digest " + entry.getKey() + " is not a byte sequence");
            }
            if (!MessageDigest.isEqual(bytes(value.get()), digest(jvmName, body))) {
                throw new SignatureException(Reason.DIGEST_MISMATCH,
                        "Content-Digest " + entry.getKey() + " does not match the body");
            }
            checked = true;
        }
        if (!checked) {
            throw new SignatureException(Reason.DIGEST_MISSING,
                    "Content-Digest has no sha-256 or sha-512 entry, only " + digests.get().keySet());
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static byte[] digest(String jvmName, byte[] body) {
        try {
            return MessageDigest.getInstance(jvmName).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + jvmName, e);
        }
    }
}
