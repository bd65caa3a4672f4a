/**
 * Persistence: the pool, Flyway migrations, Hibernate entities and the repositories that query them.
 * Flyway's SQL is the schema; entities only map it.
 */
package org.weft.server.persistence;
