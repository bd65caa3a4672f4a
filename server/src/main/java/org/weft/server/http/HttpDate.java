package org.weft.server.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * HTTP dates in the one form RFC 9110 lets a server send, IMF-fixdate: {@code Fri, 04 Dec 2026 05:00:00 GMT}.
 * Not {@link DateTimeFormatter#RFC_1123_DATE_TIME}, which writes a one-digit day ({@code Fri, 4 Dec 2026}); that is
 * what Helidon sends by itself, and strict readers (Ruby's {@code Time.httpdate}, Mastodon's) refuse it. English day
 * and month names are fixed, whatever the machine's locale.
 */
public final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
