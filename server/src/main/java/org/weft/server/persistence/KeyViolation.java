package org.weft.server.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.hibernate.exception.ConstraintViolationException;

/**
 * Recognises a statement the database refused because of a key: a unique key holding a row another transaction
 * inserted first, or a foreign key naming a row that is no longer there. Both databases report it with an SQLSTATE
 * of class 23 (integrity constraint violation), which Hibernate wraps in its own exception.
 */
public final class KeyViolation {
    private static final String INTEGRITY_CLASS = "23";

    private KeyViolation() {
    }

    public static boolean was(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(INTEGRITY_CLASS)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
