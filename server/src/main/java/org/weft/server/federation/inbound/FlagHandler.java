package org.weft.server.federation.inbound;

import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.moderation.Reports;

/**
 * {@code Flag}: a report from another server, as Mastodon sends one (its instance actor, the reported account and
 * posts as {@code object}, the comment as {@code content}). It becomes a report for the moderators of the community the
 * reported posts are in (the operators otherwise).
 */
public final class FlagHandler implements ActivityHandler {
    private final Reports reports;

    public FlagHandler(Reports reports) {
        this.reports = reports;
    }

    @Override
    public void handle(Activity flag) throws IgnoredActivity {
        if (reports.fromFlag(flag).isEmpty()) {
            throw new IgnoredActivity("Flag " + flag.id() + " names nothing known here, came before, or its server's"
                    + " reports are rejected");
        }
    }
}
