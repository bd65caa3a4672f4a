package org.weft.server.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.Session;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.PlainText;
import org.weft.server.domain.response.ResponseService;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.NotificationEntity;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ResponseEntity;

/**
 * A member of this instance answering a proposal of this instance from its page. Both people are here, so nothing
 * goes out to other servers: the answer is stored privately (only the author sees it) and the author is notified,
 * exactly as for an answer arriving from Mastodon by direct message.
 */
final class LocalAnswers {
    static final int MAX_TEXT = 5000;

    private final LocalUrls urls;
    private final Clock clock;

    LocalAnswers(LocalUrls urls, Clock clock) {
        this.urls = urls;
        this.clock = clock;
    }

    void answer(Session s, ProposalEntity proposal, ActorEntity responder, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.field("text", "response_empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw InvalidInputException.field("text", "response_too_long", MAX_TEXT);
        }
        Instant now = clock.instant();
        ResponseEntity response = new ResponseEntity(urls.base() + "/responses/" + UUID.randomUUID(), proposal, responder,
                ResponseEntity.Kind.DIRECT, false, PlainText.toHtml(text.strip()), now);
        s.persist(response);
        s.persist(new NotificationEntity(proposal.getAuthor().getId(), ResponseService.NOTIFY_RESPONSE, proposal.getId(),
                response.getId(), now));
    }
}
