package org.weft.server.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Conditional GET (RFC 9110, section 13) for answers that are costly to build and cheap to date: a feed reader polling
 * every few minutes sends back the {@code ETag} it was given in {@code If-None-Match} (or the {@code Last-Modified} in
 * {@code If-Modified-Since}) and, while nothing changed, gets a bodiless {@code 304} instead of the whole file.
 *
 * <p>The entity tag is weak ({@code W/"…"}): it names what the answer says, not its bytes, which gzip changes. It is a
 * digest of a version of the data behind the answer (changed whenever the data is) and of the variant asked for (the
 * path, the query, the language, who reads), so every URL and language has its own and none outlives a change.
 */
public final class ConditionalGet {
    /** Hex characters of the digest kept in a tag: 64 bits, enough to tell a reader's copy from the next one. */
    private static final int TAG_LENGTH = 16;

    /**
     * The validators of one answer.
     *
     * @param etag         the weak entity tag, quotes and {@code W/} included
     * @param lastModified when the data last changed, or null when unknown (then no {@code Last-Modified} is sent)
     */
    public record Validators(String etag, Instant lastModified) {
    }

    private ConditionalGet() {
    }

    /**
     * The validators of an answer built from data at {@code version} (a number that grows with every change), last
     * changed at {@code lastModified} (or null), in the variant named by {@code variant}'s parts.
     */
    public static Validators of(long version, Instant lastModified, String... variant) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha.update(Long.toString(version).getBytes(StandardCharsets.UTF_8));
        for (String part : variant) {
            sha.update((byte) 0); // a separator no part holds, so ("ab", "c") and ("a", "bc") differ
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        }
        String digest = HexFormat.of().formatHex(sha.digest()).substring(0, TAG_LENGTH);
        return new Validators("W/\"" + digest + "\"", lastModified == null ? null
                : lastModified.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Sets {@code ETag} and {@code Last-Modified} on the answer; when the request's copy is still current, answers
     * {@code 304 Not Modified} (with the headers already set, as a 200 would have them) and returns true: the caller
     * sends nothing more. {@code If-None-Match}, when present, decides alone; {@code If-Modified-Since} only without it.
     */
    public static boolean notModified(ServerRequest req, ServerResponse res, Validators validators) {
        res.header(HeaderNames.ETAG, validators.etag());
        if (validators.lastModified() != null) {
            res.header(HeaderNames.LAST_MODIFIED, HttpDate.format(validators.lastModified()));
        }
        var ifNoneMatch = req.headers().first(HeaderNames.IF_NONE_MATCH);
        boolean current = ifNoneMatch.isPresent() ? matches(ifNoneMatch.get(), validators.etag())
                : req.headers().first(HeaderNames.IF_MODIFIED_SINCE)
                        .map(since -> notModifiedSince(since, validators.lastModified())).orElse(false);
        if (current) {
            res.status(Status.NOT_MODIFIED_304);
            res.send();
        }
        return current;
    }

    /** Whether an {@code If-None-Match} list names this tag, compared weakly (a {@code W/} on either side ignored). */
    static boolean matches(String ifNoneMatch, String etag) {
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** A date the client sent, read leniently (any RFC 1123 form); one that cannot be read asks for the whole answer. */
    private static boolean notModifiedSince(String since, Instant lastModified) {
        if (lastModified == null) {
            return false;
        }
        try {
            Instant asked = ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(asked);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
