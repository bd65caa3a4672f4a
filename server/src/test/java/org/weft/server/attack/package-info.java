/**
 * The attack suite: each way an attacker or a careless peer tried to break Weft, as a test with its expected answer
 * and a check that nothing was stored (see SECURITY.md). Runs in {@code ./weft test}, on H2 and on MariaDB.
 */
package org.weft.server.attack;
