package org.weft.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC work on one connection inside one transaction, for {@link Database#inJdbcTransaction}: the queues'
 * claims and outcome batches, where an ORM session cost more than the statements themselves.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
