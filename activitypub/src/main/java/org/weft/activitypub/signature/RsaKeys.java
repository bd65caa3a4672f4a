package org.weft.activitypub.signature;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RSA key pairs for actors: generation and PEM encoding.
 *
 * <p>Public keys are written as SPKI ({@code -----BEGIN PUBLIC KEY-----}), the form Mastodon publishes
 * in {@code publicKeyPem}; private keys as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}). Reading also
 * accepts PKCS#1 {@code RSA PUBLIC KEY} blocks, which a few older servers publish.
 */
public final class RsaKeys {

    /** Size of generated keys; Mastodon and tootik accept 2048 bits and up. */
    public static final int KEY_SIZE_BITS = 2048;

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    // AlgorithmIdentifier for rsaEncryption with NULL parameters, used to wrap a PKCS#1 key as SPKI.
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };

    private RsaKeys() {
    }

    /**
     * Generates a new RSA key pair of {@value #KEY_SIZE_BITS} bits.
     *
     * @return the key pair
     */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides RSA", e);
        }
    }

    /**
     * Encodes a public key as an SPKI PEM block.
     *
     * @param key the key
     * @return {@code -----BEGIN PUBLIC KEY-----} … with a trailing newline
     */
    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /**
     * Encodes a private key as a PKCS#8 PEM block.
     *
     * @param key the key
     * @return {@code -----BEGIN PRIVATE KEY-----} … with a trailing newline
     */
    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Reads an RSA public key from a PEM block (SPKI or PKCS#1).
     *
     * @param pem the PEM text; surrounding text and escaped whitespace are tolerated
     * @return the key
     * @throws InvalidKeySpecException if the text holds no readable RSA public key
     */
    public static PublicKey publicKeyFromPem(String pem) throws InvalidKeySpecException {
        Block block = readBlock(pem);
        byte[] spki = switch (block.type()) {
            case "PUBLIC KEY" -> block.der();
            case "RSA PUBLIC KEY" -> wrapPkcs1PublicKey(block.der());
            default -> throw new InvalidKeySpecException("not a public key: " + block.type());
        };
        return rsaFactory().generatePublic(new X509EncodedKeySpec(spki));
    }

    /**
     * Reads an RSA private key from a PKCS#8 PEM block.
     *
     * @param pem the PEM text
     * @return the key
     * @throws InvalidKeySpecException if the text holds no readable PKCS#8 RSA private key
     */
    public static PrivateKey privateKeyFromPem(String pem) throws InvalidKeySpecException {
        Block block = readBlock(pem);
        if (!block.type().equals("PRIVATE KEY")) {
            throw new InvalidKeySpecException("not a PKCS#8 private key: " + block.type());
        }
        return rsaFactory().generatePrivate(new PKCS8EncodedKeySpec(block.der()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static Block readBlock(String pem) throws InvalidKeySpecException {
        if (pem == null) {
            throw new InvalidKeySpecException("no PEM text");
        }
        Matcher matcher = PEM_BLOCK.matcher(pem.replace("\\n", "\n"));
        if (!matcher.find()) {
            throw new InvalidKeySpecException("no PEM block found");
        }
        try {
            return new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException("PEM body is not base64", e);
        }
    }

    private static byte[] wrapPkcs1PublicKey(byte[] pkcs1) {
        byte[] bitString = derElement(0x03, concat(new byte[] {0x00}, pkcs1));
        return derElement(0x30, concat(RSA_ALGORITHM_ID, bitString));
    }

    private static byte[] derElement(int tag, byte[] content) {
        int length = content.length;
        byte[] header;
        if (length < 0x80) {
            header = new byte[] {(byte) tag, (byte) length};
        } else if (length < 0x100) {
            header = new byte[] {(byte) tag, (byte) 0x81, (byte) length};
        } else {
            header = new byte[] {(byte) tag, (byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return concat(header, content);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static KeyFactory rsaFactory() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides RSA", e);
        }
    }

    private record Block(String type, byte[] der) {
    }
}
