/**
 * Weft's benchmark suite ({@code bench/run}): yardsticks and the targets G1-G5, G7 and (scaled down) G8 of
 * docs/benchmarks.md, on MariaDB and on the embedded H2 default, written to BENCHMARKS.md.
 */
package org.weft.bench;
