/**
 * G15, the soak benchmark: a separate server process under a steady mixed load (signed Mastodon- and Weft-shaped
 * activities from a few hundred remote actors, page and actor reads) for half an hour, sampled every 30 s, with a
 * least-squares slope and a noise estimate for everything that could grow.
 */
package org.weft.bench.soak;
