package org.weft.server.domain.moderation;

import java.util.List;
import java.util.function.BiConsumer;

import org.hibernate.Session;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.classify.PostReading;
import org.weft.server.domain.proposal.HeldReadings;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.persistence.ProposalEntity;

/**
 * The posts waiting for a moderator of one community, as its moderators see and decide them on the page: each with the
 * classifier's two best readings when only the classifier held it, so a moderator can put it on the board under one of
 * them with one choice. Only a moderator of the post's community decides; a refused decision changes nothing.
 */
public final class ModerationQueue {
    private final ModerationService moderation;
    private final HeldReadings readings;

    public ModerationQueue(ModerationService moderation, HeldReadings readings) {
        this.moderation = moderation;
        this.readings = readings;
    }

    /** A waiting post and the readings a moderator may confirm (none when something else than the classifier held it). */
    public record HeldPost(ProposalEntity post, List<PostReading> readings) {
    }

    /** The community's waiting posts, oldest first; the caller has checked that the asker moderates it. */
    public List<HeldPost> waiting(String community) {
        return moderation.pending(community).stream().map(p -> new HeldPost(p, readings.read(p.getReadings()))).toList();
    }

    public ProposalEntity approve(long moderatorId, long proposalId) {
        return moderation.approve(proposalId, (s, p) -> requireModerator(s, moderatorId, p));
    }

    public ProposalEntity reject(long moderatorId, long proposalId) {
        return moderation.reject(proposalId, (s, p) -> requireModerator(s, moderatorId, p));
    }

    /**
     * Puts the post on the board with exactly the purpose, concepts and (when the reading has one) kind of the
     * classifier's reading number {@code index} (0 the best), as it was shown; it is then matched like any approved post.
     */
    public ProposalEntity approveReading(long moderatorId, long proposalId, int index) {
        return approveReading(proposalId, index, (s, p) -> requireModerator(s, moderatorId, p)).post();
    }

    /** A post put on the board under one of the classifier's readings, and that reading. */
    public record Placed(ProposalEntity post, PostReading reading) {
    }

    /**
     * As {@link #approveReading(long, long, int)}, for the operator at the command line ({@code weft board approve ID
     * --reading N}), who decides for every community as the operators do on the page.
     */
    public Placed approveReadingAsOperator(long proposalId, int index) {
        return approveReading(proposalId, index, (s, p) -> { });
    }

    private Placed approveReading(long proposalId, int index, BiConsumer<Session, ProposalEntity> check) {
        PostReading[] chosen = new PostReading[1];
        ProposalEntity placed = moderation.approve(proposalId, (s, p) -> {
            check.accept(s, p);
            List<PostReading> held = readings.read(p.getReadings());
            if (index < 0 || index >= held.size()) {
                throw InvalidInputException.field("reading", "no_such_reading");
            }
            chosen[0] = held.get(index);
            p.setPurpose(chosen[0].purpose());
            p.setCategories(chosen[0].concepts().stream().map(Concept::uri).toList());
            chosen[0].kind().ifPresent(p::setKind);
        });
        return new Placed(placed, chosen[0]);
    }

    private static void requireModerator(Session s, long moderatorId, ProposalEntity p) {
        if (p.getGroup() == null || !Moderators.moderates(s, moderatorId, p.getGroup().getId())) {
            throw new ForbiddenException("Member " + moderatorId + " does not moderate the community of post " + p.getId());
        }
    }
}
