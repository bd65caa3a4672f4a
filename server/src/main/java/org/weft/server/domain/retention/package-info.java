/**
 * Retention: how long stored things are kept, and the pruner that removes the rest on a schedule, in small batches
 * (docs/operating.md, "Capacity and retention"). The rules themselves, with their queries, are in
 * {@code persistence.retention}; another table is kept in check by adding a rule there.
 */
package org.weft.server.domain.retention;
