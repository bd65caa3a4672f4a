package org.weft.activitypub.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The RFC 9421 algorithms Weft signs and verifies with. The algorithm always follows from the key (an
 * RSA key means {@code rsa-v1_5-sha256}, an Ed25519 key {@code ed25519}), never from the request: an
 * {@code alg} parameter is only checked against it (RFC 9421 §3.2 step 6).
 */
public enum SignatureAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 9421 §3.3.2): the algorithm of every actor key in use today. */
    RSA_V1_5_SHA256("rsa-v1_5-sha256", "SHA256withRSA"),
    /** EdDSA on edwards25519 (RFC 9421 §3.3.6), for actors that publish an Ed25519 key (FEP-521a). */
    ED25519("ed25519", "Ed25519");

    private final String rfcName;
    private final String jvmName;

    SignatureAlgorithm(String rfcName, String jvmName) {
        this.rfcName = rfcName;
        this.jvmName = jvmName;
    }

    /** @return the name registered for the {@code alg} parameter, e.g. {@code rsa-v1_5-sha256} */
    public String rfcName() {
        return rfcName;
    }

    /**
     * @param key a public or private key
     * @return the algorithm that key is used with, or empty for any other kind of key
     */
    public static Optional<SignatureAlgorithm> forKey(Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> Optional.of(RSA_V1_5_SHA256);
            case "EdDSA", "Ed25519" -> Optional.of(ED25519);
            default -> Optional.empty();
        };
    }

    /**
     * @param rfcName an {@code alg} parameter value
     * @return the algorithm of that name, or empty if Weft does not support it
     */
    public static Optional<SignatureAlgorithm> named(String rfcName) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.rfcName.equals(rfcName)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * @param key the signer's private key, of this algorithm's kind
     * @param signatureBase the signature base (ASCII)
     * @return the signature bytes
     */
    public byte[] sign(PrivateKey key, String signatureBase) {
        try {
            java.security.Signature signature = java.security.Signature.getInstance(jvmName);
            signature.initSign(key);
            signature.update(signatureBase.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(rfcName + " signing failed with a " + key.getAlgorithm() + " key", e);
        }
    }

    /**
     * @param key the signer's public key
     * @param signatureBase the signature base rebuilt from the received request
     * @param signature the received signature bytes
     * @return true if the signature is valid; false if not, or if the key does not suit this algorithm
     */
    public boolean verifies(PublicKey key, String signatureBase, byte[] signature) {
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(jvmName);
            verifier.initVerify(key);
            verifier.update(signatureBase.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
