package org.weft.server.matching;

/** The matching services of one instance, grouped for the API, the CLI and tests. */
public record Matching(Matcher matcher, LinkService links, MemberMatches matches, FediverseAccounts accounts,
                       ReasonText words) {
}
