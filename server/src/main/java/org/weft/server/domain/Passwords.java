package org.weft.server.domain;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashing with bcrypt (BouncyCastle's implementation), cost 12.
 *
 * <p>The test build lowers the cost with the system property {@value #TEST_COST_PROPERTY} (Surefire's argLine sets 4,
 * bcrypt's least): at cost 12 each hash takes a quarter to half a second here, and the suite signs up and signs in
 * members thousands of times, which was minutes of every CI run. What the tests check (a hash matches its password
 * and no other, an unknown name is checked against a hash of the same cost) holds at any cost, and a stored hash
 * carries its own cost, so checking is the same code either way. Nothing in production sets the property; {@code
 * PasswordsTest} checks that a JVM without it hashes at 12.
 */
public final class Passwords {
    static final String TEST_COST_PROPERTY = "weft.test.bcrypt-cost";
    static final int PRODUCTION_COST = 12;
    private static final int COST = cost(System.getProperty(TEST_COST_PROPERTY));
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated. */
    private static final int MAX_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** The cost to hash at: production's unless the test property names another that bcrypt accepts (4 to 31). */
    static int cost(String property) {
        if (property == null || property.isBlank()) {
            return PRODUCTION_COST;
        }
        int cost = Integer.parseInt(property.strip());
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException(TEST_COST_PROPERTY + " must be 4 to 31, not " + cost);
        }
        return cost;
    }

    /** Whether hashes are made at production's cost (the constant dummy hash of a login is made at that cost). */
    public static boolean atProductionCost() {
        return COST == PRODUCTION_COST;
    }

    public static String hash(String password) {
        validate(password);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, COST);
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isBlank()) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
        } catch (IllegalArgumentException | org.bouncycastle.crypto.DataLengthException e) {
            return false;
        }
    }

    public static void validate(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw InvalidInputException.field("password", "password_too_short", MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw InvalidInputException.field("password", "password_too_long", MAX_BYTES);
        }
    }
}
