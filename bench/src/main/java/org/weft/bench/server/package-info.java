/**
 * Servers under test: Weft in the bench process, Weft as a separate JVM started like {@code ./weft serve},
 * and the bare Helidon route used as the HTTP yardstick.
 */
package org.weft.bench.server;
