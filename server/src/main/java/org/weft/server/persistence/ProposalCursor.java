package org.weft.server.persistence;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of proposals starts or ends, by the board's sort key (publication time, then id), so that the next
 * page is found by an index seek rather than by counting past the rows before it. Written {@code <micros>-<id>}
 * (the publication time in microseconds since 1970, as the database stores it): short, safe in a URL, and opaque
 * enough that callers pass it back rather than build it.
 */
public record ProposalCursor(Instant publishedAt, long id) {
    private static final Pattern TEXT = Pattern.compile("(-?\\d{1,17})-(\\d{1,18})");

    public ProposalCursor {
        if (publishedAt == null || id < 1) {
            throw new IllegalArgumentException("A cursor needs a publication time and a positive id");
        }
        publishedAt = Instant.ofEpochSecond(publishedAt.getEpochSecond(), publishedAt.getNano() / 1000 * 1000L);
    }

    /** The sort key of a proposal: a cursor just past it. */
    public static ProposalCursor of(ProposalEntity proposal) {
        return new ProposalCursor(proposal.getPublishedAt(), proposal.getId());
    }

    /** The cursor written in {@code text}, or empty when it is not one (the caller decides what that means). */
    public static Optional<ProposalCursor> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(m.group(1));
            long id = Long.parseLong(m.group(2));
            if (id < 1) {
                return Optional.empty();
            }
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
            return Optional.of(new ProposalCursor(at, id));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The cursor as it goes into a link or the API's {@code next}. */
    public String text() {
        long micros = Math.addExact(Math.multiplyExact(publishedAt.getEpochSecond(), 1_000_000L), publishedAt.getNano() / 1000);
        return micros + "-" + id;
    }
}
