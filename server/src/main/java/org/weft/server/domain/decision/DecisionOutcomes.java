package org.weft.server.domain.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hibernate.Session;
import org.weft.server.domain.moderation.ModerationLog;
import org.weft.server.domain.poll.PollClosings;
import org.weft.server.model.DecisionOutcome;
import org.weft.server.model.ModerationActionKind;
import org.weft.server.persistence.CommunitySettingEntity;
import org.weft.server.persistence.DecisionEntity;
import org.weft.server.persistence.DecisionRepository;
import org.weft.server.persistence.PollEntity;
import org.weft.server.persistence.PollOptionEntity;
import org.weft.server.persistence.PollRepository;

/**
 * Settles a decision when its poll closes, in the transaction that closes it (at the end time by the poll timer, which
 * runs under a lease, or early by a moderator): with the required majority the proposed text replaces the community's
 * rules, otherwise nothing changes; the moderation log says which. The decision's row is locked and its outcome
 * written once: a second run (the job twice, two nodes) finds it decided and does nothing. If the rules changed by
 * another way while the poll was open (the operator edited them, another decision was adopted), the decision is void:
 * applying it would silently undo that change, so nothing changes and a new poll can propose the text again.
 */
public final class DecisionOutcomes implements PollClosings {
    /** The options' positions, fixed when the poll is opened. */
    static final int FOR = 0;
    static final int AGAINST = 1;
    static final int OBJECT = 2;

    private final ModerationLog log;

    public DecisionOutcomes(ModerationLog log) {
        this.log = log;
    }

    @Override
    public void closed(Session s, PollEntity poll, Long moderatorId, Instant now) {
        DecisionEntity decision = DecisionRepository.lockByPoll(s, poll.getId()).orElse(null);
        if (decision == null) {
            return; // an ordinary poll
        }
        s.refresh(decision); // as it is now that we hold its lock
        if (decision.getOutcome() != null) {
            return; // already decided
        }
        DecisionTally tally = tally(s, poll);
        CommunitySettingEntity setting = s.find(CommunitySettingEntity.class, decision.getCommunityId());
        String rulesNow = setting == null ? null : blankToNull(setting.getRules());
        DecisionOutcome outcome;
        if (!Objects.equals(rulesNow, blankToNull(decision.getRulesAtOpen()))) {
            outcome = DecisionOutcome.VOID;
        } else if (tally.reached(decision.getMajority())) {
            outcome = DecisionOutcome.ADOPTED;
            if (setting == null) {
                setting = new CommunitySettingEntity(decision.getCommunityId());
                setting.setRules(decision.getProposedRules(), now);
                s.persist(setting);
            } else {
                setting.setRules(decision.getProposedRules(), now);
            }
        } else {
            outcome = DecisionOutcome.REJECTED;
        }
        decision.decide(outcome, tally.votesFor(), tally.votesAgainst(), tally.objections(), tally.voters(), now);
        ModerationActionKind kind = switch (outcome) {
            case ADOPTED -> ModerationActionKind.DECISION_ADOPTED;
            case REJECTED -> ModerationActionKind.DECISION_REJECTED;
            case VOID -> ModerationActionKind.DECISION_VOID;
        };
        log.record(s, poll.getCommunity(), kind, poll.getUri(), null, moderatorId, now);
    }

    /** The poll's counts by the options' fixed positions. */
    static DecisionTally tally(Session s, PollEntity poll) {
        Map<Long, Long> counts = PollRepository.countsByOption(s, poll.getId());
        List<PollOptionEntity> options = PollRepository.options(s, poll.getId());
        long[] byPosition = new long[3];
        for (PollOptionEntity option : options) {
            if (option.getPosition() <= OBJECT) {
                byPosition[option.getPosition()] = counts.getOrDefault(option.getId(), 0L);
            }
        }
        return new DecisionTally(byPosition[FOR], byPosition[AGAINST], byPosition[OBJECT],
                PollRepository.voterCount(s, poll.getId()));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
