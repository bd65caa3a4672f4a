package org.weft.server.domain.matching;

/**
 * Why a request and an offer were matched, as codes that are stored and sent over the API; the
 * English (or translated) words are made from them by {@link ReasonText}.
 */
public enum ReasonCode {
    /** Both name the same concept; the argument is the concept id. */
    SAME_CATEGORY,
    /** The offer is a narrower concept than the request asked for (a pram for "tools and things"). */
    NARROWER_OFFER,
    /** The offer is only the broader concept of what was asked (some "childcare" for "babysitting"). */
    BROADER_OFFER,
    /**
     * The offer is of a neighbouring concept the taxonomy marks as related (tech help for a request to fill in a form
     * online): a weaker match, ranked below the three above; the argument is the offered concept id.
     */
    RELATED_CATEGORY,
    SAME_AREA,
    /** One area contains the other (a block inside its camp). */
    NEARBY_AREA,
    /** Different areas under the same top-level area (two blocks of one camp). */
    SAME_TOP_AREA,
    /** Both gave coarse coordinates close to each other; the argument is the rounded distance in km. */
    WITHIN_KM,
    /** Both are open over the coming week. */
    BOTH_OPEN_THIS_WEEK,
    /** Their open windows overlap, but for less than a week. */
    TIMES_OVERLAP,
    SAME_KIND,
    /** A lent thing answers a request to borrow, or a gift answers it even better: the argument is the offer kind. */
    KIND_FITS,
    ENOUGH_QUANTITY,
    PARTLY_ENOUGH_QUANTITY
}
