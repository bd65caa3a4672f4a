package org.weft.server.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV as Weft writes it for open data: RFC 4180 (comma, double quotes, CRLF between records) through Apache Commons
 * CSV, with every cell that a spreadsheet would read as a formula neutralised. A title such as
 * {@code =HYPERLINK("http://evil","click")} opened in Excel or LibreOffice runs as a formula; written as
 * {@code '=HYPERLINK(…)} it is shown as the text it is. The HXL row (hashtags under the header) goes through
 * {@link #row} like any other, so every file shares one path.
 */
public final class CsvCells {
    /** RFC 4180, every cell quoted: a quoted cell is text to every spreadsheet, whatever it looks like. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    /** What a spreadsheet takes as the start of a formula (OWASP's list: tab and carriage return as well). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /**
     * The cell as text no spreadsheet evaluates: a leading apostrophe when it starts (after any spaces) with one of
     * {@code = + - @}, a tab or a carriage return; null becomes an empty cell.
     */
    public static String neutral(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String trimmed = value.stripLeading();
        if (!trimmed.isEmpty() && FORMULA_STARTS.indexOf(trimmed.charAt(0)) >= 0
                || FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    /** Writes one record of neutralised cells. */
    public static void row(CSVPrinter printer, List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        cells.forEach(c -> safe.add(neutral(c)));
        try {
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
