package org.weft.server.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.weft.server.domain.overview.Breakdown;
import org.weft.server.domain.overview.Cell;
import org.weft.server.domain.overview.FigureRows.Place;
import org.weft.server.domain.overview.Overview;
import org.weft.server.domain.overview.Row;
import org.weft.server.domain.overview.Total;
import org.weft.server.domain.overview.Week;
import org.weft.web.i18n.Messages;
import org.weft.web.view.OverviewView.Bar;
import org.weft.web.view.OverviewView.BarChart;
import org.weft.web.view.OverviewView.Circle;
import org.weft.web.view.OverviewView.MapChart;
import org.weft.web.view.OverviewView.Rect;
import org.weft.web.view.OverviewView.TableRow;
import org.weft.web.view.OverviewView.WeekBar;
import org.weft.web.view.OverviewView.WeekChart;

/**
 * Lays the overview's charts out on the server, so the page needs no script: bars by category and area, the weeks,
 * and the areas' map. On a right-to-left page the bars grow from the right and the weeks run from the right (the
 * template sets the SVG's direction, so a label anchored at its end sits on the bars' side in both); the map is not
 * mirrored, since east stays east. Every text comes from the page's messages, numbers in the page's digits.
 */
final class OverviewCharts {
    static final int WIDTH = 560;
    private static final int LABEL = 170;
    private static final int ROW = 30;
    private static final int TOP = 22;
    private static final int LABEL_CHARS = 24;
    private static final int WEEK_HEIGHT = 190;
    private static final int WEEK_BASE = 160;
    private static final int MAP_HEIGHT = 260;
    private static final int MAP_PAD = 40;

    private final Messages m;
    private final int threshold;
    private final boolean rtl;

    OverviewCharts(Messages m, int threshold) {
        this.m = m;
        this.threshold = threshold;
        this.rtl = m.isRightToLeft();
    }

    /**
     * A breakdown's bars and table; {@code labelOf} names a row's key (null: the row of proposals naming none), and
     * {@code names} says whether those are names someone typed (areas), which the page marks as such.
     */
    BarChart bars(String title, String dimension, Breakdown b, Function<String, String> labelOf, boolean names) {
        long max = Math.max(1, b.rows().stream().mapToLong(r -> Math.max(r.requests().shown(), r.offers().shown())).max()
                .orElse(1));
        int room = WIDTH - LABEL - 70;
        List<Bar> bars = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        int y = TOP;
        for (Row r : b.rows()) {
            String label = labelOf.apply(r.key());
            bars.add(new Bar(shortened(label), rtl ? WIDTH - LABEL + 6 : LABEL - 6, y,
                    bar(r.requests(), y + 4, max, room), bar(r.offers(), y + 16, max, room)));
            rows.add(new TableRow(label, List.of(cellText(r.requests()), cellText(r.offers())), names && r.key() != null));
            y += ROW;
        }
        TableRow total = new TableRow(m.get("overview.total"), List.of(totalText(b.requests()), totalText(b.offers())));
        return new BarChart(title, WIDTH, y + 4, m.dir(), bars, List.of(dimension, m.get("overview.requests"),
                m.get("overview.offers")), rows, total);
    }

    private Rect bar(Cell c, int y, long max, int room) {
        int length = (int) Math.round(room * (double) c.shown() / max);
        int start = rtl ? WIDTH - LABEL - length : LABEL;
        int textX = rtl ? start - 4 : LABEL + length + 4;
        return new Rect(start, y, length, 10, chartText(c), textX);
    }

