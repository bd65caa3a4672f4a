package org.weft.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.ProposalLifecycle;
import org.weft.server.domain.proposal.ProposalLifecycle.Action;
import org.weft.server.model.ProposalStatus;

/**
 * docs/api.md prints the lifecycle as a table (what may follow what); the services check actions against
 * {@link ProposalLifecycle}. This reads the table and compares it, cell by cell, with the code, so the two cannot drift.
 */
class LifecycleDocsTest {
    private static final Path DOC = Path.of("..", "docs", "api.md");
    private static final Pattern STATUS_ROW = Pattern.compile("status → `(\\w+)`");

    @Test
    void theTableInTheDocsIsTheLifecycleTheServicesCheck() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int header = lines.indexOf("| action | open | promised | expired | fulfilled | withdrawn |");
        assertTrue(header >= 0, "docs/api.md has the lifecycle table");
        List<ProposalStatus> columns = List.of(ProposalStatus.OPEN, ProposalStatus.PROMISED, ProposalStatus.EXPIRED,
                ProposalStatus.FULFILLED, ProposalStatus.WITHDRAWN);
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = Arrays.stream(lines.get(i).split("\\|")).map(String::strip).skip(1).toArray(String[]::new);
            String action = cells[0];
            rows.add(action);
            for (int c = 0; c < columns.size(); c++) {
                ProposalStatus from = columns.get(c);
                String cell = cells[c + 1].toLowerCase(Locale.ROOT);
                String where = action + " from " + from.wire() + " (" + cell + ")";
                Matcher status = STATUS_ROW.matcher(action);
                if (status.find()) {
                    ProposalStatus to = ProposalStatus.fromWire(status.group(1)).orElseThrow();
                    if (from == to) {
                        assertTrue(cell.startsWith("—") && ProposalLifecycle.mayMove(from, to), where);
                    } else {
                        assertEquals(cell.startsWith("yes"), ProposalLifecycle.mayMove(from, to), where);
                    }
                } else {
                    assertEquals(cell.startsWith("yes"), ProposalLifecycle.may(action(action), from), where);
                }
            }
        }
        assertEquals(Action.values().length + ProposalStatus.values().length, rows.size(),
                "one row per action and per status to move to: " + rows);
    }

    private static Action action(String row) {
        if (row.startsWith("edit")) {
            return Action.EDIT;
        }
        if (row.startsWith("renew")) {
            return Action.RENEW;
        }
        if (row.startsWith("accept a response")) {
            return Action.ACCEPT_RESPONSE;
        }
        if (row.startsWith("decline a response")) {
            return Action.DECLINE_RESPONSE;
        }
        if (row.startsWith("delete")) {
            return Action.DELETE;
        }
        throw new AssertionError("an action the lifecycle does not know: " + row);
    }
}
