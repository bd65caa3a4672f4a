package org.weft.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.weft.server.domain.proposal.AreaService;
import org.weft.server.persistence.AreaEntity;
import org.weft.server.persistence.Database;

/**
 * {@code weft area create} and {@code weft area list}, run in-process against a database of their own: what
 * they store (codes, names, parents, snapped centres), what they print, and that refused input exits with 2,
 * says why and stores nothing.
 */
class AreaCommandTest {
    private static OperatorInstance cli;

    @BeforeAll
    static void createDatabase() {
        cli = OperatorInstance.fresh("https://camp.weft.test");
    }

    @AfterAll
    static void dropDatabase() {
        cli.close();
    }

    @Test
    void createStoresAHierarchyWithCoarseCentresAndListShowsIt() {
        OperatorInstance.Run camp = weft("area", "create", "north-camp", "North Camp", "--lat", "32.291234", "--lon", "36.323456");
        assertEquals(0, camp.exit(), camp.err());
        assertTrue(camp.out().startsWith("Created area north-camp (North Camp) centred at 32.29, "), camp.out());
        OperatorInstance.Run block = weft("area", "create", "north-camp/block-7", "Block 7");
        assertEquals(0, block.exit(), block.err());
        assertEquals("Created area north-camp/block-7 (Block 7)", block.out().strip());

        AreaEntity stored = areas().stream().filter(a -> a.getCode().equals("north-camp")).findFirst().orElseThrow();
        assertEquals(32.29, stored.getLatitude(), 1e-9, "latitude snapped to the 0.01° grid");
        assertTrue(Math.abs(stored.getLongitude() - 36.323456) > 1e-4, "longitude snapped, not the exact point");
        AreaEntity child = areas().stream().filter(a -> a.getCode().equals("north-camp/block-7")).findFirst().orElseThrow();
        assertEquals(stored.getId(), child.getParentId());

        OperatorInstance.Run list = weft("area", "list");
        assertEquals(0, list.exit(), list.err());
        List<String> lines = list.out().lines().toList();
        int parentLine = indexOf(lines, "north-camp  North Camp  (32.29, ");
        int childLine = indexOf(lines, "north-camp/block-7  Block 7");
        assertTrue(parentLine >= 0 && childLine > parentLine, "parent listed before child: " + list.out());
        assertTrue(lines.get(0).matches("\\d+ area\\(s\\)"), list.out());
    }

    @Test
    void refusedAreasExitWith2AndStoreNothing() {
        int before = areas().size();
        assertRefused(weft("area", "create", "nowhere/block-1", "Orphan"), "Create the area nowhere first");
        assertRefused(weft("area", "create", "Bad Code", "Bad"), "lower-case words joined by “/”");
        assertRefused(weft("area", "create", "lonely", "Lonely", "--lat", "10"), "Give both --lat and --lon");
        assertRefused(weft("area", "create", "far", "Far", "--lat", "91", "--lon", "0"), "out of range");
        assertRefused(weft("area", "create", "blank", " "), "needs a name");
        assertEquals(before, areas().size(), "nothing stored");

        assertEquals(0, weft("area", "create", "twice", "Twice").exit());
        assertRefused(weft("area", "create", "twice", "Again"), "exists already");
        assertEquals("Twice", areas().stream().filter(a -> a.getCode().equals("twice")).findFirst().orElseThrow().getName());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static void assertRefused(OperatorInstance.Run run, String why) {
        assertEquals(2, run.exit(), "exit code; out: " + run.out() + " err: " + run.err());
        assertTrue(run.err().startsWith("weft: ") && run.err().contains(why), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }

    private static List<AreaEntity> areas() {
        try (Database db = cli.openDatabase()) {
            return new AreaService(db).all();
        }
    }

    private static OperatorInstance.Run weft(String... args) {
        return cli.weft(args);
    }
}
