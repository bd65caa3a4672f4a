package org.weft.server.domain.response;

import org.hibernate.Session;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.model.Audience;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;

/**
 * Who may act for a local proposal's author in the conversations of its responses: the author, and for an anonymous
 * request also the community's moderators, so that someone who asked without showing their name can let a moderator
 * talk for them. A deleted proposal's side may still read its conversations (they are closed: nobody writes). Who
 * moderates a community (its chosen moderators and the operators) is {@link Moderators}' decision.
 */
public final class AuthorSide {
    private AuthorSide() {
    }

    public static boolean mayActFor(Session s, long memberId, ProposalEntity p) {
        if (!p.isLocal()) {
            return false;
        }
        if (p.getAuthor().getId() == memberId) {
            return true;
        }
        return p.getAudience() == Audience.ANONYMOUS && isModerator(s, memberId, p.getGroup());
    }

    static boolean isModerator(Session s, long memberId, ActorEntity community) {
        return community != null && Moderators.moderates(s, memberId, community.getId());
    }
}
