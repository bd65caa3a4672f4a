package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.greenbytes.http.sfv.Dictionary;
import org.junit.jupiter.api.Test;
import org.weft.activitypub.signature.SignatureException.Reason;

/**
 * The examples of RFC 9421 itself (Appendix B.2, B.4 and the {@code proxy_sig} of §4.3), byte for byte:
 * the signature base Weft builds from each example message must be the RFC's, and the signatures must
 * check out. Deterministic algorithms are also re-signed and compared with the RFC's signature value:
 * Ed25519 (B.2.6) and RSASSA-PKCS1-v1_5 (§4.3), the two Weft uses; HMAC (B.2.5) is computed here. The
 * RSA-PSS examples (B.2.1, B.2.3), which Weft does not accept from peers, are verified with the JDK's
 * RSASSA-PSS in this test, as independent proof that the bases are right. Keys and texts: test resources
 * {@code rfc9421/} (see their README). B.2.2 uses {@code @query-param}, which Weft refuses (see below);
 * B.2.4 signs a response.
 */
class Rfc9421ExamplesTest {

    private static final URI EXAMPLE_COM = URI.create("https://example.com");
    private static final String CONTENT_DIGEST =
            "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";
    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.US_ASCII);

    /** The RFC's {@code test-request} (Appendix B.2). */
    private static IncomingRequest testRequest() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("example.com"));
        headers.put("Date", List.of("Tue, 20 Apr 2021 02:07:55 GMT"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Content-Digest", List.of(CONTENT_DIGEST));
        headers.put("Content-Length", List.of("18"));
        return new IncomingRequest("POST", "/foo", "param=Value&Pet=dog", headers, BODY);
    }

    @Test
    void b21MinimalSignatureBaseAndRsaPssSignature() throws Exception {
        String input = "sig-b21=();created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2pp5k7z-50gnwp.yemd\"";
        String base = base(testRequest(), EXAMPLE_COM, input, "sig-b21");

        assertEquals("\"@signature-params\": ();created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2pp5k7z-50gnwp.yemd\"",
                base);
        assertTrue(rsaPssSha512Verifies(Rfc9421Keys.rsaPssPublic(), base, "d2pmTvmbncD3xQm8E9ZV2828BjQWGgiwAaw5bAkgibUo"
                + "pemLJcWDy/lkbbHAve4cRAtx31Iq786U7it++wgGxbtRxf8Udx7zFZsckzXaJMkA7ChG52eSkFxykJeNqsrWH5S+oxNFlD4dzVuwe8D"
                + "hTSja8xxbR/Z2cOGdCbzR72rgFWhzx2VjBqJzsPLMIQKhO4DGezXehhWwE56YCE+O6c0mKZsfxVrogUvA4HELjVKWmAvtl6UnCh8jYzu"
                + "VG5WSb/QEVPnP5TmcAnLH1g+s++v6d4s8m0gCw1fV5/SITLq9mhho8K3+7EPYTU8IU1bLhdxO5Nyt8C8ssinQ98Xw9Q=="));
    }

    @Test
    void b22QueryParameterComponentIsRefusedAsUnsupported() {
        String input = "sig-b22=(\"@authority\" \"content-digest\" \"@query-param\";name=\"Pet\");created=1618884473"
                + ";keyid=\"test-key-rsa-pss\";tag=\"header-example\"";
        SignatureException refused = assertThrows(SignatureException.class,
                () -> base(testRequest(), EXAMPLE_COM, input, "sig-b22"));
        assertEquals(Reason.MALFORMED, refused.reason());
    }

    @Test
    void b23FullCoverageBaseAndRsaPssSignature() throws Exception {
        String input = "sig-b23=(\"date\" \"@method\" \"@path\" \"@query\" \"@authority\" \"content-type\" \"content-digest\""
                + " \"content-length\");created=1618884473;keyid=\"test-key-rsa-pss\"";
        String base = base(testRequest(), EXAMPLE_COM, input, "sig-b23");

        assertEquals("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@query": ?param=Value&Pet=dog
                "@authority": example.com
                "content-type": application/json
                "content-digest": %s
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" \
                "content-length");created=1618884473;keyid="test-key-rsa-pss\"""".formatted(CONTENT_DIGEST), base);
        assertTrue(rsaPssSha512Verifies(Rfc9421Keys.rsaPssPublic(), base, "bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh"
                + "0yBiMIRGOnMYwZ/5MR6fb0Kh1rIRASVxFkeGt683+qRpRRU5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMF"
                + "kl+V5B1TP/yPViV7KsLNmvKiLJH1pFkh/aYA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9Bmzhuz"
                + "F8Eim5f8ui9eH8LZH896+QIF61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA=="));
    }

    @Test
    void b25HmacBaseGivesTheRfcMac() throws Exception {
        String input = "sig-b25=(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"";
        String base = base(testRequest(), EXAMPLE_COM, input, "sig-b25");

        assertEquals("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@authority": example.com
                "content-type": application/json
                "@signature-params": ("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret\"""",
                base);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode("uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkd"
                + "JPBtbmHhIDi6pcl8jsasjlTMtDQ=="), "HmacSHA256"));
        assertEquals("pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=",
                Base64.getEncoder().encodeToString(hmac.doFinal(base.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void b26Ed25519BaseAndSignatureByteForByte() throws Exception {
        String input = "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                + ";created=1618884473;keyid=\"test-key-ed25519\"";
        String base = base(testRequest(), EXAMPLE_COM, input, "sig-b26");

        assertEquals("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@authority": example.com
                "content-type": application/json
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length")\
                ;created=1618884473;keyid="test-key-ed25519\"""", base);
        String rfcSignature = "wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==";
        assertEquals(rfcSignature, Base64.getEncoder().encodeToString(
                SignatureAlgorithm.ED25519.sign(Rfc9421Keys.ed25519Private(), base)));
        assertTrue(SignatureAlgorithm.ED25519.verifies(Rfc9421Keys.ed25519Public(), base,
                Base64.getDecoder().decode(rfcSignature)));
    }

    @Test
    void b26IsRefusedByWeftsRulesBecauseItCoversNeitherTheQueryNorTheDigest() {
        Rfc9421Verifier verifier = new Rfc9421Verifier((keyId, refresh) -> Optional.empty(), clockAt(1618884473),
                ExpectedHost.of(EXAMPLE_COM), new SeenSignatures());
        IncomingRequest signed = with(testRequest(),
                "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                        + ";created=1618884473;keyid=\"test-key-ed25519\"",
                "sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:");
        assertEquals(Reason.REQUEST_TARGET_NOT_SIGNED,
                assertThrows(SignatureException.class, () -> verifier.verify(signed)).reason());
    }

    private static final String PROXY_SIGNATURE = "S6ZzPXSdAMOPjN/6KXfXWNO/f7V6cHm7BXYUh3YD/fRad4BCaRZxP+JH+8XY1I6+8Cy+CM5g92i"
            + "HgxtRPz+MjniOaYmdkDcnL9cCpXJleXsOckpURl49GwiyUpZ10KHgOEe11sx3G2gxI8S0jnxQB+Pu68U9vVcasqOWAEObtNKKZd8tSFu7LB5Y"
            + "Av0RAGhB8tmpv7sFnIm9y+7X5kXQfi8NMaZaA8i2ZHwpBdg7a6CMfwnnrtflzvZdXAsD3LH2TwevU+/PBPv0B6NMNk93wUs/vfJvye+YuI87HU"
            + "38lZHowtznbLVdp770I6VHR6WfgS9ddzirrswsE1w5o0LV/g==";
    private static final String PROXY_INPUT = "proxy_sig=(\"@method\" \"@authority\" \"@path\" \"content-digest\""
            + " \"content-type\" \"content-length\" \"forwarded\");created=1618884480;keyid=\"test-key-rsa\""
            + ";alg=\"rsa-v1_5-sha256\";expires=1618884540";

    /** The message of §4.3 as the proxy forwards it, both signatures on, with or without its query. */
    private static IncomingRequest proxiedRequest(String query, String signatureInput, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("origin.host.internal.example"));
        headers.put("Date", List.of("Tue, 20 Apr 2021 02:07:56 GMT"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Content-Length", List.of("18"));
        headers.put("Forwarded", List.of("for=192.0.2.123;host=example.com;proto=https"));
        headers.put("Content-Digest", List.of(CONTENT_DIGEST));
        headers.put("Signature-Input", List.of(signatureInput));
        headers.put("Signature", List.of(signature));
        return new IncomingRequest("POST", "/foo", query, headers, BODY);
    }

    @Test
    void proxySignatureRsaV15BaseAndSignatureByteForByte() throws Exception {
        String bothInputs = "sig1=(\"@method\" \"@authority\" \"@path\" \"content-digest\" \"content-type\" \"content-length\")"
                + ";created=1618884475;keyid=\"test-key-ecc-p256\", " + PROXY_INPUT;
        IncomingRequest request = proxiedRequest("param=Value&Pet=dog", bothInputs, "unused=:AA==:");
        String base = base(request, URI.create("https://origin.host.internal.example"), bothInputs, "proxy_sig");

        assertEquals("""
                "@method": POST
                "@authority": origin.host.internal.example
                "@path": /foo
                "content-digest": %s
                "content-type": application/json
                "content-length": 18
                "forwarded": for=192.0.2.123;host=example.com;proto=https
                "@signature-params": ("@method" "@authority" "@path" "content-digest" "content-type" "content-length" \
                "forwarded");created=1618884480;keyid="test-key-rsa";alg="rsa-v1_5-sha256";expires=1618884540\
                """.formatted(CONTENT_DIGEST), base);
        assertEquals(PROXY_SIGNATURE, Base64.getEncoder().encodeToString(
                SignatureAlgorithm.RSA_V1_5_SHA256.sign(Rfc9421Keys.rsaPrivate(), base)));
        assertTrue(SignatureAlgorithm.RSA_V1_5_SHA256.verifies(Rfc9421Keys.rsaPublic(), base,
                Base64.getDecoder().decode(PROXY_SIGNATURE)));
    }

    @Test
    void proxySignatureVerifiesEndToEndOnceTheUncoveredQueryIsGone() throws Exception {
        // The query is not covered, so dropping it leaves the signature valid; without it Weft's rules are met.
        IncomingRequest request = proxiedRequest(null, PROXY_INPUT, "proxy_sig=:" + PROXY_SIGNATURE + ":");
        ActorKey key = new ActorKey("test-key-rsa", "https://example.com/proxy", Rfc9421Keys.rsaPublic());
        Rfc9421Verifier verifier = new Rfc9421Verifier(CountingKeyResolver.of(key), clockAt(1618884500),
                ExpectedHost.of(URI.create("https://origin.host.internal.example")), new SeenSignatures());

        VerifiedSignature verified = verifier.verify(request);

        assertEquals(key, verified.key());
        assertEquals(SignatureScheme.RFC_9421, verified.scheme());
        assertEquals(List.of("@method", "@authority", "@path", "content-digest", "content-type", "content-length",
                "forwarded"), verified.signedHeaders());
        IncomingRequest withQuery = proxiedRequest("param=Value&Pet=dog", PROXY_INPUT, "proxy_sig=:" + PROXY_SIGNATURE + ":");
        assertEquals(Reason.REQUEST_TARGET_NOT_SIGNED,
                assertThrows(SignatureException.class, () -> verifier.verify(withQuery)).reason());
    }

    private static final String TRANSFORM_INPUT =
            "transform=(\"@method\" \"@path\" \"@authority\" \"accept\");created=1618884473;keyid=\"test-key-ed25519\"";
    private static final String TRANSFORM_SIGNATURE =
            "transform=:ZT1kooQsEHpZ0I1IjCqtQppOmIqlJPeo7DHR3SoMn0s5JZ1eRGS0A+vyYP9t/LXlh5QMFFQ6cpLt2m0pmj3NDA==:";

    private static IncomingRequest transformed(String method, String query, Map<String, List<String>> headers) {
        Map<String, List<String>> all = new LinkedHashMap<>(headers);
        all.put("Signature-Input", List.of(TRANSFORM_INPUT));
        all.put("Signature", List.of(TRANSFORM_SIGNATURE));
        return new IncomingRequest(method, "/demo", query, all, new byte[0]);
    }

    private static Map<String, List<String>> acceptTwice(String first, String second) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("example.org"));
        headers.put("Date", List.of("Fri, 15 Jul 2022 14:24:55 GMT"));
        headers.put("Accept", List.of(first, second));
        return headers;
    }

    @Test
    void b4TransformationsThatKeepTheSignatureValid() throws Exception {
        URI exampleOrg = URI.create("https://example.org");
        IncomingRequest original = transformed("GET", "name1=Value1&Name2=value2", acceptTwice("application/json", "*/*"));
        String base = base(original, exampleOrg, TRANSFORM_INPUT, "transform");
        assertEquals("""
                "@method": GET
                "@path": /demo
                "@authority": example.org
                "accept": application/json, */*
                "@signature-params": ("@method" "@path" "@authority" "accept");created=1618884473;keyid="test-key-ed25519\"""",
                base);
        assertTrue(transformVerifies(original, exampleOrg));

        Map<String, List<String>> moreHeaders = acceptTwice("application/json", "*/*");
        moreHeaders.put("Accept-Language", List.of("en-US,en;q=0.5"));
        assertTrue(transformVerifies(transformed("GET", "name1=Value1&Name2=value2&param=added", moreHeaders), exampleOrg));

        Map<String, List<String>> collapsed = new LinkedHashMap<>();
        collapsed.put("Host", List.of("example.org"));
        collapsed.put("Referer", List.of("https://developer.example.org/demo"));
        collapsed.put("Accept", List.of("application/json, */*"));
        assertTrue(transformVerifies(transformed("GET", "name1=Value1&Name2=value2", collapsed), exampleOrg));
    }

    @Test
    void b4TransformationsThatBreakTheSignature() throws Exception {
        IncomingRequest post = transformed("POST", "name1=Value1&Name2=value2", acceptTwice("application/json", "*/*"));
        assertFalse(transformVerifies(post, URI.create("https://example.org")));
        IncomingRequest otherAuthority = transformed("GET", "name1=Value1&Name2=value2", acceptTwice("application/json", "*/*"));
        assertFalse(transformVerifies(otherAuthority, URI.create("https://example.com")));
        IncomingRequest swapped = transformed("GET", "name1=Value1&Name2=value2", acceptTwice("*/*", "application/json"));
        assertFalse(transformVerifies(swapped, URI.create("https://example.org")));
    }

    @Test
    void b4VerifiesEndToEndWithAnEd25519KeyWhenNoQueryIsLeftUncovered() throws Exception {
        ActorKey key = new ActorKey("test-key-ed25519", "https://example.org/actor", Rfc9421Keys.ed25519Public());
        Rfc9421Verifier verifier = new Rfc9421Verifier(CountingKeyResolver.of(key), clockAt(1618884500),
                ExpectedHost.of(URI.create("https://example.org")), new SeenSignatures());

        VerifiedSignature verified = verifier.verify(transformed("GET", null, acceptTwice("application/json", "*/*")));

        assertEquals(key, verified.key());
        assertEquals(SignatureScheme.RFC_9421, verified.scheme());
    }

    private static boolean transformVerifies(IncomingRequest request, URI origin) throws Exception {
        String base = base(request, origin, TRANSFORM_INPUT, "transform");
        byte[] signature = Base64.getDecoder().decode(TRANSFORM_SIGNATURE.substring("transform=:".length(),
                TRANSFORM_SIGNATURE.length() - 1));
        return SignatureAlgorithm.ED25519.verifies(Rfc9421Keys.ed25519Public(), base, signature);
    }

    /** The signature base Weft builds for one label of a Signature-Input field. */
    private static String base(IncomingRequest request, URI origin, String signatureInput, String label)
            throws SignatureException {
        Dictionary inputs = StructuredFields.dictionary("Signature-Input", List.of(signatureInput));
        SignatureInput input = SignatureInput.parse(label, inputs.get().get(label));
        return SignatureBase.of(input.components(), input.signatureParams(),
                new ReceivedComponents(request, ExpectedHost.of(origin)));
    }

    private static IncomingRequest with(IncomingRequest request, String signatureInput, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("Signature-Input", List.of(signatureInput));
        headers.put("Signature", List.of(signature));
        return new IncomingRequest(request.method(), request.path(), request.rawQuery(), headers, request.body());
    }

    private static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** RSASSA-PSS with SHA-512, MGF1-SHA-512 and a 64-byte salt (RFC 9421 §3.3.1), straight from the JDK. */
    private static boolean rsaPssSha512Verifies(PublicKey key, String base, String signatureBase64)
            throws GeneralSecurityException {
        java.security.Signature pss = java.security.Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
        pss.initVerify(key);
        pss.update(base.getBytes(StandardCharsets.US_ASCII));
        return pss.verify(Base64.getDecoder().decode(signatureBase64));
    }
}
