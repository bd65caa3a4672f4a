package org.weft.activitypub.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The {@code Digest} header (RFC 3230) over raw body bytes, SHA-256 only, as Mastodon requires.
 */
public final class Digests {

    private static final String LABEL = "SHA-256";

    private Digests() {
    }

    /**
     * Computes the header value for a body.
     *
     * @param body the exact bytes sent
     * @return {@code SHA-256=<base64>}; the label stays uppercase because Threads rejects {@code sha-256=}
     */
    public static String sha256Header(byte[] body) {
        return LABEL + "=" + Base64.getEncoder().encodeToString(sha256(body));
    }

    /**
     * Checks a received {@code Digest} header against the raw body.
     *
     * @param digestHeader the header value, possibly listing several comma-separated digests
     * @param body the raw bytes received
     * @return true if a SHA-256 entry (label matched case-insensitively) equals the body's digest;
     *         false if there is none, it is malformed, or it differs
     */
    public static boolean matches(String digestHeader, byte[] body) {
        if (digestHeader == null) {
            return false;
        }
        for (String entry : digestHeader.split(",")) {
            int equals = entry.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String label = entry.substring(0, equals).trim().toUpperCase(Locale.ROOT);
            if (label.equals(LABEL)) {
                return sameDigest(entry.substring(equals + 1).trim(), body);
            }
        }
        return false;
    }

    private static boolean sameDigest(String base64, byte[] body) {
        try {
            return MessageDigest.isEqual(Base64.getDecoder().decode(base64), sha256(body));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
