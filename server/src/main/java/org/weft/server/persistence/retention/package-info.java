/**
 * The retention rules: each kind of row that goes once it is no longer needed, with the queries that find and remove
 * it in batches ({@link org.weft.server.persistence.retention.RetentionRule}). The pruner that runs them is
 * {@code domain.retention.Pruner}.
 */
package org.weft.server.persistence.retention;
