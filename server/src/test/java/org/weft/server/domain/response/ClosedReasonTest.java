package org.weft.server.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.weft.server.model.ActorKind;
import org.weft.server.model.ProposalStatus;
import org.weft.server.model.Purpose;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;

/**
 * Why a responder's conversation says it is closed, when a copy from another server went in more than one way. An
 * author who leaves has their server send a {@code Delete} of each of their posts before the {@code Delete} of
 * themselves; a withdrawn post is deleted by its server after its withdrawal. QA on two linked instances found both
 * conversations saying "the offer or request was deleted", while the notification said the author left or withdrew it.
 * (These cases are settled before anything is looked up, so no session is needed.)
 */
class ClosedReasonTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aCopyDeletedBecauseItsAuthorLeftSaysTheyLeft() {
        ResponseEntity answer = answerToCopy();
        answer.getProposal().setDeletedAt(NOW);
        answer.getProposal().getAttributedTo().setDeletedAt(NOW.plusSeconds(3));
        assertEquals("conversation.closedLeft", ConversationRules.closedKey(null, answer));
    }

    @Test
    void aCopyWithdrawnThenDeletedSaysItWasWithdrawn() {
        ResponseEntity answer = answerToCopy();
        answer.getProposal().setStatus(ProposalStatus.WITHDRAWN);
        answer.getProposal().setDeletedAt(NOW);
        assertEquals("conversation.closedWithdrawn", ConversationRules.closedKey(null, answer));
    }

    @Test
    void aCopyOnlyDeletedSaysItWasDeleted() {
        ResponseEntity answer = answerToCopy();
        answer.getProposal().setDeletedAt(NOW);
        assertEquals("conversation.closedDeleted", ConversationRules.closedKey(null, answer));
    }

    /** Yusuf's answer, from here, to a copy of Olena's offer on another server. */
    private static ResponseEntity answerToCopy() {
        ActorEntity olena = new ActorEntity("https://b.example/users/olena", ActorKind.PERSON, false, "olena",
                "b.example", NOW);
        ActorEntity yusuf = new ActorEntity("https://a.example/users/yusuf", ActorKind.PERSON, true, "yusuf",
                "a.example", NOW);
        ProposalEntity copy = new ProposalEntity("https://b.example/proposals/1", false, olena, olena, null,
                Purpose.OFFER, ProposalEntity.Source.WEFT, NOW);
        return new ResponseEntity("https://a.example/agreements/1", copy, yusuf, ResponseEntity.Kind.AGREEMENT, false,
                "I can use them", NOW);
    }
}
