/**
 * How much remote actors and servers may send to the inboxes: hourly quotas per actor and per host (bytes and
 * activities) and a token-bucket rate per host. Past them the inbox answers 429 with {@code Retry-After}.
 */
package org.weft.server.federation.quota;
