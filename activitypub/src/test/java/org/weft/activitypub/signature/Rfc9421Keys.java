package org.weft.activitypub.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The example keys of RFC 9421 Appendix B.1 (test resources {@code rfc9421/}, see their README). */
final class Rfc9421Keys {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    // AlgorithmIdentifier rsaEncryption with NULL parameters.
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private Rfc9421Keys() {
    }

    /** {@code test-key-rsa} (B.1.1), published as a PKCS#1 {@code RSA PUBLIC KEY}. */
    static PublicKey rsaPublic() throws GeneralSecurityException {
        return RsaKeys.publicKeyFromPem(Fixtures.text("rfc9421/test-key-rsa.pem"));
    }

    /** {@code test-key-rsa}'s private half, published as PKCS#1 {@code RSA PRIVATE KEY}: wrapped in PKCS#8 here. */
    static PrivateKey rsaPrivate() throws GeneralSecurityException {
        byte[] pkcs1 = blocks("rfc9421/test-key-rsa.pem").get(1);
        byte[] version = {0x02, 0x01, 0x00};
        byte[] pkcs8 = der(0x30, concat(version, RSA_ALGORITHM, der(0x04, pkcs1)));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** {@code test-key-rsa-pss} (B.1.2): an ordinary RSA SubjectPublicKeyInfo. */
    static PublicKey rsaPssPublic() throws GeneralSecurityException {
        return RsaKeys.publicKeyFromPem(Fixtures.text("rfc9421/test-key-rsa-pss.pem"));
    }

    /** {@code test-key-ed25519} (B.1.4). */
    static PublicKey ed25519Public() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(blocks("rfc9421/test-key-ed25519.pem").get(0)));
    }

    /** {@code test-key-ed25519}'s private half (PKCS#8). */
    static PrivateKey ed25519Private() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(
                new PKCS8EncodedKeySpec(blocks("rfc9421/test-key-ed25519.pem").get(1)));
    }

    private static List<byte[]> blocks(String resource) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(Fixtures.text(resource));
        while (matcher.find()) {
            blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
        }
        return blocks;
    }

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        byte[] header = length < 0x80 ? new byte[] {(byte) tag, (byte) length}
                : length < 0x100 ? new byte[] {(byte) tag, (byte) 0x81, (byte) length}
                : new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        return concat(header, content);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, offset, part.length);
            offset += part.length;
        }
        return joined;
    }
}
