package org.weft.server.ui;

import org.hibernate.Session;
import org.weft.server.model.ActorKind;
import org.weft.server.model.Audience;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowRepository;
import org.weft.web.i18n.Messages;

/**
 * Who will see a post, in plain words with numbers, for the form and the proposal page: "Only 120 members of this
 * server and 14 approved followers on 6 servers". The numbers are those the delivery uses: this server's members, the
 * community's approved followers (and the servers they are on), or all its followers for public posts. For an anonymous
 * request it also says who does know its author: the community's moderators; for a community-only post, who can find
 * out (its moderators, when it is reported; the operators).
 */
public final class AudienceReach {
    private final Database db;

    public AudienceReach(Database db) {
        this.db = db;
    }

    /**
     * Who a community-only post of {@code community} reaches, told to its moderators (not to someone posting, so
     * without "never under your name"); null when there is no such community.
     */
    public String sentence(String community, Messages m) {
        long[] counts = counts(community);
        return counts == null ? null : communityOnly("reach.communityPosts", counts, m);
    }

    /** Who a post with this audience on {@code community} reaches; null when there is no such community. */
    public String sentence(String community, Audience audience, Messages m) {
        return sentence(counts(community), audience, m);
    }

    /** {@link #sentence(String, Audience, Messages)} for {@code community}, counted inside the caller's transaction {@code s}. */
    public String sentence(Session s, ActorEntity community, Audience audience, Messages m) {
        return sentence(community.isDeleted() ? null : counts(s, community), audience, m);
    }

    private static String sentence(long[] counts, Audience audience, Messages m) {
        if (counts == null) {
            return null;
        }
        return switch (audience) {
            case PUBLIC -> m.get("reach.public", counts[3]);
            // Told before posting, since it is the one thing "never under your name" leaves out: the moderators
            // know who posted it (they may answer for them, and act on abuse); nobody else ever does.
            case ANONYMOUS -> m.get("reach.anonymous", counts[3]) + " " + m.get("reach.anonymousKnownTo");
            // "Never under your name" is true of the post, not of everyone: who can still tell it is them is said too.
            case COMMUNITY -> communityOnly("reach.communityOnly", counts, m) + " " + m.get("reach.communityOnlyKnownTo");
        };
    }

    private long[] counts(String community) {
        return db.inTransaction(s -> ActorRepository.local(s, ActorKind.GROUP, community)
                .filter(g -> !g.isDeleted()).map(g -> counts(s, g)).orElse(null));
    }

    /** The sentence {@code key} naming who a community-only post reaches: the members here, the approved followers. */
    private static String communityOnly(String key, long[] counts, Messages m) {
        return m.get(key, m.get("reach.members", counts[0]),
                m.get("reach.followers", counts[1], m.get("reach.servers", counts[2])));
    }

    /** Members here, approved followers, their servers, all accepted followers. */
    private static long[] counts(Session s, ActorEntity group) {
        long[] approved = FollowRepository.countApproved(s, group);
        return new long[] {ActorRepository.countLocal(s, ActorKind.PERSON), approved[0], approved[1],
                FollowRepository.countFollowers(s, group)};
    }
}
