package org.weft.activitypub.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Builds draft-cavage signatures by hand, independently of tomitribe, so tests can produce exactly what a
 * given remote server sends (any header list, any algorithm name, (created), missing algorithm).
 */
final class CavageTestSigner {

    private CavageTestSigner() {
    }

    /**
     * @param algorithm the algorithm parameter to write, or null to leave it out
     * @param extraParameters written verbatim after keyId (e.g. {@code created=123,}) or empty
     * @param headerValues lower-case header name → value, for every non-pseudo signed header
     */
    static String signature(PrivateKey key, String keyId, String algorithm, String extraParameters, String method,
                            String requestTarget, List<String> signedHeaders, Map<String, String> headerValues) {
        List<String> lines = new ArrayList<>();
        for (String name : signedHeaders) {
            if (name.equals("(request-target)")) {
                lines.add("(request-target): " + method.toLowerCase() + " " + requestTarget);
            } else {
                lines.add(name + ": " + headerValues.get(name));
            }
        }
        String signingString = String.join("\n", lines);
        StringBuilder header = new StringBuilder("keyId=\"" + keyId + "\",");
        if (algorithm != null) {
            header.append("algorithm=\"").append(algorithm).append("\",");
        }
        header.append(extraParameters)
                .append("headers=\"").append(String.join(" ", signedHeaders)).append("\",")
                .append("signature=\"").append(rsaSha256(key, signingString)).append('"');
        return header.toString();
    }

    static String rsaSha256(PrivateKey key, String signingString) {
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
