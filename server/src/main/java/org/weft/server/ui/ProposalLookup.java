package org.weft.server.ui;

import java.util.Optional;

import io.helidon.webserver.http.ServerRequest;
import org.hibernate.Session;
import org.weft.server.model.LocalUrls;
import org.weft.server.persistence.ProposalEntity;
import org.weft.server.persistence.ProposalRepository;

/** Finds the local, undeleted proposal named by the {@code {id}} in a page URL (the UUID of its ActivityPub id). */
public final class ProposalLookup {
    private final LocalUrls urls;

    public ProposalLookup(LocalUrls urls) {
        this.urls = urls;
    }

    public Optional<ProposalEntity> find(Session s, ServerRequest req) {
        return named(s, req).filter(p -> !p.isDeleted());
    }

    /** Whether the proposal named was deleted by {@code memberId}, its author; for anyone else it is as if it never was. */
    public boolean deletedBy(Session s, ServerRequest req, long memberId) {
        return named(s, req).filter(p -> p.isDeleted() && p.getAuthor().getId() == memberId).isPresent();
    }

    private Optional<ProposalEntity> named(Session s, ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (id == null || !id.matches("[0-9a-fA-F-]{1,64}")) {
            return Optional.empty();
        }
        return ProposalRepository.localByUri(s, urls.proposal(id));
    }
}
