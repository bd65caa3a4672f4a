package org.weft.server.domain.account;

import org.hibernate.Session;
import org.weft.server.persistence.ActorEntity;

/**
 * Told, inside the transaction that marks a member's account deleted, so that those who knew them learn it: the
 * authors here whose proposal was promised to them, and the other servers that knew them. This package only says when.
 */
@FunctionalInterface
public interface AccountEnd {
    /** For the operator commands and tests that change a password or a language, and never delete an account. */
    AccountEnd NONE = (s, member) -> { };

    void ended(Session s, ActorEntity member);
}
