package org.weft.server.domain.matching;

import org.weft.server.domain.follow.LinkService;

/** The matching services of one instance, grouped for the API, the CLI and tests. */
public record Matching(Matcher matcher, LinkService links, MemberMatches matches, FediverseAccounts accounts,
                       ReasonText words) {
}
