package org.weft.server.domain.moderation;

import java.util.List;

import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.Usernames;
import org.weft.server.domain.follow.Follower;
import org.weft.server.domain.follow.Followers;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;

/**
 * A community's followers as its moderators manage them from the pages: the same decisions as {@link Followers},
 * each taken only by a moderator of that community (or an operator). Anyone else gets {@link ForbiddenException}
 * and nothing changes.
 */
public final class CommunityFollowers {
    private final Database db;
    private final Followers followers;

    public CommunityFollowers(Database db, Followers followers) {
        this.db = db;
        this.followers = followers;
    }

    public List<Follower> list(long moderatorId, String community) {
        check(moderatorId, community);
        return followers.list(community);
    }

    public boolean requiresApproval(long moderatorId, String community) {
        check(moderatorId, community);
        return followers.requiresApproval(community);
    }

    public void requireApproval(long moderatorId, String community, boolean required) {
        check(moderatorId, community);
        followers.requireApproval(community, required);
    }

    public void approve(long moderatorId, String community, String follower) {
        check(moderatorId, community);
        followers.approve(community, follower);
    }

    public void reject(long moderatorId, String community, String follower) {
        check(moderatorId, community);
        followers.reject(community, follower);
    }

    public void remove(long moderatorId, String community, String follower) {
        check(moderatorId, community);
        followers.remove(community, follower);
    }

    private void check(long moderatorId, String community) {
        db.run(s -> {
            ActorEntity group = ActorRepository.local(s, ActorKind.GROUP, Usernames.normalise(community))
                    .filter(a -> !a.isDeleted())
                    .orElseThrow(() -> new NotFoundException("No community " + community + " here"));
            if (!Moderators.moderates(s, moderatorId, group.getId())) {
                throw new ForbiddenException("Only a moderator of " + group.getUsername() + " may decide on its followers");
            }
        });
    }
}
