package org.weft.server.domain.poll;

import java.time.Instant;
import java.util.List;

/**
 * A poll from another server as members here see it: the counts its author last sent (never counted here), and
 * {@code mine}, the asking member's own choices (option positions), shown to them alone.
 *
 * @param id          its number here (its page is {@code /remote-polls/{id}})
 * @param uri         the Question's id on its server
 * @param senderName  the display name of the community or account that asks
 * @param senderHost  the server it is on
 * @param question    the question, plain text
 * @param multiple    several options may be chosen
 * @param endsAt      when voting stops (null: no end given)
 * @param closedAt    when its author closed it (null: open)
 * @param options     each option with its reported count
 * @param voterCount  how many voted, as reported
 * @param mine        the asking member's own choices
 * @param open        whether a vote can still be sent now
 * @param community   a community here that follows its author, whose polls page lists it (null: none now)
 */
public record RemotePollResults(long id, String uri, String senderName, String senderHost, String question,
                                boolean multiple, Instant endsAt, Instant closedAt, List<PollResults.OptionCount> options,
                                long voterCount, List<Integer> mine, boolean open,
                                String community) {
    /** The path of its page on this server. */
    public String path() {
        return "/remote-polls/" + id;
    }
}
