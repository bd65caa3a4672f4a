package org.weft.server.persistence;

import java.util.List;
import java.util.Optional;

import org.hibernate.Session;

/** Queries over communities' moderators, and over who is an operator (an operator moderates every community). */
public final class ModeratorRepository {
    private ModeratorRepository() {
    }

    public static Optional<ModeratorEntity> find(Session s, long communityId, long memberId) {
        return s.createSelectionQuery("from ModeratorEntity where community.id = :c and member.id = :m", ModeratorEntity.class)
                .setParameter("c", communityId).setParameter("m", memberId).uniqueResultOptional();
    }

    /** A community's chosen moderators (operators not included), in the order they were chosen. */
    public static List<ModeratorEntity> ofCommunity(Session s, long communityId) {
        return s.createSelectionQuery("from ModeratorEntity m join fetch m.member where m.community.id = :c"
                        + " and m.member.deletedAt is null order by m.id", ModeratorEntity.class)
                .setParameter("c", communityId).getResultList();
    }

    /** The communities a member was chosen to moderate (not deleted), in the order they were created. */
    public static List<ActorEntity> communitiesOf(Session s, long memberId) {
        return s.createSelectionQuery("select m.community from ModeratorEntity m where m.member.id = :m"
                        + " and m.community.deletedAt is null order by m.community.id", ActorEntity.class)
                .setParameter("m", memberId).getResultList();
    }

    /** The operators: local members the command line made admins, not deleted, oldest first. */
    public static List<ActorEntity> operators(Session s) {
        return s.createSelectionQuery("select a from ActorEntity a, MemberSettingEntity m where m.actorId = a.id"
                        + " and m.admin = true and a.local = true and a.deletedAt is null order by a.id", ActorEntity.class)
                .getResultList();
    }

    public static boolean isOperator(Session s, long memberId) {
        MemberSettingEntity setting = s.find(MemberSettingEntity.class, memberId);
        return setting != null && setting.isAdmin();
    }
}
