package org.weft.server.persistence.retention;

import java.util.List;

import org.hibernate.Session;

/** Deleting a batch of rows found by a rule: what the deleting rules share. */
final class Deletions {
    private Deletions() {
    }

    /**
     * Deletes the rows of {@code table} with these ids (the table's own name, never user input); returns how many
     * ids were given, so the pruner asks again while batches come back full.
     */
    static int delete(Session s, String table, List<Long> ids) {
        if (!ids.isEmpty()) {
            s.createNativeMutationQuery("DELETE FROM " + table + " WHERE id IN (?1)").setParameterList(1, ids)
                    .executeUpdate();
        }
        return ids.size();
    }
}
