package org.weft.server.architecture.house.ui;

import org.hibernate.Session;

/** Bad: a page that runs its own query instead of asking a repository. */
public final class QueryingPage {
    public long count(Session s) {
        return s.createSelectionQuery("select count(*) from Thing", Long.class).getSingleResult();
    }
}
