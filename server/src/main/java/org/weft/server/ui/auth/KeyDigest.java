package org.weft.server.ui.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A short, stable digest of a sign-in limit's key (an account name, a client address, a device key): the same on every
 * node, so nodes can count together, without writing the address or the name itself into the change feed. 128 bits
 * of SHA-256 are far more than needed to keep two keys apart.
 */
final class KeyDigest {
    private KeyDigest() {
    }

    /** The digest of {@code value} in the namespace {@code what} (so a name and an address never share a count). */
    static String of(String what, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((what + ":" + value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
