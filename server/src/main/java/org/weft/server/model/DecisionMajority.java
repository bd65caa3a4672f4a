package org.weft.server.model;

import java.util.Locale;

/**
 * The majority a community's decisions need, set by its moderators. Only votes cast count: a member who does not vote
 * is not counted either way (there is no "abstain" option).
 */
public enum DecisionMajority {
    /** More votes for than against; a tie is not adopted. */
    SIMPLE,
    /** At least two thirds of the votes cast are for (exactly two thirds is enough). */
    TWO_THIRDS,
    /** Nobody chose "I object", and at least one vote is for ("against" says "I would rather not" without blocking). */
    CONSENT;

    /** Its name in the API and the forms: {@code simple}, {@code two_thirds}, {@code consent}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The majority a word names, or null. */
    public static DecisionMajority fromWord(String word) {
        for (DecisionMajority m : values()) {
            if (m.word().equals(word)) {
                return m;
            }
        }
        return null;
    }

    /** The message key of its name: {@code decision.majority.simple}, … */
    public String messageKey() {
        return "decision.majority." + word();
    }
}
