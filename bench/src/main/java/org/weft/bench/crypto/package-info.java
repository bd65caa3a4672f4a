/**
 * Crypto yardsticks (JMH) and a counting security provider, so signs, verifies and body digests in
 * the server are counted rather than assumed (target G7).
 */
package org.weft.bench.crypto;
