/**
 * Architecture tests: the package rules of docs/architecture.md as ArchUnit rules ({@code HouseRules}), checked on
 * the real code ({@code ArchitectureTest}) and shown to fail on a small house of deliberately bad classes
 * ({@code HouseRulesTest}, classes under {@code house} and {@code library}).
 */
package org.weft.server.architecture;