    /** The four weeks as pairs of bars (opened, met) over one baseline, the first week at the start side. */
    WeekChart weeks(Overview o) {
        List<Week> weeks = o.weeks();
        long max = Math.max(1, weeks.stream().mapToLong(w -> Math.max(w.opened().shown(), w.met().shown())).max()
                .orElse(1));
        int slot = WIDTH / weeks.size();
        int room = WEEK_BASE - 30;
        List<WeekBar> bars = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Week w = weeks.get(i);
            int centre = rtl ? WIDTH - slot / 2 - slot * i : slot / 2 + slot * i;
            int first = rtl ? centre + 2 : centre - 32;
            int second = rtl ? centre - 32 : centre + 2;
            String label = m.date(w.start());
            bars.add(new WeekBar(label, centre, column(w.opened(), first, max, room), column(w.met(), second, max, room)));
            rows.add(new TableRow(label, List.of(cellText(w.opened()), cellText(w.met()))));
        }
        return new WeekChart(m.get("overview.weeks"), WIDTH, WEEK_HEIGHT, m.dir(), bars,
                List.of(m.get("overview.week"), m.get("overview.opened"), m.get("overview.met")), rows, WEEK_BASE);
    }

    private Rect column(Cell c, int x, long max, int room) {
        int height = (int) Math.round(room * (double) c.shown() / max);
        return new Rect(x, WEEK_BASE - height, 30, height, chartText(c), x + 15);
    }

    /**
     * Areas with coordinates as circles whose area grows with their open requests, placed by longitude and latitude
     * in one scale (an equirectangular sketch, wide enough for a camp or a town); a hidden count is a small dashed ring.
     */
    MapChart map(Breakdown byArea, Map<String, Place> places) {
        List<Row> placed = byArea.rows().stream().filter(r -> r.key() != null && places.containsKey(r.key())
                && places.get(r.key()).latitude() != null && places.get(r.key()).longitude() != null).toList();
        List<Circle> circles = new ArrayList<>();
        if (placed.isEmpty()) {
            return new MapChart(m.get("overview.map"), WIDTH, MAP_HEIGHT, circles);
        }
        double minLat = Double.MAX_VALUE;
        double maxLat = -Double.MAX_VALUE;
        double minLon = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE;
        for (Row r : placed) {
            Place p = places.get(r.key());
            minLat = Math.min(minLat, p.latitude());
            maxLat = Math.max(maxLat, p.latitude());
            minLon = Math.min(minLon, p.longitude());
            maxLon = Math.max(maxLon, p.longitude());
        }
        double shrink = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * shrink, 1e-9);
        double spanY = Math.max(maxLat - minLat, 1e-9);
        double scale = Math.min((WIDTH - 2.0 * MAP_PAD) / spanX, (MAP_HEIGHT - 2.0 * MAP_PAD) / spanY);
        double offsetX = (WIDTH - spanX * scale) / 2;
        double offsetY = (MAP_HEIGHT - spanY * scale) / 2;
        long max = Math.max(1, placed.stream().mapToLong(r -> r.requests().shown()).max().orElse(1));
        for (Row r : placed) {
            Place p = places.get(r.key());
            int cx = (int) Math.round(offsetX + (p.longitude() - minLon) * shrink * scale);
            int cy = (int) Math.round(offsetY + (maxLat - p.latitude()) * scale);
            int radius = r.requests().shown() == 0 ? 0 : (int) Math.max(3, Math.round(28 * Math.sqrt(
                    (double) r.requests().shown() / max)));
            circles.add(new Circle(shortened(p.name()), cx, cy, radius, r.requests().hidden(), chartText(r.requests())));
        }
        return new MapChart(m.get("overview.map"), WIDTH, MAP_HEIGHT, circles);
    }

    /** A count in a table: the number, or "fewer than 3". */
    String cellText(Cell c) {
        return c.hidden() ? m.get("overview.fewer", threshold) : m.number(c.shown());
    }

    /** A total: the number, or "at least N" when a cell it sums is hidden. */
    String totalText(Total t) {
        return t.exact() ? m.number(t.value()) : m.get("overview.atLeast", m.number(t.value()));
    }

    /** A median time in hours under two days, else in days. */
    String duration(Duration d) {
        long hours = Math.round(d.toMinutes() / 60.0);
        return hours < 48 ? m.get("overview.hours", hours) : m.get("overview.days", Math.round(hours / 24.0));
    }

    private String chartText(Cell c) {
        // The words, not "< 3": in a right-to-left line the bidi algorithm mirrors "<", and it would read "> 3".
        return c.hidden() ? m.get("overview.fewer", threshold) : m.number(c.shown());
    }

    private static String shortened(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
    }
}
