/**
 * Retention: what is kept, for how long, and the pruner that removes the rest in small batches (see
 * docs/operating.md, "Storage and retention"). Each kind of row is one {@link org.weft.server.retention.RetentionRule};
 * another table is kept in check by adding a rule.
 */
package org.weft.server.retention;
