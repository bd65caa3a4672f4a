package org.weft.activitypub.delivery;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which inboxes an activity is posted to: one POST per shared inbox, however many of that
 * server's actors are addressed, and the personal inbox for actors without one.
 */
public final class InboxPlanner {

    private InboxPlanner() {
    }

    /**
     * @param recipients the remote (and possibly local) actors addressed
     * @param isLocal true for inboxes on this instance, which are handled without HTTP
     * @return distinct inbox URLs, in the order their first recipient appeared, local ones left out
     */
    public static List<URI> plan(Collection<Recipient> recipients, Predicate<URI> isLocal) {
        Set<URI> inboxes = new LinkedHashSet<>();
        for (Recipient recipient : recipients) {
            URI inbox = recipient.deliveryInbox();
            if (!isLocal.test(inbox)) {
                inboxes.add(inbox);
            }
        }
        return List.copyOf(inboxes);
    }
}
