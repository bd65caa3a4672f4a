package org.weft.server.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hashing at production's cost unless the test build asks for less, and a hash checks only its own password. */
class PasswordsTest {
    @Test
    void withoutTheTestPropertyTheCostIsTwelve() {
        assertEquals(12, Passwords.cost(null));
        assertEquals(12, Passwords.cost(" "));
        assertEquals(4, Passwords.cost("4"));
        assertThrows(IllegalArgumentException.class, () -> Passwords.cost("3"));
        assertThrows(IllegalArgumentException.class, () -> Passwords.cost("32"));
    }

    @Test
    void theTestBuildHashesAtBcryptsLeastCost() {
        // Surefire's argLine sets the property: if it stopped doing so, every sign-in in the suite would cost 0.3 s.
        assertEquals("4", System.getProperty(Passwords.TEST_COST_PROPERTY));
        assertTrue(Passwords.hash("a member's password").startsWith("$2b$04$"));
        assertFalse(Passwords.atProductionCost());
    }

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = Passwords.hash("correct horse battery");
        assertTrue(Passwords.matches("correct horse battery", hash));
        assertFalse(Passwords.matches("correct horse batterz", hash));
        assertFalse(Passwords.matches("correct horse battery", "not a hash"));
        // A member's hash stored at production's cost checks the same way: a hash carries its own cost.
        assertTrue(Passwords.matches("a member's password", HASHED_AT_TWELVE));
        assertFalse(Passwords.matches("a member's passwore", HASHED_AT_TWELVE));
    }

    /** "a member's password" hashed at cost 12 with BouncyCastle's bcrypt, as production stores it. */
    private static final String HASHED_AT_TWELVE = "$2b$12$PyDKww7/PyOpE/vnx0cBz.TCbzfUhzcBgXBVERTpqihDDrBbTdsBW";
}
