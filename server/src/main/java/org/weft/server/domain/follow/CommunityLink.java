package org.weft.server.domain.follow;

/**
 * A link between a community here and a community elsewhere, seen from here: whether we follow them
 * (and whether they accepted), and whether they follow us. A link is nothing more than those follows.
 * {@code blockedHere}: our community's moderators blocked that community's account or refuse its server. The link
 * stays (operators manage links), but nothing from it reaches our board, so whoever reads the link is told.
 */
public record CommunityLink(String actorUri, String handle, boolean weFollow, boolean accepted, boolean theyFollow,
                            boolean blockedHere) {

    /** Both sides follow each other: proposals flow both ways. */
    public boolean mutual() {
        return weFollow && accepted && theyFollow;
    }
}
