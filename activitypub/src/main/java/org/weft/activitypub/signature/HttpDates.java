package org.weft.activitypub.signature;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP-dates ({@code Sun, 06 Nov 1994 08:49:37 GMT}).
 *
 * <p>Not {@link DateTimeFormatter#RFC_1123_DATE_TIME} for writing: it prints single-digit days
 * ({@code 6 Nov}), which Ruby's {@code Time.httpdate} (Mastodon) rejects. English names are fixed so
 * the server's default locale cannot change what is signed.
 */
final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** Parses the preferred form and, leniently, any RFC 1123 date (single-digit day, numeric zone). */
    static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
