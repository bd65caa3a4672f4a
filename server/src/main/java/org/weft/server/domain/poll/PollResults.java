package org.weft.server.domain.poll;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.weft.server.model.PollVoters;

/**
 * A poll as anyone may see it: the question and the counts, never who chose what. {@code mine} is the asking member's
 * own choices (option positions), shown to them alone; empty for anyone else.
 *
 * @param uri         the poll's id, also its page
 * @param community   the community's username
 * @param communityName the community's display name
 * @param question    the question
 * @param multiple    several options may be chosen
 * @param voters      who may vote
 * @param endsAt      when voting stops
 * @param closedAt    when the poll became final (null while open)
 * @param closedEarly a moderator closed it before its end time
 * @param options     each option with how many chose it
 * @param voterCount  how many voted
 * @param mine        the asking member's own choices
 * @param open        whether votes are still taken now
 * @param details     the text under the question (a decision's proposed rules), or null
 */
public record PollResults(String uri, String community, String communityName, String question, boolean multiple,
                          PollVoters voters, Instant endsAt, Instant closedAt, boolean closedEarly,
                          List<OptionCount> options, long voterCount, List<Integer> mine, boolean open,
                          String details) {
    /** A poll with nothing under its question. */
    public PollResults(String uri, String community, String communityName, String question, boolean multiple,
                       PollVoters voters, Instant endsAt, Instant closedAt, boolean closedEarly,
                       List<OptionCount> options, long voterCount, List<Integer> mine, boolean open) {
        this(uri, community, communityName, question, multiple, voters, endsAt, closedAt, closedEarly, options,
                voterCount, mine, open, null);
    }

    /** One option: its position (what a vote names), its text, and how many chose it. */
    public record OptionCount(int position, String name, long count) {
    }

    /** The path of the poll's page on this server. */
    public String path() {
        return URI.create(uri).getRawPath();
    }
}
