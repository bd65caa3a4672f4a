/** Collecting figures with their yardsticks and writing BENCHMARKS.md. */
package org.weft.bench.report;
