package org.weft.bench.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.weft.activitypub.signature.RsaKeys;

/**
 * The crypto yardstick: RSA-2048 SHA256withRSA sign and verify of a signing string the size of an inbox
 * POST's, with plain {@link Signature}. Run with two threads by {@link RsaYardstick}.
 */
public class RsaBenchmarks {

    /** One key pair and one valid signature for the whole run. */
    @State(Scope.Benchmark)
    public static class Keys {
        KeyPair pair;
        byte[] message;
        byte[] signature;

        @Setup
        public void setUp() throws GeneralSecurityException {
            pair = RsaKeys.generate();
            message = ("(request-target): post /inbox\nhost: camp.weft.example\ndate: Tue, 07 Jun 2026 20:51:35 GMT\n"
                    + "digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\ncontent-type: application/activity+json")
                    .getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            signature = signer.sign();
        }
    }

    /** A Signature object per thread, as a server keeps per request. */
    @State(Scope.Thread)
    public static class PerThread {
        Signature rsa;

        @Setup
        public void setUp() throws GeneralSecurityException {
            rsa = Signature.getInstance("SHA256withRSA");
        }
    }

    @Benchmark
    public byte[] sign(Keys keys, PerThread thread) throws GeneralSecurityException {
        thread.rsa.initSign(keys.pair.getPrivate());
        thread.rsa.update(keys.message);
        return thread.rsa.sign();
    }

    @Benchmark
    public boolean verify(Keys keys, PerThread thread) throws GeneralSecurityException {
        thread.rsa.initVerify(keys.pair.getPublic());
        thread.rsa.update(keys.message);
        return thread.rsa.verify(keys.signature);
    }
}
