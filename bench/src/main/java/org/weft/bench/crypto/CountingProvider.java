package org.weft.bench.crypto;

import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.util.List;
import java.util.Map;

/**
 * A provider placed first in the JVM's list that serves {@code SHA256withRSA} and {@code SHA-256} by
 * delegating to the JDK's own and counting each sign, verify and large digest. Code that asks for
 * the algorithm by name (as the server does) gets it without any change to that code.
 */
public final class CountingProvider extends Provider {
    private static final String NAME = "WeftBenchCounting";

    private CountingProvider() {
        super(NAME, "1.0", "counts RSA signs/verifies and body digests for benchmarks");
        putService(new CountingService(this, "Signature", "SHA256withRSA", List.of("1.2.840.113549.1.1.11")));
        putService(new CountingService(this, "MessageDigest", "SHA-256", List.of("SHA256", "2.16.840.1.101.3.4.2.1")));
    }

    /** Installs the provider once, ahead of every other. */
    public static synchronized void install() {
        if (Security.getProvider(NAME) == null) {
            Security.insertProviderAt(new CountingProvider(), 1);
        }
    }

    private static final class CountingService extends Provider.Service {
        CountingService(Provider provider, String type, String algorithm, List<String> aliases) {
            super(provider, type, algorithm, CountingService.class.getName(), aliases, Map.of());
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            try {
                return getType().equals("Signature")
                        ? new CountingSignature(Signature.getInstance("SHA256withRSA", "SunRsaSign"))
                        : new CountingDigest(MessageDigest.getInstance("SHA-256", "SUN"));
            } catch (NoSuchProviderException e) {
                throw new NoSuchAlgorithmException("the JDK's own provider is missing", e);
            }
        }
    }

    /** Counts {@code sign()} and {@code verify()}; everything else goes straight to the JDK. */
    private static final class CountingSignature extends SignatureSpi {
        private final Signature delegate;

        CountingSignature(Signature delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInitVerify(PublicKey publicKey) throws InvalidKeyException {
            delegate.initVerify(publicKey);
        }

        @Override
        protected void engineInitSign(PrivateKey privateKey) throws InvalidKeyException {
            delegate.initSign(privateKey);
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            CryptoCounters.SIGNS.increment();
            return delegate.sign();
        }

        @Override
        protected boolean engineVerify(byte[] sigBytes) throws SignatureException {
            CryptoCounters.VERIFIES.increment();
            return delegate.verify(sigBytes);
        }

        @Override
        @SuppressWarnings("deprecation")
        protected void engineSetParameter(String param, Object value) throws InvalidParameterException {
            throw new InvalidParameterException("not supported");
        }

        @Override
        @SuppressWarnings("deprecation")
        protected Object engineGetParameter(String param) throws InvalidParameterException {
            throw new InvalidParameterException("not supported");
        }
    }

    /** Counts digests over at least {@link CryptoCounters#BODY_SIZE} bytes. */
    private static final class CountingDigest extends MessageDigestSpi {
        private final MessageDigest delegate;
        private long length;

        CountingDigest(MessageDigest delegate) {
            this.delegate = delegate;
        }

        @Override
        protected int engineGetDigestLength() {
            return delegate.getDigestLength();
        }

        @Override
        protected void engineUpdate(byte input) {
            length++;
            delegate.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            length += len;
            delegate.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            if (length >= CryptoCounters.BODY_SIZE) {
                CryptoCounters.BODY_DIGESTS.increment();
            }
            length = 0;
            return delegate.digest();
        }

        @Override
        protected void engineReset() {
            length = 0;
            delegate.reset();
        }
    }
}
