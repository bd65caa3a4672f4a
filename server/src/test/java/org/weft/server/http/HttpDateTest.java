package org.weft.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class HttpDateTest {
    @Test
    void aOneDigitDayIsWrittenWithTwoDigits() {
        assertEquals("Fri, 04 Dec 2026 05:00:00 GMT", HttpDate.format(Instant.parse("2026-12-04T05:00:00Z")));
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(Instant.parse("1994-11-06T08:49:37Z")));
        assertEquals("Thu, 31 Dec 2026 23:59:59 GMT", HttpDate.format(Instant.parse("2026-12-31T23:59:59.999Z")));
    }

    @Test
    void theMachinesLocaleDoesNotChangeTheNames() {
        Locale before = Locale.getDefault();
        try {
            for (String tag : new String[] {"ar", "fa", "uk", "fr", "es"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                assertEquals("Mon, 01 Feb 2027 00:00:00 GMT", HttpDate.format(Instant.parse("2027-02-01T00:00:00Z")), tag);
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
