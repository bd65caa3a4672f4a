package org.weft.server.ui;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.weft.server.domain.poll.PollResults;
import org.weft.server.model.PollVoters;
import org.weft.web.i18n.Messages;
import org.weft.web.view.PollView;

/**
 * What the poll pages' forms send, read the same way on a poll here, a decision and a poll from another server: the
 * options a member ticked, who may vote, how long it stays open; and the vote form's options with their counts and the
 * member's own choice. Only reading: whether the choices are allowed (none, several in a single-choice poll, an unknown
 * one) is the domain's to say, so that the page and the API refuse the same votes with the same words.
 */
final class PollForms {
    private PollForms() {
    }

    /** The positions ticked ({@code choice} fields); one that is not a number is kept as -1, refused as unknown. */
    static List<Integer> choices(Map<String, List<String>> form) {
        return form.getOrDefault("choice", List.of()).stream().map(PollForms::position).toList();
    }

    /** Who may vote: members and approved followers when the form says {@code followers}, else members only. */
    static PollVoters voters(Map<String, List<String>> form) {
        return "followers".equals(Forms.first(form, "voters")) ? PollVoters.FOLLOWERS : PollVoters.MEMBERS;
    }

    /** How many hours it stays open: one of {@code offered}, or {@code otherwise} for anything the form did not offer. */
    static int hours(Map<String, List<String>> form, Set<Integer> offered, int otherwise) {
        try {
            int hours = Integer.parseInt(Forms.first(form, "hours"));
            return offered.contains(hours) ? hours : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /**
     * The options with their counts and shares of {@code voterCount}; a share is at most 100 (another server's reported
     * counts need not add up).
     */
    static List<PollView.Option> options(List<PollResults.OptionCount> counts, long voterCount) {
        long voters = Math.max(1, voterCount);
        return counts.stream().map(o -> new PollView.Option(o.position(), o.name(), o.count(),
                (int) Math.min(100, Math.round(100.0 * o.count() / voters)))).toList();
    }

    /** The member's own choices, said to them alone; null when they have not voted. */
    static String youVoted(Messages m, List<PollResults.OptionCount> options, List<Integer> mine) {
        return mine.isEmpty() ? null : m.get("poll.youVoted", m.list(mine.stream()
                .map(i -> Messages.isolate(options.get(i).name())).toList()));
    }

    private static int position(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
