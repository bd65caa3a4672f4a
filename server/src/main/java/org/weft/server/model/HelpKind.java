package org.weft.server.model;

import java.util.Optional;

/** What kind of help: a thing given, a thing lent, or time given. Wire values are ValueFlows actions. */
public enum HelpKind {
    GIFT("transfer"), LOAN("use"), TIME("deliverService");

    private final String action;

    HelpKind(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }

    public static Optional<HelpKind> fromAction(String action) {
        if (action == null) {
            return Optional.empty();
        }
        return switch (action) {
            case "transfer", "transferAllRights", "transferCustody" -> Optional.of(GIFT);
            case "use" -> Optional.of(LOAN);
            case "deliverService", "work" -> Optional.of(TIME);
            default -> Optional.empty();
        };
    }
}
