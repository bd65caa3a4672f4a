/**
 * Stand-ins for remote servers: many inboxes on many loopback ports, counting what reaches them.
 */
package org.weft.bench.mock;
