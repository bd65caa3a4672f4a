package org.weft.server.federation;

import java.util.regex.Pattern;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.weft.server.domain.NotFoundException;
import org.weft.server.domain.poll.PollService;
import org.weft.server.http.HttpReplies;
import org.weft.server.model.LocalUrls;

/**
 * {@code GET /polls/{id}} for ActivityPub clients: the poll as a {@code Question} with its current counts (Mastodon
 * fetches it again to refresh a poll it shows). Polls are public, so no signature is asked for.
 */
public final class PollEndpoint {
    private static final Pattern POLL_ID = Pattern.compile("[0-9a-f-]{36}");

    private final PollService polls;
    private final LocalUrls urls;

    public PollEndpoint(PollService polls, LocalUrls urls) {
        this.polls = polls;
        this.urls = urls;
    }

    public void question(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        try {
            if (!POLL_ID.matcher(id).matches()) {
                throw new NotFoundException("No poll " + id);
            }
            HttpReplies.activityJson(res, polls.question(urls.base() + "/polls/" + id));
        } catch (NotFoundException e) {
            HttpReplies.error(res, Status.NOT_FOUND_404, "No such poll");
        }
    }
}
