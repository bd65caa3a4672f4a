package org.weft.activitypub.vocab;

import java.util.List;
import java.util.function.Predicate;

/**
 * Who may see a post, read from its addressing the way Mastodon does (interop.md §4, "Addressing"). Weft uses it to
 * keep private replies out of public {@code replies} collections and pages.
 */
public enum Visibility {
    /** Public in {@code to}: shown on public timelines. */
    PUBLIC,
    /** Public in {@code cc} only: anyone with the link, but not on public timelines. */
    UNLISTED,
    /** A followers collection addressed and no Public: followers only. */
    FOLLOWERS,
    /** None of the above: only the actors addressed, a direct message. */
    DIRECT;

    /**
     * Decides the visibility of an addressing.
     *
     * @param to          the {@code to} addresses, Public in any spelling
     * @param cc          the {@code cc} addresses
     * @param isFollowers whether an address is a followers collection
     * @return the visibility
     */
    public static Visibility of(List<String> to, List<String> cc, Predicate<String> isFollowers) {
        if (to.stream().anyMatch(Vocab::isPublic)) {
            return PUBLIC;
        }
        if (cc.stream().anyMatch(Vocab::isPublic)) {
            return UNLISTED;
        }
        if (to.stream().anyMatch(isFollowers) || cc.stream().anyMatch(isFollowers)) {
            return FOLLOWERS;
        }
        return DIRECT;
    }

    /**
     * Whether an address looks like a followers collection. Mastodon, Lemmy, Pleroma, Misskey, GoToSocial and Weft
     * all name it {@code <actor>/followers}; when the author's collection is known exactly, pass it to
     * {@link #of} instead.
     *
     * @param address an address
     * @return true when it ends with {@code /followers}
     */
    public static boolean looksLikeFollowers(String address) {
        return address != null && address.endsWith("/followers");
    }
}
