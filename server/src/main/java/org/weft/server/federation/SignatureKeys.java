package org.weft.server.federation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.http.Headers;
import io.helidon.http.HeaderNames;
import org.weft.server.federation.quota.InboxQuotas;

/**
 * The server a request claims to come from, read from its signature's {@code keyId} before anything is verified:
 * only good enough to turn away a server that is already over its limits (see {@link InboxQuotas#precheck}).
 */
final class SignatureKeys {
    /** {@code keyId="…"} in a draft-cavage {@code Signature}, {@code keyid="…"} in an RFC 9421 {@code Signature-Input}. */
    private static final Pattern KEY_ID = Pattern.compile("keyid\\s*=\\s*\"([^\"]{1,2000})\"", Pattern.CASE_INSENSITIVE);

    private SignatureKeys() {
    }

    /**
     * The {@code host[:port]} of the key id in {@code Signature-Input} (RFC 9421), {@code Signature} or
     * {@code Authorization: Signature …} (draft-cavage), or null.
     */
    static String host(Headers headers) {
        String signature = headers.first(HeaderNames.create("Signature-Input"))
                .or(() -> headers.first(HeaderNames.create("Signature")))
                .or(() -> headers.first(HeaderNames.AUTHORIZATION)).orElse(null);
        if (signature == null) {
            return null;
        }
        Matcher m = KEY_ID.matcher(signature);
        return m.find() ? InboxQuotas.hostOf(m.group(1)) : null;
    }
}
