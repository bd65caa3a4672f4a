package org.weft.server.domain.poll;

import java.time.Instant;
import java.util.List;

import org.weft.server.model.PollVoters;

/**
 * A poll as someone asks to open it, before {@link PollRules} checked it.
 *
 * @param question what is asked (plain text)
 * @param options  the options in their order, 2 to 10
 * @param multiple whether a voter may choose several options (Mastodon's {@code anyOf}) or one ({@code oneOf})
 * @param voters   who may vote
 * @param endsAt   when voting stops
 * @param details  longer text shown under the question and sent with it (a decision's proposed rules), or null
 */
public record PollDraft(String question, List<String> options, boolean multiple, PollVoters voters, Instant endsAt,
                        String details) {
    public PollDraft {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A poll with nothing under its question. */
    public PollDraft(String question, List<String> options, boolean multiple, PollVoters voters, Instant endsAt) {
        this(question, options, multiple, voters, endsAt, null);
    }
}
