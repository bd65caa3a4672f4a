package org.weft.server.model;

import java.util.Locale;

/** What a moderation action did, as the public moderation log lists it (each has a translated name). */
public enum ModerationActionKind {
    DOMAIN_SILENCED, DOMAIN_SUSPENDED, DOMAIN_UNBLOCKED, ACCOUNT_BLOCKED, ACCOUNT_UNBLOCKED, POST_HIDDEN, POST_SHOWN,
    REPORT_FORWARDED, FOLLOWER_REMOVED, POLL_CLOSED, DECISION_MAJORITY_SET, DECISION_ADOPTED, DECISION_REJECTED,
    DECISION_VOID, POSTS_TURNED_DOWN, SERVER_BLOCKED, SERVER_UNBLOCKED;

    /** The message key of its name in the log: {@code moderationLog.kind.accountBlocked}, … */
    public String messageKey() {
        StringBuilder key = new StringBuilder("moderationLog.kind.");
        boolean upper = false;
        for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }
}
