package org.weft.server.domain.decision;

import java.time.Clock;
import java.util.List;

import org.hibernate.Session;
import org.weft.server.domain.ForbiddenException;
import org.weft.server.domain.InvalidInputException;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.domain.moderation.Moderators;
import org.weft.server.domain.poll.PollDraft;
import org.weft.server.domain.poll.PollResults;
import org.weft.server.domain.poll.PollRules;
import org.weft.server.domain.poll.PollService;
import org.weft.server.model.ActorKind;
import org.weft.server.model.DecisionMajority;
import org.weft.server.model.DecisionOutcome;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.ActorEntity;
import org.weft.server.persistence.ActorRepository;
import org.weft.server.persistence.CommunitySettingEntity;
import org.weft.server.persistence.Database;
import org.weft.server.persistence.DecisionEntity;
import org.weft.server.persistence.DecisionRepository;
import org.weft.server.persistence.PollEntity;
import org.weft.web.i18n.Messages;

/**
 * A community's decisions: opening a poll on new rules (whoever may open a poll there; its options are fixed), the
 * majority its moderators set (logged), and every decision with its counts for the public decisions page and the API.
 * The outcome is settled by {@link DecisionOutcomes} when the poll closes.
 */
public final class DecisionService {
    /** How many decisions the page lists. */
    public static final int PAGE = 200;

    private final Database db;
    private final PollService polls;
    private final ModerationLog log;
    private final Clock clock;

    public DecisionService(Database db, PollService polls, ModerationLog log, Clock clock) {
        this.db = db;
        this.polls = polls;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Opens a poll on replacing {@code communityName}'s rules by {@code draft}'s text, with the community's majority
     * now. Its options are "for" and "against", and "I object" under consent, in the opener's language; single choice.
     *
     * @throws NotFoundException     no such community
     * @throws ForbiddenException    the member may not open polls there
     * @throws InvalidInputException no text, too long, the same as the rules now, or a rule of {@link PollRules}
     */
    public PollResults open(long memberId, String communityName, DecisionDraft draft) {
        String proposed = DecisionOutcomes.blankToNull(draft.proposedRules());
        if (proposed == null) {
            throw InvalidInputException.field("rules", "decision_rules_missing");
        }
        if (proposed.length() > PollRules.DETAILS_MAX) {
            throw InvalidInputException.field("rules", "text_too_long", PollRules.DETAILS_MAX);
        }
        Opening opening = db.inTransaction(s -> {
            ActorEntity community = community(s, communityName);
            CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, community.getId());
            String rules = setting == null ? null : DecisionOutcomes.blankToNull(setting.getRules());
            if (proposed.equals(rules)) {
                throw InvalidInputException.field("rules", "decision_rules_unchanged");
            }
            return new Opening(community.getDisplayName(), rules,
                    setting == null ? DecisionMajority.SIMPLE : setting.getDecisionMajority());
        });
        Messages m = Messages.forLanguage(draft.language() == null ? "en" : draft.language());
        List<String> options = opening.majority() == DecisionMajority.CONSENT
                ? List.of(m.get("decision.option.for"), m.get("decision.option.against"), m.get("decision.option.object"))
                : List.of(m.get("decision.option.for"), m.get("decision.option.against"));
        PollDraft poll = new PollDraft(m.get("decision.question", Messages.isolate(opening.communityName())), options,
                false, draft.voters(), draft.endsAt(), proposed);
        // The rules and majority are read again under the poll's transaction: what is stored is what applied then.
        return polls.open(memberId, communityName, poll, (s, opened) -> store(s, opened, proposed));
    }

    private void store(Session s, PollEntity poll, String proposed) {
        CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, poll.getCommunity().getId());
        String rules = setting == null ? null : DecisionOutcomes.blankToNull(setting.getRules());
        DecisionMajority majority = setting == null ? DecisionMajority.SIMPLE : setting.getDecisionMajority();
        s.persist(new DecisionEntity(poll.getId(), poll.getCommunity().getId(), proposed, rules, majority,
                poll.getCreatedAt()));
    }

    private record Opening(String communityName, String rules, DecisionMajority majority) {
    }

    /** The majority {@code communityName}'s decisions need now. */
    public DecisionMajority majority(String communityName) {
        return db.inTransaction(s -> {
            CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, community(s, communityName).getId());
            return setting == null ? DecisionMajority.SIMPLE : setting.getDecisionMajority();
        });
    }

    /**
     * A moderator sets the majority the community's next decisions need (polls already open keep theirs). Written to
     * the moderation log when it changes.
     *
     * @throws ForbiddenException    when the member does not moderate the community
     * @throws InvalidInputException no majority given
     */
    public void setMajority(long moderatorId, String communityName, DecisionMajority majority) {
        if (majority == null) {
            throw InvalidInputException.field("majority", "decision_majority_missing");
        }
        db.run(s -> {
            ActorEntity community = community(s, communityName);
            if (!Moderators.moderates(s, moderatorId, community.getId())) {
                throw new ForbiddenException("Member " + moderatorId + " does not moderate " + communityName);
            }
            CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, community.getId());
            DecisionMajority now = setting == null ? DecisionMajority.SIMPLE : setting.getDecisionMajority();
            if (now == majority) {
                return;
            }
            if (setting == null) {
                setting = new CommunitySettingEntity(community.getId());
                setting.setDecisionMajority(majority, clock.instant()); // before persist: updated_at is not null
                s.persist(setting);
            } else {
                setting.setDecisionMajority(majority, clock.instant());
            }
            log.record(s, community, ModerationActionKind.DECISION_MAJORITY_SET, majority.word(), null, moderatorId,
                    clock.instant());
        });
    }

    /** Every decision of {@code communityName}, newest first, with counts only. */
    public List<Decision> ofCommunity(String communityName) {
        return db.inTransaction(s -> DecisionRepository.ofCommunity(s, community(s, communityName).getId(), PAGE)
                .stream().map(row -> view((DecisionEntity) row[0], (PollEntity) row[1])).toList());
    }

    private static Decision view(DecisionEntity d, PollEntity p) {
        DecisionOutcome outcome = d.getOutcome();
        return new Decision(p.getUri(), p.getQuestion(), d.getProposedRules(), d.getMajority(), outcome,
                new DecisionTally(d.getVotesFor(), d.getVotesAgainst(), d.getObjections(), d.getVoters()),
                d.getCreatedAt(), p.getEndsAt(), d.getDecidedAt(), p.isClosedEarly());
    }

    private static ActorEntity community(Session s, String name) {
        return ActorRepository.local(s, ActorKind.GROUP, name == null ? "" : name).filter(g -> !g.isDeleted())
                .orElseThrow(() -> new NotFoundException("No community " + name));
    }
}
