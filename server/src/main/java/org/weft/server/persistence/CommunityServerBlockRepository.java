package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

/** Queries over the servers communities refuse (V92). */
public final class CommunityServerBlockRepository {
    private CommunityServerBlockRepository() {
    }

    public static Optional<CommunityServerBlockEntity> find(Session s, long communityId, String domain) {
        return s.createSelectionQuery("from CommunityServerBlockEntity where communityId = :c and domain = :d",
                CommunityServerBlockEntity.class).setParameter("c", communityId).setParameter("d", domain)
                .uniqueResultOptional();
    }

    /** The servers {@code communityId} refuses, by name. */
    public static List<CommunityServerBlockEntity> byCommunity(Session s, long communityId) {
        return s.createSelectionQuery("from CommunityServerBlockEntity where communityId = :c order by domain",
                CommunityServerBlockEntity.class).setParameter("c", communityId).getResultList();
    }

    /** The accepted or waiting follows of {@code communityId} by accounts of the server {@code domain}. */
    public static List<FollowEntity> followsFrom(Session s, long communityId, String domain) {
        return s.createSelectionQuery("from FollowEntity f join fetch f.follower a where f.followee.id = :c"
                        + " and a.local = false and a.domain = :d", FollowEntity.class)
                .setParameter("c", communityId).setParameter("d", domain).getResultList();
    }
}
