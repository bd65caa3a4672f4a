package org.weft.server.federation.inbound;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.activitypub.vocab.Activity;
import org.weft.server.domain.poll.RemotePolls;
import org.weft.server.domain.poll.RemoteQuestion;

/**
 * Polls from other servers, in front of the handler of {@code Create}, {@code Update} or {@code Delete}: a
 * {@code Question} from an actor a community here follows is kept (or brought up to date) by
 * {@link RemotePolls}, and a {@code Delete} of one kept here removes it. Anything else, and a Question from an actor
 * no community here follows (a Misskey poll that is a post for a board, say), goes on to {@code otherwise} as before.
 */
public final class QuestionHandler implements ActivityHandler {
    private final RemotePolls polls;
    private final ActivityHandler otherwise;

    public QuestionHandler(RemotePolls polls, ActivityHandler otherwise) {
        this.polls = polls;
        this.otherwise = otherwise;
    }

    @Override
    public void handle(Activity activity) throws IOException, IgnoredActivity {
        try {
            if ("Delete".equals(activity.type())) {
                String object = activity.object() == null ? null : activity.object().id();
                if (object != null && polls.deleted(activity.actor(), object)) {
                    return;
                }
            } else {
                JsonNode object = activity.object() == null ? null : activity.object().embedded().orElse(null);
                if (RemoteQuestion.isQuestion(object)
                        && polls.received(activity.actor(), object) == RemotePolls.Received.STORED) {
                    return;
                }
            }
        } catch (RemoteQuestion.Refused e) {
            throw new IgnoredActivity(e.getMessage());
        }
        otherwise.handle(activity);
    }
}
