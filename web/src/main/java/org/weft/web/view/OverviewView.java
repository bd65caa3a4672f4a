package org.weft.web.view;

import java.util.List;

/**
 * The needs overview page: its charts, already laid out (coordinates worked out on the server, mirrored for a
 * right-to-left page), and the same numbers as table rows, every text already in the page's language.
 *
 * @param heading      the page's heading
 * @param notes        sentences under it (what is counted, the threshold, who sees community-only proposals)
 * @param scopeLinks   links to the other views of the same figures (alone, with linked communities, the board)
 * @param categories   open requests and offers by category
 * @param areas        open requests and offers by area (table) and their map
 * @param weeks        the last four weeks
 * @param outcomes     what became of the last four weeks' requests: label and value
 * @param medians      the two median times: label, value, over how many requests
 * @param mostNeededRule the rule for "most needed", in words
 * @param mostNeeded   the most needed categories' names, or empty
 * @param dataLinks    the same figures as CSV, HXL and JSON
 */
public record OverviewView(String heading, List<String> notes, List<Link> scopeLinks, BarChart categories,
                           BarChart areas, MapChart map, WeekChart weeks, List<TableRow> outcomes, List<TableRow> medians,
                           String mostNeededRule, List<String> mostNeeded, List<Link> dataLinks) {

    /** A table's line: a label and its values, each as shown ("12", "fewer than 3"). */
    public record TableRow(String label, List<String> values, boolean name) {
        /** A row whose label is the page's own words (from the message files), not a name. */
        public TableRow(String label, List<String> values) {
            this(label, values, false);
        }
    }

    /**
     * Horizontal bars, two per line (requests, offers), and the same as a table.
     *
     * @param columns the table's column heads (the dimension, requests, offers)
     */
    public record BarChart(String title, int width, int height, String direction, List<Bar> bars, List<String> columns,
                           List<TableRow> rows, TableRow total) {
    }

    /** One line of bars: its label's place, and each bar's rectangle and value text. */
    public record Bar(String label, int labelX, int y, Rect requests, Rect offers) {
    }

    /** A bar's rectangle ({@code width} 0: nothing drawn) and its value's text, placed after it. */
    public record Rect(int x, int y, int width, int height, String text, int textX) {
    }

    /** Vertical bars by week, two per week (opened, met); the weeks run right to left on a right-to-left page. */
    public record WeekChart(String title, int width, int height, String direction, List<WeekBar> weeks,
                            List<String> columns, List<TableRow> rows, int baseline) {
    }

    /** One week's two bars and its label under them. */
    public record WeekBar(String label, int labelX, Rect opened, Rect met) {
    }

    /** Areas as circles of area proportional to their open requests, placed by their coordinates. */
    public record MapChart(String title, int width, int height, List<Circle> circles) {
    }

    /** One area's circle ({@code radius} 0 for none open) and its label; a hidden count has a dashed ring. */
    public record Circle(String label, int cx, int cy, int radius, boolean hidden, String text) {
    }
}
