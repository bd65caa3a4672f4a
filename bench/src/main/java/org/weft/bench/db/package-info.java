/**
 * Databases for the suite: a fresh H2 directory or a fresh database on the run's own MariaDB for each
 * server, the plain-JDBC insert yardstick, and bulk seeding of remote actors and follows.
 */
package org.weft.bench.db;
