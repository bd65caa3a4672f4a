package org.weft.server.domain.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.weft.server.domain.InvalidInputException;

/** What a poll must be to be opened; each broken rule is an {@link InvalidInputException} naming the field. */
public final class PollRules {
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;
    public static final int QUESTION_MAX = 1000;
    public static final int OPTION_MAX = 200;
    /** As long as a community's rules may be: a decision's details are the proposed rules. */
    public static final int DETAILS_MAX = 4000;
    /** Shorter than this, hardly anyone could vote; Mastodon's shortest poll is five minutes. */
    public static final Duration SHORTEST = Duration.ofMinutes(5);
    /** Longer than this is not a poll but a standing question; Mastodon allows a month too. */
    public static final Duration LONGEST = Duration.ofDays(31);

    private PollRules() {
    }

    /** The draft with its text stripped and its empty options dropped, or the first rule it breaks. */
    public static PollDraft check(PollDraft draft, Instant now) {
        String question = draft.question() == null ? "" : draft.question().strip();
        if (question.isEmpty()) {
            throw InvalidInputException.field("question", "poll_question_missing");
        }
        if (question.length() > QUESTION_MAX) {
            throw InvalidInputException.field("question", "poll_question_too_long", QUESTION_MAX);
        }
        List<String> options = draft.options().stream().map(o -> o == null ? "" : o.strip()).filter(o -> !o.isEmpty())
                .toList();
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            throw InvalidInputException.field("options", "poll_options_count", MIN_OPTIONS, MAX_OPTIONS);
        }
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (option.length() > OPTION_MAX) {
                throw InvalidInputException.field("options", "poll_option_too_long", OPTION_MAX);
            }
            // Votes from the fediverse name the option by its text: two options with one text could not be told apart.
            if (!seen.add(option.toLowerCase(Locale.ROOT))) {
                throw InvalidInputException.field("options", "poll_option_twice");
            }
        }
        if (draft.voters() == null) {
            throw InvalidInputException.field("voters", "poll_voters_missing");
        }
        if (draft.endsAt() == null) {
            throw InvalidInputException.field("endsAt", "poll_end_missing");
        }
        if (draft.endsAt().isBefore(now.plus(SHORTEST)) || draft.endsAt().isAfter(now.plus(LONGEST))) {
            throw InvalidInputException.field("endsAt", "poll_end_out_of_range", SHORTEST.toMinutes(), LONGEST.toDays());
        }
        String details = draft.details() == null || draft.details().isBlank() ? null : draft.details().strip();
        if (details != null && details.length() > DETAILS_MAX) {
            throw InvalidInputException.field("details", "text_too_long", DETAILS_MAX);
        }
        return new PollDraft(question, options, draft.multiple(), draft.voters(), draft.endsAt(), details);
    }
}
