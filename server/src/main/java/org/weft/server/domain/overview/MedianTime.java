package org.weft.server.domain.overview;

import java.time.Duration;

/**
 * The median time from a request's publication to its being promised (or fulfilled), over the requests that reached
 * it in the last four weeks. Under the threshold the median is not given ({@code median} null), as a count would not
 * be: from one or two requests, it is their own time.
 */
public record MedianTime(Cell requests, Duration median) {
}
