package org.weft.server.domain.overview;

/** A category where open requests far outnumber open offers (the rule: {@link NeedsOverview#isMostNeeded}). */
public record MostNeeded(String conceptId, Cell requests, Cell offers) {
}
