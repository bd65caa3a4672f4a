package org.weft.server.domain.poll;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.weft.activitypub.content.HtmlSanitizer;
import org.weft.activitypub.vocab.WebOrigin;

/**
 * A {@code Question} from another server, read and checked: Mastodon's shape (and Misskey's, Weft's own), with
 * {@code oneOf} or {@code anyOf} Notes whose {@code name} is the option and whose {@code replies.totalItems} is its
 * count, {@code endTime}, {@code closed}, {@code votersCount} and {@code updated}. The question's HTML becomes plain
 * text here, as other remote text does, so nothing of its markup reaches a page. Anything else is refused with the
 * reason, before anything is stored.
 *
 * @param id          the Question's id
 * @param question    the question as plain text
 * @param multiple    {@code anyOf}: several options may be chosen
 * @param options     the options in order, each with the count its server reported
 * @param endsAt      the end time (null: none given)
 * @param closedAt    when it was closed (null: open)
 * @param votersCount how many voted, as reported
 * @param updated     the Question's {@code updated} (null: none)
 */
public record RemoteQuestion(String id, String question, boolean multiple, List<Option> options, Instant endsAt,
                             Instant closedAt, long votersCount, Instant updated) {
    /** More options than any server offers (Mastodon allows four by default, Misskey ten). */
    static final int MAX_OPTIONS = 20;
    /** The longest question kept; a longer one is cut (V77's column). */
    static final int QUESTION_MAX = 2000;
    private static final String TOOT = "http://joinmastodon.org/ns#";

    /** One option and its reported count. */
    public record Option(String name, long votes) {
    }

    /** Why a Question was not taken; nothing was stored. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** Whether {@code object} is a poll at all: a {@code Question} (anything else is left to the other handlers). */
    public static boolean isQuestion(JsonNode object) {
        return object != null && "Question".equals(object.path("type").asText());
    }

    /**
     * Reads {@code q}, sent by {@code senderUri} (whose signature was checked).
     *
     * @param now what a bare {@code closed: true} means
     * @throws Refused when it is not on its sender's server, not the sender's, or not in a shape a poll can have
     */
    public static RemoteQuestion read(String senderUri, JsonNode q, Instant now) throws Refused {
        String id = q.path("id").asText("");
        if (id.isEmpty() || !WebOrigin.same(id, senderUri)) {
            throw new Refused("Question " + id + " is not on its sender's server");
        }
        String author = attributedTo(q.path("attributedTo"));
        if (!senderUri.equals(author)) {
            throw new Refused("Question " + id + " is attributed to " + author + ", not its sender");
        }
        boolean one = q.path("oneOf").isArray();
        boolean any = q.path("anyOf").isArray();
        if (one == any) {
            throw new Refused("Question " + id + " needs exactly one of oneOf and anyOf");
        }
        List<Option> options = options(id, q.path(one ? "oneOf" : "anyOf"));
        String text = HtmlSanitizer.toPlainText(q.path("content").asText(q.path("name").asText(""))).strip();
        if (text.isEmpty()) {
            throw new Refused("Question " + id + " has no question text");
        }
        if (text.length() > QUESTION_MAX) {
            text = text.substring(0, QUESTION_MAX - 1) + "…";
        }
        Instant endsAt = instant(id, q, "endTime");
        Instant closedAt = q.path("closed").isBoolean() ? (q.path("closed").asBoolean() ? now : null)
                : instant(id, q, "closed");
        // Kept to the microsecond, as the database keeps it: the same updated sent again must compare equal, not older.
        Instant updated = instant(id, q, "updated");
        updated = updated == null ? null : updated.truncatedTo(ChronoUnit.MICROS);
        JsonNode count = field(q, "votersCount");
        long voters;
        if (count.isMissingNode() || count.isNull()) {
            // Without a votersCount, the sum is right for one choice and a lower bound's best guess for several.
            voters = one ? options.stream().mapToLong(Option::votes).sum()
                    : options.stream().mapToLong(Option::votes).max().orElse(0);
        } else if (count.isIntegralNumber() && count.asLong() >= 0) {
            voters = count.asLong();
        } else {
            throw new Refused("Question " + id + " has a votersCount that is not a count: " + count);
        }
        return new RemoteQuestion(id, text, any, options, endsAt, closedAt, voters, updated);
    }

    private static List<Option> options(String id, JsonNode array) throws Refused {
        if (array.size() < 1 || array.size() > MAX_OPTIONS) {
            throw new Refused("Question " + id + " has " + array.size() + " options (1 to " + MAX_OPTIONS + " are kept)");
        }
        List<Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode option : array) {
            String name = option.path("name").isTextual() ? option.path("name").asText().strip() : "";
            if (name.isEmpty() || name.length() > PollRules.OPTION_MAX) {
                throw new Refused("Question " + id + " has an option without a name, or one longer than "
                        + PollRules.OPTION_MAX + " characters");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new Refused("Question " + id + " names the option " + name + " twice");
            }
            JsonNode total = option.path("replies").path("totalItems");
            if (!total.isMissingNode() && !(total.isIntegralNumber() && total.asLong() >= 0)) {
                throw new Refused("Question " + id + " has a count that is not a count: " + total);
            }
            options.add(new Option(name, total.asLong(0)));
        }
        return List.copyOf(options);
    }

    private static String attributedTo(JsonNode node) {
        if (node.isArray()) {
            return node.size() == 1 ? attributedTo(node.get(0)) : "";
        }
        return node.isObject() ? node.path("id").asText("") : node.asText("");
    }

    /** A term Mastodon defines, as the body has it or as compaction against ActivityStreams leaves it. */
    private static JsonNode field(JsonNode q, String term) {
        for (String name : List.of(term, "toot:" + term, TOOT + term)) {
            if (q.has(name)) {
                return q.get(name);
            }
        }
        return q.path(term);
    }

    private static Instant instant(String id, JsonNode q, String name) throws Refused {
        JsonNode value = q.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Refused("Question " + id + " has a " + name + " that is not a time: " + value.asText());
        }
    }
}
