package org.weft.activitypub.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 9421 written out by hand from the RFC, independently of the production classes and of the
 * structured-field library, so tests can make exactly what a given peer sends (Mastodon 4.5:
 * {@code sig1=("@method" "@target-uri" "content-digest");created=…;keyid=…}) and check what Weft sends.
 * Only the simple shapes are handled: plain component names, one label.
 */
final class Rfc9421TestSigner {

    private static final Pattern MEMBER = Pattern.compile("^([a-z*][a-z0-9_.*-]*)=\\(([^)]*)\\)(.*)$");
    private static final Pattern COMPONENT = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern BYTES = Pattern.compile("^([a-z*][a-z0-9_.*-]*)=:([A-Za-z0-9+/=]*):$");

    /**
     * @param signatureInput the {@code Signature-Input} value
     * @param signature the {@code Signature} value
     */
    record Signed(String signatureInput, String signature) {
    }

    private Rfc9421TestSigner() {
    }

    static String contentDigest(String algorithm, byte[] body) {
        String jvm = algorithm.equals("sha-512") ? "SHA-512" : "SHA-256";
        try {
            return algorithm + "=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance(jvm).digest(body)) + ":";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param key the signer's key
     * @param jvmAlgorithm {@code SHA256withRSA} or {@code Ed25519}
     * @param label e.g. {@code sig1}
     * @param values each covered component name → its value, in signing order
     * @param parameters the parameters exactly as they follow the inner list, e.g. {@code ;created=1;keyid="k"}
     */
    static Signed sign(PrivateKey key, String jvmAlgorithm, String label, Map<String, String> values, String parameters) {
        String signatureParams = innerList(values.keySet()) + parameters;
        String base = base(values, signatureParams);
        try {
            java.security.Signature signer = java.security.Signature.getInstance(jvmAlgorithm);
            signer.initSign(key);
            signer.update(base.getBytes(StandardCharsets.US_ASCII));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            return new Signed(label + "=" + signatureParams, label + "=:" + signature + ":");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks a signature Weft made: reads the one member of each field with regular expressions, rebuilds the
     * base from the component values the test computed from the request on the wire, and verifies.
     *
     * @param values every component value the signature may cover, by name
     * @return the covered component names, in order, if the signature is valid; throws otherwise
     */
    static List<String> verify(PublicKey key, String jvmAlgorithm, Map<String, String> values, String signatureInput,
                               String signature) {
        Matcher input = MEMBER.matcher(signatureInput);
        Matcher bytes = BYTES.matcher(signature);
        if (!input.matches() || !bytes.matches() || !input.group(1).equals(bytes.group(1))) {
            throw new AssertionError("not one matching member each: " + signatureInput + " / " + signature);
        }
        List<String> components = new ArrayList<>();
        Matcher component = COMPONENT.matcher(input.group(2));
        while (component.find()) {
            components.add(component.group(1));
        }
        Map<String, String> covered = new LinkedHashMap<>();
        for (String name : components) {
            if (!values.containsKey(name)) {
                throw new AssertionError("covers " + name + ", which the test has no value for");
            }
            covered.put(name, values.get(name));
        }
        String base = base(covered, signatureInput.substring(input.group(1).length() + 1));
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(jvmAlgorithm);
            verifier.initVerify(key);
            verifier.update(base.getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getDecoder().decode(bytes.group(2)))) {
                throw new AssertionError("signature does not verify over:\n" + base);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return components;
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
