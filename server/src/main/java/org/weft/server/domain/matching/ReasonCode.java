package org.weft.server.domain.matching;

import java.util.HashMap;
import java.util.Map;

/**
 * Why a request and an offer were matched, as codes that are stored and sent over the API; the
 * English (or translated) words are made from them by {@link ReasonText}. The API sends the name; the database keeps
 * a short code of one or two lower-case letters ({@link #stored}): a match row is written for 0.4 of the activities
 * a busy instance receives, and the names were 60 of the ~320 bytes such a row took (G15, BENCHMARKS.md).
 */
public enum ReasonCode {
    /** Both name the same concept; the argument is the concept id. */
    SAME_CATEGORY("c"),
    /** The offer is a narrower concept than the request asked for (a pram for "tools and things"). */
    NARROWER_OFFER("n"),
    /** The offer is only the broader concept of what was asked (some "childcare" for "babysitting"). */
    BROADER_OFFER("b"),
    /**
     * The offer is of a neighbouring concept the taxonomy marks as related (tech help for a request to fill in a form
     * online): a weaker match, ranked below the three above; the argument is the offered concept id.
     */
    RELATED_CATEGORY("r"),
    SAME_AREA("a"),
    /** One area contains the other (a block inside its camp). */
    NEARBY_AREA("na"),
    /** Different areas under the same top-level area (two blocks of one camp). */
    SAME_TOP_AREA("ta"),
    /** Both gave coarse coordinates close to each other; the argument is the rounded distance in km. */
    WITHIN_KM("km"),
    /** Both are open over the coming week. */
    BOTH_OPEN_THIS_WEEK("w"),
    /** Their open windows overlap, but for less than a week. */
    TIMES_OVERLAP("t"),
    SAME_KIND("k"),
    /** A lent thing answers a request to borrow, or a gift answers it even better: the argument is the offer kind. */
    KIND_FITS("kf"),
    ENOUGH_QUANTITY("q"),
    PARTLY_ENOUGH_QUANTITY("pq");

    private static final Map<String, ReasonCode> BY_STORED = new HashMap<>();

    static {
        for (ReasonCode code : values()) {
            BY_STORED.put(code.stored, code);
        }
    }

    private final String stored;

    ReasonCode(String stored) {
        this.stored = stored;
    }

    /** The code as the {@code reasons} column keeps it; never changed once written (rows keep it for months). */
    public String stored() {
        return stored;
    }

    /** A code read from the column: its short code, or its name as rows written before the short codes hold it. */
    public static ReasonCode fromStored(String text) {
        ReasonCode code = BY_STORED.get(text);
        return code != null ? code : valueOf(text);
    }
}
