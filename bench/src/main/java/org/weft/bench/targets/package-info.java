/**
 * One class per target of docs/benchmarks.md (G1-G5): each sets up what it needs, measures, and adds
 * rows and notes to the results.
 */
package org.weft.bench.targets;
