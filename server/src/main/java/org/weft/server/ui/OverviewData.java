package org.weft.server.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.weft.server.http.CsvCells;
import org.weft.server.domain.overview.FigureRows.Figure;
import org.weft.server.domain.overview.Overview;

/**
 * The needs overview's figures as open data: CSV (RFC 4180, UTF-8, a header line), the same with a second line of
 * HXL hashtags, and JSON, one object per figure. docs/open-data.md explains the columns and the hashtags. A text cell
 * (a name an operator or a community chose) that a spreadsheet would read as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe; numbers are left as they are.
 */
final class OverviewData {
    /** A column: its CSV header, its HXL hashtag, and how a figure fills it. */
    private record Column(String header, String hxl, Function<Figure, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("community", "#org+code", f -> null),
            new Column("indicator", "#indicator+code", Figure::indicator),
            new Column("category", "#sector+code", Figure::category),
            new Column("category_name", "#sector+name", Figure::categoryName),
            new Column("area", "#loc+code", Figure::area),
            new Column("area_name", "#loc+name", Figure::areaName),
            new Column("latitude", "#geo+lat", Figure::latitude),
            new Column("longitude", "#geo+lon", Figure::longitude),
            new Column("period_start", "#date+start", Figure::periodStart),
            new Column("period_end", "#date+end", Figure::periodEnd),
            new Column("value", "#indicator+num", Figure::value),
            new Column("fewer_than", "#indicator+num+fewer_than", Figure::fewerThan),
            new Column("at_least", "#indicator+at_least", f -> f.atLeast() ? "true" : null));

    private OverviewData() {
    }

    static String csv(Overview o, List<Figure> figures, boolean hxl) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(COLUMNS.stream().map(Column::header).toList());
            if (hxl) {
                printer.printRecord(COLUMNS.stream().map(Column::hxl).toList());
            }
            for (Figure f : figures) {
                printer.printRecord(COLUMNS.stream().map(c -> text(c.header().equals("community")
                        ? community(o) : c.value().apply(f))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static ObjectNode json(Overview o, List<Figure> figures) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("community", community(o));
        doc.put("scope", o.scope().name().toLowerCase());
        doc.put("counted_at", o.at().toString());
        doc.put("threshold", o.threshold());
        doc.put("community_only_counted", o.withCommunityOnly());
        ArrayNode list = doc.putArray("figures");
        for (Figure f : figures) {
            ObjectNode n = list.addObject();
            n.put("indicator", f.indicator());
            putIf(n, "category", f.category());
            putIf(n, "category_name", f.categoryName());
            putIf(n, "area", f.area());
            putIf(n, "area_name", f.areaName());
            if (f.latitude() != null && f.longitude() != null) {
                n.put("latitude", f.latitude());
                n.put("longitude", f.longitude());
            }
            putIf(n, "period_start", f.periodStart() == null ? null : f.periodStart().toString());
            putIf(n, "period_end", f.periodEnd() == null ? null : f.periodEnd().toString());
            if (f.value() != null) {
                n.put(f.atLeast() ? "at_least" : "value", f.value());
            } else if (f.fewerThan() != null) {
                n.put("fewer_than", f.fewerThan());
            } else {
                n.putNull("value");
            }
        }
        return doc;
    }

    private static String community(Overview o) {
        return o.community() == null ? "" : o.community();
    }

    private static void putIf(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }

    /** A cell's text; one a spreadsheet would take for a formula is neutralised (the open data's one rule, CsvCells). */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Instant) {
            return value.toString(); // a negative longitude stays a number
        }
        return CsvCells.neutral(value.toString());
    }
}
