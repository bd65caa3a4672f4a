package org.weft.server.domain.overview;

import java.util.List;

/** Open requests and offers by one dimension (category or area), with the totals of each purpose. */
public record Breakdown(List<Row> rows, Total requests, Total offers) {
    public Breakdown {
        rows = List.copyOf(rows);
    }
}
