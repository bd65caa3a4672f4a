package org.weft.server.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9421 HTTP Message Signatures written from the RFC with nothing but {@code java.security} and regular
 * expressions, so tests can sign the way Mastodon 4.5 signs ({@code sig1=("@method" "@target-uri"
 * "content-digest");created=…;keyid="…"}, RSASSA-PKCS1-v1_5 SHA-256) and check what Weft sends without trusting
 * Weft's own code. Only the simple shapes are handled: plain component names, {@code rsa-v1_5-sha256}.
 */
public final class IndependentRfc9421 {
    /** The components Mastodon covers on a POST. */
    public static final List<String> MASTODON_POST = List.of("@method", "@target-uri", "content-digest");

    private static final Pattern MEMBER = Pattern.compile("^\\s*([a-z*][a-z0-9_.*-]*)=\\(([^)]*)\\)(.*)$");
    private static final Pattern COMPONENT = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern KEY_ID = Pattern.compile(";keyid=\"([^\"]*)\"");
    private static final Pattern DRAFT_KEY_ID = Pattern.compile("keyId=\"([^\"]*)\"");
    private static final Pattern BYTES = Pattern.compile("^\\s*([a-z*][a-z0-9_.*-]*)=:([A-Za-z0-9+/=]*):\\s*$");

    /**
     * The two fields of one signature.
     *
     * @param signatureInput the {@code Signature-Input} value
     * @param signature the {@code Signature} value
     */
    public record Signed(String signatureInput, String signature) {
    }

    private IndependentRfc9421() {
    }

    /** @return {@code sha-256=:…:}, the RFC 9530 {@code Content-Digest} of the body */
    public static String contentDigest(byte[] body) {
        try {
            return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)) + ":";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the {@code created}/{@code keyid} parameters Mastodon writes */
    public static String mastodonParameters(Instant created, String keyId) {
        return ";created=" + created.getEpochSecond() + ";keyid=\"" + keyId + "\"";
    }

    /**
     * @param values each covered component name and its value, in signing order
     * @param parameters the parameters exactly as they follow the inner list, e.g. {@code ;created=1;keyid="k"}
     * @return the two fields, with the given label
     */
    public static Signed sign(PrivateKey key, String label, Map<String, String> values, String parameters) {
        String signatureParams = innerList(values.keySet()) + parameters;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(base(values, signatureParams).getBytes(StandardCharsets.US_ASCII));
            return new Signed(label + "=" + signatureParams, label + "=:" + Base64.getEncoder().encodeToString(rsa.sign()) + ":");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks one signature (the fields hold one member each) of a received request.
     *
     * @param method the request's method
     * @param targetUri the full URL the request was sent to, as the sender saw it
     * @param header a received header's value by lower-case name, or null
     * @return true if the signature verifies with the key over the components it names
     */
    public static boolean verify(String method, URI targetUri, Function<String, String> header, String signatureInput,
                                 String signature, PublicKey key) {
        Matcher input = signatureInput == null ? null : MEMBER.matcher(signatureInput);
        Matcher bytes = signature == null ? null : BYTES.matcher(signature);
        if (input == null || bytes == null || !input.matches() || !bytes.matches() || !input.group(1).equals(bytes.group(1))) {
            return false;
        }
        Map<String, String> covered = new LinkedHashMap<>();
        for (String name : components(signatureInput)) {
            String value = componentValue(name, method, targetUri, header);
            if (value == null) {
                return false;
            }
            covered.put(name, value);
        }
        String base = base(covered, signatureInput.strip().substring(input.group(1).length() + 1));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(base.getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getDecoder().decode(bytes.group(2)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** @return the covered component names of a one-member {@code Signature-Input}, in order */
    public static List<String> components(String signatureInput) {
        Matcher input = MEMBER.matcher(signatureInput);
        if (!input.matches()) {
            throw new IllegalArgumentException("not one Signature-Input member: " + signatureInput);
        }
        List<String> names = new ArrayList<>();
        Matcher component = COMPONENT.matcher(input.group(2));
        while (component.find()) {
            names.add(component.group(1));
        }
        return names;
    }

    /**
     * The key id of a received request's signature, whichever scheme it came in.
     *
     * @param header a received header's value by name, or null
     * @return {@code keyid} from {@code Signature-Input}, else {@code keyId} from a draft-cavage {@code Signature}
     */
    public static String keyIdOf(Function<String, String> header) {
        String input = header.apply("Signature-Input");
        Matcher m = input != null ? KEY_ID.matcher(input) : DRAFT_KEY_ID.matcher(String.valueOf(header.apply("Signature")));
        if (!m.find()) {
            throw new AssertionError("no key id in " + (input != null ? input : header.apply("Signature")));
        }
        return m.group(1);
    }

    private static String componentValue(String name, String method, URI target, Function<String, String> header) {
        boolean defaultPort = target.getPort() == -1
                || target.getPort() == ("https".equalsIgnoreCase(target.getScheme()) ? 443 : 80);
        String authority = (target.getHost() + (defaultPort ? "" : ":" + target.getPort())).toLowerCase(Locale.ROOT);
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String query = target.getRawQuery();
        return switch (name) {
            case "@method" -> method.toUpperCase(Locale.ROOT);
            case "@target-uri" -> target.getScheme().toLowerCase(Locale.ROOT) + "://" + authority + path
                    + (query == null ? "" : "?" + query);
            case "@authority" -> authority;
            case "@scheme" -> target.getScheme().toLowerCase(Locale.ROOT);
            case "@path" -> path;
            case "@query" -> "?" + (query == null ? "" : query);
            case "@request-target" -> path + (query == null ? "" : "?" + query);
            default -> name.startsWith("@") ? null : trimmed(header.apply(name));
        };
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static String innerList(Iterable<String> components) {
        List<String> quoted = new ArrayList<>();
        components.forEach(name -> quoted.add("\"" + name + "\""));
        return "(" + String.join(" ", quoted) + ")";
    }

    private static String base(Map<String, String> values, String signatureParams) {
        StringBuilder base = new StringBuilder();
        values.forEach((name, value) -> base.append('"').append(name).append("\": ").append(value).append('\n'));
        return base.append("\"@signature-params\": ").append(signatureParams).toString();
    }
}
