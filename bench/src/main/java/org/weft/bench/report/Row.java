package org.weft.bench.report;

/**
 * One line of the results table: a figure next to the yardstick measured in the same run, their ratio,
 * the target and whether it was met.
 */
public record Row(String id, String database, String what, String figure, String yardstick, String ratio,
                  String target, String verdict) {
}
