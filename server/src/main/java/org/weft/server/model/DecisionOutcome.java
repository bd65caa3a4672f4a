package org.weft.server.model;

import java.util.Locale;

/** How a decision ended, written once when its poll closes. */
public enum DecisionOutcome {
    /** The required majority was reached: the proposed rules replaced the old ones. */
    ADOPTED,
    /** It was not: nothing changed. */
    REJECTED,
    /** The rules changed by another way while the poll was open: nothing changed, whatever the votes. */
    VOID;

    /** Its name in the API: {@code adopted}, {@code rejected}, {@code void}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The message key of its name: {@code decision.outcome.adopted}, … */
    public String messageKey() {
        return "decision.outcome." + word();
    }
}
