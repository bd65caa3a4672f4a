package org.weft.server.domain.proposal;

import org.weft.server.persistence.ProposalEntity;

/**
 * Told about every proposal that was created, changed, expired or deleted, local or remote, once the
 * change is committed (so a listener never sees something that is later rolled back). The entity is
 * detached: its own columns and categories are loaded, its actors only by id.
 */
@FunctionalInterface
public interface ProposalListener {
    ProposalListener NONE = proposal -> { };

    void changed(ProposalEntity proposal);
}
