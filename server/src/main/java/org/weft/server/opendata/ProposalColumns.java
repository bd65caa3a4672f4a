package org.weft.server.opendata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.weft.server.domain.proposal.PublicProposal;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.web.i18n.Messages;

/**
 * The columns of the list of open proposals, in CSV and HXL alike (and the JSON fields carry the same names): a
 * stable English header for programs, the HXL hashtag that says what each column holds (docs/open-data.md gives the
 * reasons for each choice), and the cell. Labels (categories, purpose, unit) are in the request's language; codes
 * are the same in every language, so a tool joins on those.
 */
final class ProposalColumns {
    /** A column: its header, its HXL hashtag, and its cell for one proposal. */
    record Column(String name, String hxl, BiFunction<PublicProposal, Labels, String> cell) {
    }

    /** What a cell needs besides the proposal: the taxonomy and the messages of the request's language. */
    record Labels(Taxonomy taxonomy, Messages messages) {
        List<Concept> concepts(PublicProposal p) {
            return p.categoryUris().stream().map(taxonomy::byUri).flatMap(Optional::stream).toList();
        }
    }

    /** Dates as ISO 8601 days (HXL's preferred form), times as ISO 8601 instants in UTC. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    static final List<Column> ALL = List.of(
            new Column("reference", "#meta+id", (p, l) -> p.reference()),
            new Column("url", "#meta+url", (p, l) -> p.url()),
            new Column("purpose", "#indicator+type+code", (p, l) -> p.purpose().wire()),
            new Column("purpose_label", "#indicator+type+name",
                    (p, l) -> l.messages().get("purpose." + p.purpose().wire())),
            new Column("kind", "#modality+code", (p, l) -> p.kind() == null ? "" : p.kind().name().toLowerCase(Locale.ROOT)),
            new Column("sector", "#sector+code", (p, l) -> l.concepts(p).stream().map(c -> top(l.taxonomy(), c).id())
                    .distinct().collect(Collectors.joining(" "))),
            new Column("sector_label", "#sector+name", (p, l) -> l.concepts(p).stream()
                    .map(c -> l.taxonomy().label(top(l.taxonomy(), c), l.messages().language())).distinct()
                    .collect(Collectors.joining(", "))),
            new Column("categories", "#item+code", (p, l) -> l.concepts(p).stream().map(Concept::id)
                    .collect(Collectors.joining(" "))),
            new Column("category_labels", "#item+name", (p, l) -> l.concepts(p).stream()
                    .map(c -> l.taxonomy().label(c, l.messages().language())).collect(Collectors.joining(", "))),
            new Column("title", "#description+title", (p, l) -> p.title()),
            new Column("language", "#meta+lang", (p, l) -> p.language()),
            new Column("quantity", "#indicator+num",
                    (p, l) -> p.quantity() == null ? "" : p.quantity().stripTrailingZeros().toPlainString()),
            new Column("unit", "#indicator+unit", (p, l) -> p.unit() == null ? "" : p.unit()),
            new Column("area", "#loc+code", (p, l) -> p.areaCode()),
            new Column("area_name", "#loc+name", (p, l) -> p.areaName()),
            new Column("status", "#status+code", (p, l) -> "open"),
            new Column("posted", "#date+reported", (p, l) -> day(p.publishedAt())),
            new Column("ends", "#date+end", (p, l) -> day(p.endsAt())));

    private ProposalColumns() {
    }

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    static List<String> hxlTags() {
        return ALL.stream().map(Column::hxl).toList();
    }

    static List<String> cells(PublicProposal p, Labels labels) {
        return ALL.stream().map(c -> c.cell().apply(p, labels)).toList();
    }

    /** The top-level concept a category sits under (itself when it is one): the sector of HXL. */
    static Concept top(Taxonomy taxonomy, Concept c) {
        List<Concept> up = taxonomy.ancestors(c);
        return up.isEmpty() ? c : up.getLast();
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
