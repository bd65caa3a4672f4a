package org.weft.server.domain.follow;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.AccountBlockRepository;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.FollowEntity;
import org.weft.server.persistence.FollowRepository;

/**
 * Links between communities: a community here follows a community elsewhere (an ordinary follow, so no
 * central registry), the other side may follow back, and either side can undo its own follow. Linking
 * is refused for domains not on the operator's allow-list.
 */
public final class LinkService {
    private final Database db;
    private final FollowService follows;
    private final LinkAllowList allowList;

    public LinkService(Database db, FollowService follows, LinkAllowList allowList) {
        this.db = db;
        this.follows = follows;
        this.allowList = allowList;
    }

    /**
     * {@code group} here starts following {@code target} ({@code @name@host} or actor URL). Returns the
     * target's actor id. The follow is pending until the other side accepts (Weft communities accept at once).
     *
     * @throws IllegalArgumentException for an unknown group, or a target whose domain is not allowed
     */
    public String link(String group, String target) throws IOException {
        String name = group.strip().toLowerCase(Locale.ROOT);
        requireGroup(name);
        requireAllowed(LinkAllowList.domainOf(target));
        String uri = follows.follow(name, target);
        String actualDomain = LinkAllowList.domainOf(uri);
        if (!allowList.allows(actualDomain)) {
            // WebFinger sent us to another host than the handle named: undo at once rather than link there.
            follows.unfollow(name, uri);
            throw InvalidInputException.field("target", "link_not_allowed", actualDomain);
        }
        return uri;
    }

    /**
     * {@code group} stops following {@code target}; their follow of us, if any, is theirs to undo. Returns whether
     * {@code group} followed it: false when only they follow us, and then nothing changed.
     */
    public boolean unlink(String group, String target) {
        String name = group.strip().toLowerCase(Locale.ROOT);
        requireGroup(name);
        String uri = db.inTransaction(s -> resolveKnown(s, target))
                .orElseThrow(() -> InvalidInputException.field("target", "link_missing", target));
        return follows.unfollow(name, uri);
    }

    /** The communities {@code group} follows or is followed by, in the order the follows were made. */
    public List<CommunityLink> links(String group) {
        String name = group.strip().toLowerCase(Locale.ROOT);
        return db.inTransaction(s -> {
            ActorEntity us = requireGroup(s, name);
            Map<String, CommunityLink> byUri = new LinkedHashMap<>();
            // Pending ones too: a link still waiting for the other side's answer is "waiting", not absent.
            for (FollowEntity f : FollowRepository.followingOrAskedOf(s, us)) {
                ActorEntity them = f.getFollowee();
                if (them.getKind() == ActorKind.GROUP) {
                    byUri.put(them.getUri(), new CommunityLink(them.getUri(), them.handle(), true, f.isAccepted(), false, false));
                }
            }
            for (FollowEntity f : FollowRepository.followersOf(s, us, FollowEntity.State.ACCEPTED, 0, Integer.MAX_VALUE)) {
                ActorEntity them = f.getFollower();
                if (them.getKind() == ActorKind.GROUP) {
                    CommunityLink ours = byUri.get(them.getUri());
                    byUri.put(them.getUri(), ours == null
                            ? new CommunityLink(them.getUri(), them.handle(), false, false, true, false)
                            : new CommunityLink(ours.actorUri(), ours.handle(), true, ours.accepted(), true, false));
                }
            }
            // Few links per community: one look-up each.
            return byUri.values().stream().map(l -> blockedHere(s, us, l)).toList();
        });
    }

    /** {@code link}, marked when {@code us} blocked the other community's account or refuses its server. */
    private static CommunityLink blockedHere(Session s, ActorEntity us, CommunityLink link) {
        boolean blocked = ActorRepository.byUri(s, link.actorUri())
                .map(them -> AccountBlockRepository.anyBlocks(s, List.of(us.getId()), them.getId())).orElse(false);
        return new CommunityLink(link.actorUri(), link.handle(), link.weFollow(), link.accepted(), link.theyFollow(),
                blocked);
    }

    public LinkAllowList allowList() {
        return allowList;
    }

    private void requireAllowed(String domain) {
        if (!allowList.allows(domain)) {
            throw InvalidInputException.field("target", "link_not_allowed", domain);
        }
    }

    private void requireGroup(String name) {
        db.run(s -> requireGroup(s, name));
    }

    private static ActorEntity requireGroup(Session s, String name) {
        return ActorRepository.local(s, ActorKind.GROUP, name).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new NotFoundException("No community " + name + " here"));
    }

    private static Optional<String> resolveKnown(Session s, String target) {
        return KnownActors.find(s, target).map(ActorEntity::getUri);
    }
}
