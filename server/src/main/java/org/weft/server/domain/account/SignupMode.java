package org.weft.server.domain.account;

import java.util.Locale;

/** Who may create an account from the web pages: anyone, people with an invite code, or nobody (CLI only). */
public enum SignupMode {
    OPEN, INVITE, CLOSED;

    public static SignupMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("weft.signup must be open, invite or closed, got " + value);
        }
    }
}
