package org.weft.server.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draft-cavage signatures written from the specification with nothing but {@code java.security}, so
 * tests can sign like Mastodon and check Weft's signatures without trusting Weft's own code.
 */
public final class IndependentSignatures {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    public static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private IndependentSignatures() {
    }

    public static String httpDate(ZonedDateTime when) {
        return HTTP_DATE.format(when.withZoneSameInstant(ZoneOffset.UTC));
    }

    public static String digest(byte[] body) {
        try {
            return "SHA-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs the given headers (in order, names lower case, {@code (request-target)} allowed) and returns the
     * {@code Signature} header value, parameters in Mastodon's order.
     */
    public static String sign(String method, String pathAndQuery, Map<String, String> headers, List<String> signed,
                              String keyId, PrivateKey key) {
        return sign(method, pathAndQuery, headers, signed, keyId, key, "rsa-sha256");
    }

    /** As above with the {@code algorithm} parameter to send ({@code hs2019} is what Lemmy and GoToSocial send). */
    public static String sign(String method, String pathAndQuery, Map<String, String> headers, List<String> signed,
                              String keyId, PrivateKey key, String algorithm) {
        String signingString = signingString(method, pathAndQuery, signed, name -> headers.get(name));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(rsa.sign());
            return "keyId=\"" + keyId + "\",algorithm=\"" + algorithm + "\",headers=\"" + String.join(" ", signed)
                    + "\",signature=\"" + signature + "\"";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a received Signature header against the request as received. */
    public static boolean verify(String signatureHeader, String method, String pathAndQuery,
                                 Function<String, String> header, PublicKey key) {
        Map<String, String> params = parse(signatureHeader);
        List<String> signed = List.of(params.getOrDefault("headers", "date").split(" "));
        String signingString = signingString(method, pathAndQuery, signed, header);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(params.get("signature")));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static Map<String, String> parse(String signatureHeader) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(signatureHeader);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        return params;
    }

    private static String signingString(String method, String pathAndQuery, List<String> signed,
                                        Function<String, String> header) {
        StringBuilder s = new StringBuilder();
        for (String name : signed) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("(request-target)")) {
                s.append("(request-target): ").append(method.toLowerCase(Locale.ROOT)).append(' ').append(pathAndQuery);
            } else {
                String value = header.apply(lower);
                if (value == null) {
                    throw new IllegalArgumentException("Signed header missing: " + lower);
                }
                s.append(lower).append(": ").append(value);
            }
        }
        return s.toString();
    }
}
