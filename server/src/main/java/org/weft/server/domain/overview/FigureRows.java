package org.weft.server.domain.overview;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.weft.server.domain.taxonomy.Taxonomy;

/**
 * An overview as flat rows, one figure each, for the open data (CSV, HXL): what is counted ({@code indicator}), for
 * which category or area or period, and the value as it may be shown. The indicator codes and the columns are
 * explained in docs/open-data.md.
 */
public final class FigureRows {
    private FigureRows() {
    }

    /**
     * One figure. {@code value} is null when the count is hidden ({@code fewerThan} then says under what); a total
     * that is not exact has {@code atLeast} set and {@code value} the smallest it can be.
     */
    public record Figure(String indicator, String category, String categoryName, String area, String areaName,
                         Double latitude, Double longitude, Instant periodStart, Instant periodEnd, Long value,
                         Integer fewerThan, boolean atLeast) {
    }

    /** An area's name and coarse coordinates, as the operator set them. */
    public record Place(String name, Double latitude, Double longitude) {
    }

    public static List<Figure> of(Overview o, Taxonomy taxonomy, Map<String, Place> places) {
        List<Figure> rows = new ArrayList<>();
        Instant fourWeeksAgo = o.weeks().getFirst().start();
        for (Row r : o.byCategory().rows()) {
            String name = r.key() == null ? null : taxonomy.byId(r.key()).map(c -> taxonomy.label(c, "en")).orElse(r.key());
            rows.add(cell(o, "open_requests", r.key(), name, null, null, r.requests()));
            rows.add(cell(o, "open_offers", r.key(), name, null, null, r.offers()));
        }
        for (Row r : o.byArea().rows()) {
            Place place = r.key() == null ? new Place(null, null, null) : places.getOrDefault(r.key(),
                    new Place(r.key(), null, null));
            rows.add(withPlace(cell(o, "open_requests", null, null, null, null, r.requests()), r.key(), place));
            rows.add(withPlace(cell(o, "open_offers", null, null, null, null, r.offers()), r.key(), place));
        }
        rows.add(total(o, "open_requests", o.byArea().requests(), null, null));
        rows.add(total(o, "open_offers", o.byArea().offers(), null, null));
        for (Week w : o.weeks()) {
            rows.add(cell(o, "requests_opened", null, null, w.start(), w.end(), w.opened()));
            rows.add(cell(o, "requests_met", null, null, w.start(), w.end(), w.met()));
        }
        rows.add(cell(o, "requests_4w_met", null, null, fourWeeksAgo, o.at(), o.outcomes().met()));
        rows.add(cell(o, "requests_4w_promised", null, null, fourWeeksAgo, o.at(), o.outcomes().promised()));
        rows.add(cell(o, "requests_4w_unmet", null, null, fourWeeksAgo, o.at(), o.outcomes().unmet()));
        rows.add(total(o, "requests_4w", o.outcomes().total(), fourWeeksAgo, o.at()));
        rows.add(median(o, "median_hours_to_promised", o.toPromised(), fourWeeksAgo));
        rows.add(cell(o, "median_hours_to_promised_requests", null, null, fourWeeksAgo, o.at(), o.toPromised().requests()));
        rows.add(median(o, "median_hours_to_fulfilled", o.toFulfilled(), fourWeeksAgo));
        rows.add(cell(o, "median_hours_to_fulfilled_requests", null, null, fourWeeksAgo, o.at(),
                o.toFulfilled().requests()));
        for (MostNeeded n : o.mostNeeded()) {
            String name = taxonomy.byId(n.conceptId()).map(c -> taxonomy.label(c, "en")).orElse(n.conceptId());
            rows.add(cell(o, "most_needed_open_requests", n.conceptId(), name, null, null, n.requests()));
        }
        return rows;
    }

    private static Figure cell(Overview o, String indicator, String category, String categoryName, Instant from,
                               Instant to, Cell c) {
        return new Figure(indicator, category, categoryName, null, null, null, null, from, to,
                c.hidden() ? null : c.shown(), c.hidden() ? o.threshold() : null, false);
    }

    private static Figure total(Overview o, String indicator, Total t, Instant from, Instant to) {
        return new Figure(indicator, null, null, null, null, null, null, from, to, t.value(), null, !t.exact());
    }

    private static Figure median(Overview o, String indicator, MedianTime m, Instant from) {
        Duration d = m.median();
        return new Figure(indicator, null, null, null, null, null, null, from, o.at(),
                d == null ? null : Math.round(d.toMinutes() / 60.0), d == null && m.requests().hidden() ? o.threshold() : null,
                false);
    }

    private static Figure withPlace(Figure f, String area, Place p) {
        return new Figure(f.indicator(), null, null, area, p.name(), p.latitude(), p.longitude(), null, null, f.value(),
                f.fewerThan(), f.atLeast());
    }
}
