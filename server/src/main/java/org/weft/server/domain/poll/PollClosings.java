package org.weft.server.domain.poll;

import java.time.Instant;

import org.hibernate.Session;
import org.weft.server.persistence.PollEntity;

/**
 * Told when a poll becomes final, in the transaction that closes it, with the poll's row locked: what depends on a
 * poll's outcome (a decision) is settled there, once. The wiring points it at {@code domain.decision}, so polls need not
 * know decisions.
 */
public interface PollClosings {
    PollClosings NONE = (session, poll, moderatorId, now) -> { };

    /**
     * @param poll        the poll, just closed (its votes final)
     * @param moderatorId the moderator who closed it early, or null when its end time came
     * @param now         the time of closing
     */
    void closed(Session session, PollEntity poll, Long moderatorId, Instant now);
}
