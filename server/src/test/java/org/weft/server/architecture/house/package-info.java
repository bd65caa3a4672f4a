/**
 * A small house for {@code HouseRulesTest}: one class per layer that keeps every rule ({@code House} wires them),
 * and beside them one deliberately bad class per rule. Never used at run time, only read by ArchUnit.
 */
package org.weft.server.architecture.house;
