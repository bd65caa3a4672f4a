package org.weft.server.ui.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The CSRF token as forms carry it: XORed with a fresh random pad and sent with the pad, so it reads differently in
 * every form and every page. Pages are compressed, and a page that repeats a secret byte for byte next to text an
 * attacker can put there (a search term) lets the compressed size reveal the secret (BREACH); a masked token never
 * repeats. The form's value unmasks back to the visitor's own token.
 */
final class CsrfMask {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private CsrfMask() {
    }

    /** {@code token} masked with a new pad: base64url(pad ‖ pad⊕token). */
    static String mask(String token) {
        byte[] secret = token.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[secret.length * 2];
        byte[] pad = new byte[secret.length];
        RANDOM.nextBytes(pad);
        for (int i = 0; i < secret.length; i++) {
            out[i] = pad[i];
            out[secret.length + i] = (byte) (pad[i] ^ secret[i]);
        }
        return ENCODE.encodeToString(out);
    }

    /** Whether {@code given} is {@code token} masked (or, from a page made before masking, the token itself). */
    static boolean matches(String token, String given) {
        if (token == null || given == null) {
            return false;
        }
        byte[] expected = token.getBytes(StandardCharsets.US_ASCII);
        Optional<byte[]> unmasked = unmask(given, expected.length);
        byte[] candidate = unmasked.orElse(given.getBytes(StandardCharsets.US_ASCII));
        return MessageDigest.isEqual(expected, candidate);
    }

    private static Optional<byte[]> unmask(String given, int length) {
        if (given.length() > 4 * length) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = DECODE.decode(given);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != 2 * length) {
            return Optional.empty();
        }
        byte[] secret = new byte[length];
        for (int i = 0; i < length; i++) {
            secret[i] = (byte) (raw[i] ^ raw[length + i]);
        }
        return Optional.of(secret);
    }
}
