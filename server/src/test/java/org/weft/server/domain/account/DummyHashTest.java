package org.weft.server.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.Passwords;

/** The hash an unknown username is checked against costs what a member's does, so the two take as long. */
class DummyHashTest {
    @Test
    void isABcryptHashAtTheCostOfAMembersPassword() {
        String members = Passwords.hash("a member's password");
        // "$2b$04$" in the test build: the variant and the cost, then 53 characters of salt and hash
        assertEquals(members.substring(0, 7), AccountService.DUMMY_HASH.substring(0, 7));
        assertEquals(members.length(), AccountService.DUMMY_HASH.length());
    }

    @Test
    void productionsDummyHashIsAtProductionsCost() {
        assertEquals("$2b$12$", AccountService.PRODUCTION_DUMMY_HASH.substring(0, 7));
        assertEquals(60, AccountService.PRODUCTION_DUMMY_HASH.length());
        assertFalse(Passwords.matches("", AccountService.PRODUCTION_DUMMY_HASH));
        assertFalse(Passwords.matches("password", AccountService.PRODUCTION_DUMMY_HASH));
    }

    @Test
    void noPasswordOfTheKindAMemberTypesMatchesIt() {
        assertFalse(Passwords.matches("", AccountService.DUMMY_HASH));
        assertFalse(Passwords.matches("not-a-real-password-", AccountService.DUMMY_HASH));
    }
}
