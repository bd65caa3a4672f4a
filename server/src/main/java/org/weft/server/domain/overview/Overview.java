package org.weft.server.domain.overview;

import java.time.Instant;
import java.util.List;

/**
 * The figures of one overview, as they may be shown to the one who asked (hidden cells already hidden).
 *
 * @param scope           one community, that community with the communities it links to, or the whole instance
 * @param community       the community's name (its username), or null for the instance
 * @param communityName   its display name, or null
 * @param at              when the figures were counted; the last four weeks end here
 * @param threshold       counts above 0 and under this are hidden
 * @param withCommunityOnly whether community-only proposals are counted (a member asked)
 * @param byCategory      open requests and offers by top-level category (a proposal counts in each it names)
 * @param byArea          open requests and offers by area code (each proposal in one row; key null: no known area)
 * @param outcomes        what became of the last four weeks' requests
 * @param weeks           the last four weeks, oldest first
 * @param toPromised      median time from request to promised, over the last four weeks' promises
 * @param toFulfilled     median time from request to fulfilled, over the last four weeks' fulfilments
 * @param mostNeeded      categories where requests far outnumber offers, the widest gap first
 */
public record Overview(Scope scope, String community, String communityName, Instant at, int threshold,
                       boolean withCommunityOnly, Breakdown byCategory, Breakdown byArea, Outcomes outcomes,
                       List<Week> weeks, MedianTime toPromised, MedianTime toFulfilled, List<MostNeeded> mostNeeded) {
    public Overview {
        weeks = List.copyOf(weeks);
        mostNeeded = List.copyOf(mostNeeded);
    }

    /** Whose proposals an overview counts. */
    public enum Scope {
        COMMUNITY, LINKED, INSTANCE
    }
}
