package org.weft.server.domain.overview;

import java.time.Instant;

/** One week of the last four: requests opened in it, and requests met (fulfilled) in it. */
public record Week(Instant start, Instant end, Cell opened, Cell met) {
}
