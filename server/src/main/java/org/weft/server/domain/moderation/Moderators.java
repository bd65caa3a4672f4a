package org.weft.server.domain.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.Session;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.Usernames;
import org.weft.server.model.ActorKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.ModeratorEntity;
import org.weft.server.persistence.ModeratorRepository;

/**
 * Who moderates which community. A community's moderators are members chosen by an operator or by one of its
 * moderators; operators moderate every community. A moderator may step down, and may remove the moderators chosen
 * after them (as Lemmy orders its moderators), so a newcomer cannot push out those who chose them; an operator may
 * remove anyone. The methods taking a {@link Session} work inside the caller's transaction, for other services.
 */
public final class Moderators {
    private final Database db;
    private final Clock clock;

    public Moderators(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether the member moderates the community: an operator, or a member chosen for it. */
    public boolean moderates(long memberId, long communityId) {
        return db.inTransaction(s -> moderates(s, memberId, communityId));
    }

    public static boolean moderates(Session s, long memberId, long communityId) {
        ActorEntity member = s.find(ActorEntity.class, memberId);
        if (member == null || !member.isLocal() || member.isDeleted() || member.getKind() != ActorKind.PERSON) {
            return false;
        }
        return ModeratorRepository.isOperator(s, memberId) || ModeratorRepository.find(s, communityId, memberId).isPresent();
    }

    /** The community's moderators: those chosen for it, in the order they were chosen, then the operators. */
    public List<Moderator> list(long communityId) {
        return db.inTransaction(s -> list(s, communityId));
    }

    public static List<Moderator> list(Session s, long communityId) {
        Map<Long, Moderator> result = new LinkedHashMap<>();
        for (ModeratorEntity m : ModeratorRepository.ofCommunity(s, communityId)) {
            result.put(m.getMember().getId(), moderator(m.getMember(), false));
        }
        for (ActorEntity operator : ModeratorRepository.operators(s)) {
            result.putIfAbsent(operator.getId(), moderator(operator, true));
        }
        return new ArrayList<>(result.values());
    }

    /** The communities a member moderates (every community, for an operator), in the order they were created. */
    public List<ActorEntity> communitiesOf(long memberId) {
        return db.inTransaction(s -> ModeratorRepository.isOperator(s, memberId) ? ActorRepository.localGroups(s)
                : ModeratorRepository.communitiesOf(s, memberId));
    }

    /**
     * Makes {@code member} a moderator of {@code community}. {@code chosenBy} is the member id of whoever chose them
     * (an operator or one of the community's moderators), or empty for an operator at the command line. Choosing
     * someone who already moderates changes nothing.
     *
     * @throws NotFoundException        when there is no such community
     * @throws IllegalArgumentException when there is no such member
     * @throws ForbiddenException       when {@code chosenBy} does not moderate the community
     */
    public void add(String community, String member, Optional<Long> chosenBy) {
        db.run(s -> {
            ActorEntity group = community(s, community);
            ActorEntity person = member(s, member);
            requireModerator(s, chosenBy, group);
            if (ModeratorRepository.find(s, group.getId(), person.getId()).isEmpty()) {
                s.persist(new ModeratorEntity(group, person, chosenBy.orElse(null), clock.instant()));
            }
        });
    }

    /**
     * {@code member} no longer moderates {@code community}. {@code removedBy} is the member id of whoever asks
     * (empty for an operator at the command line). Returns whether they were a chosen moderator.
     *
     * @throws ForbiddenException when the one asking is neither an operator, nor the member themselves, nor a moderator
     *                            chosen before the member
     */
    public boolean remove(String community, String member, Optional<Long> removedBy) {
        return db.inTransaction(s -> {
            ActorEntity group = community(s, community);
            ActorEntity person = member(s, member);
            Optional<ModeratorEntity> row = ModeratorRepository.find(s, group.getId(), person.getId());
            if (removedBy.isPresent() && !ModeratorRepository.isOperator(s, removedBy.get())
                    && !removedBy.get().equals(person.getId())) {
                Optional<ModeratorEntity> remover = ModeratorRepository.find(s, group.getId(), removedBy.get());
                if (remover.isEmpty() || row.isPresent() && remover.get().getId() > row.get().getId()) {
                    throw new ForbiddenException("Only an operator or an earlier moderator of " + group.getUsername()
                            + " may remove " + person.getUsername());
                }
            }
            row.ifPresent(s::remove);
            return row.isPresent();
        });
    }

    /**
     * Whether every post from another server waits for a moderator of {@code community} before it goes on its board,
     * however sure the classifier is of what it offers or asks for.
     *
     * @throws NotFoundException when there is no such community
     */
    public boolean reviewsFreeText(String community) {
        return db.inTransaction(s -> community(s, community).isReviewsFreeText());
    }

    /**
     * Sets {@link #reviewsFreeText}. {@code by} is the member id of whoever asks (empty for an operator at the command
     * line). Posts already on the board stay there; posts already waiting keep waiting.
     *
     * @throws NotFoundException  when there is no such community
     * @throws ForbiddenException when {@code by} does not moderate the community
     */
    public void reviewFreeText(String community, boolean every, Optional<Long> by) {
        db.run(s -> {
            ActorEntity group = community(s, community);
            requireModerator(s, by, group);
            group.setReviewsFreeText(every);
        });
    }

    private static void requireModerator(Session s, Optional<Long> memberId, ActorEntity community) {
        if (memberId.isPresent() && !moderates(s, memberId.get(), community.getId())) {
            throw new ForbiddenException("Only a moderator of " + community.getUsername() + " may do that");
        }
    }

    private static Moderator moderator(ActorEntity a, boolean operator) {
        return new Moderator(a.getId(), a.getUsername(), a.getDisplayName(), a.getUri(), operator);
    }

    private static ActorEntity community(Session s, String name) {
        return ActorRepository.local(s, ActorKind.GROUP, Usernames.normalise(name)).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new NotFoundException("No community " + name + " here"));
    }

    private static ActorEntity member(Session s, String name) {
        return ActorRepository.local(s, ActorKind.PERSON, Usernames.normalise(name)).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new IllegalArgumentException("No member " + name + " here"));
    }
}
