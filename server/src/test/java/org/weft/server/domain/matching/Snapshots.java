package org.weft.server.domain.matching;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

/** Proposals for matcher tests, built without a database: open, local, a gift, published an hour ago for a week. */
final class Snapshots {
    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    private static final AtomicLong IDS = new AtomicLong(1000);

    private long id = IDS.incrementAndGet();
    private boolean local = true;
    private final Purpose purpose;
    private HelpKind kind = HelpKind.GIFT;
    private List<String> categories = List.of();
    private String area;
    private Double lat;
    private Double lon;
    private Instant published = NOW.minus(Duration.ofHours(1));
    private Instant ends = NOW.plus(Duration.ofDays(10));
    private BigDecimal quantity;
    private String unit;
    private boolean open = true;
    private Long author;

    private Snapshots(Purpose purpose) {
        this.purpose = purpose;
    }

    static Snapshots request(String... concepts) {
        return new Snapshots(Purpose.REQUEST).concepts(concepts);
    }

    static Snapshots offer(String... concepts) {
        return new Snapshots(Purpose.OFFER).concepts(concepts);
    }

    Snapshots concepts(String... ids) {
        categories = java.util.Arrays.stream(ids).map(c -> c.startsWith("http") ? c : Taxonomy.BASE_URI + c).toList();
        return this;
    }

    Snapshots id(long value) {
        id = value;
        return this;
    }

    Snapshots remote() {
        local = false;
        return this;
    }

    Snapshots kind(HelpKind value) {
        kind = value;
        return this;
    }

    Snapshots area(String code) {
        area = code;
        return this;
    }

    Snapshots at(double latitude, double longitude) {
        lat = latitude;
        lon = longitude;
        return this;
    }

    Snapshots window(Instant from, Instant to) {
        published = from;
        ends = to;
        return this;
    }

    Snapshots quantity(String value, String unitName) {
        quantity = new BigDecimal(value);
        unit = unitName;
        return this;
    }

    Snapshots author(long actorId) {
        author = actorId;
        return this;
    }

    Snapshots closed() {
        open = false;
        return this;
    }

    ProposalSnapshot build() {
        return new ProposalSnapshot(id, local, purpose, kind, categories, area, lat, lon, published, ends, quantity, unit, open,
                null, null, author);
    }
}
