package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RsaKeysTest {

    @Test
    void generatesRsa2048AndRoundTripsThroughPem() throws Exception {
        KeyPair pair = RsaKeys.generate();
        assertEquals(2048, ((RSAPublicKey) pair.getPublic()).getModulus().bitLength());

        String publicPem = RsaKeys.toPem(pair.getPublic());
        String privatePem = RsaKeys.toPem(pair.getPrivate());
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(publicPem.lines().allMatch(line -> line.length() <= 64));

        assertEquals(pair.getPublic(), RsaKeys.publicKeyFromPem(publicPem));
        assertEquals(pair.getPrivate(), RsaKeys.privateKeyFromPem(privatePem));
    }

    @Test
    void fixtureKeysFormAPair() throws Exception {
        PrivateKey privateKey = RsaKeys.privateKeyFromPem(Fixtures.text("fixtures/keys/mastodon-rosa.pem"));
        PublicKey publicKey = RsaKeys.publicKeyFromPem(Fixtures.text("fixtures/keys/mastodon-rosa.pub.pem"));
        String signature = CavageTestSigner.rsaSha256(privateKey, "hello");

        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initVerify(publicKey);
        rsa.update("hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(rsa.verify(Base64.getDecoder().decode(signature)));
    }

    @Test
    void readsPkcs1PublicKeysAndJsonEscapedNewlines() throws Exception {
        PublicKey key = RsaKeys.generate().getPublic();
        byte[] spki = key.getEncoded();
        // A 2048-bit SPKI is a 24-byte prefix (SEQUENCE, AlgorithmIdentifier, BIT STRING header) + PKCS#1.
        byte[] pkcs1 = Arrays.copyOfRange(spki, 24, spki.length);
        String pkcs1Pem = "-----BEGIN RSA PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(pkcs1)
                + "\\n-----END RSA PUBLIC KEY-----";
        assertArrayEquals(spki, RsaKeys.publicKeyFromPem(pkcs1Pem).getEncoded());
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThrows(InvalidKeySpecException.class, () -> RsaKeys.publicKeyFromPem("not a key"));
        assertThrows(InvalidKeySpecException.class, () -> RsaKeys.publicKeyFromPem(null));
        KeyPair pair = RsaKeys.generate();
        assertThrows(InvalidKeySpecException.class, () -> RsaKeys.publicKeyFromPem(RsaKeys.toPem(pair.getPrivate())));
        assertThrows(InvalidKeySpecException.class, () -> RsaKeys.privateKeyFromPem(RsaKeys.toPem(pair.getPublic())));
    }
}
