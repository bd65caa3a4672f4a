package org.weft.activitypub.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {

    @Test
    void itAgreesWithAHashSetThroughManyAddsAndRemovals() {
        // Few distinct home slots (keys that differ only above bit 8 share them) make long probe runs that wrap around
        // the table's end, the case backward-shift deletion gets wrong if it gets anything wrong.
        Random random = new Random(16);
        FingerprintSet set = new FingerprintSet();
        Set<Long> reference = new HashSet<>();
        List<Long> present = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            long key = random.nextBoolean() ? random.nextLong() | 1 : ((long) random.nextInt(5_000) << 8) | 0x3F;
            if (!present.isEmpty() && random.nextInt(3) == 0) {
                long gone = present.remove(random.nextInt(present.size()));
                set.remove(gone);
                reference.remove(gone);
            } else if (reference.add(key)) {
                assertTrue(set.add(key));
                present.add(key);
            } else {
                assertFalse(set.add(key), "already there");
            }
            if (step % 997 == 0) {
                for (long k : present) {
                    assertTrue(set.contains(k), "step " + step + ": lost " + k);
                }
            }
        }
        assertEquals(reference.size(), set.size());
        for (long k : present) {
            assertTrue(set.contains(k));
        }
        assertFalse(set.contains(2));
    }

    @Test
    void emptiedItHoldsNothingAndItsTableStaysInProportionToItsPeak() {
        FingerprintSet set = new FingerprintSet();
        for (long k = 1; k <= 10_000; k++) {
            set.add(k * 0x9E3779B97F4A7C15L | 1);
        }
        int peak = set.length();
        for (long k = 1; k <= 10_000; k++) {
            set.remove(k * 0x9E3779B97F4A7C15L | 1);
        }
        assertEquals(0, set.size());
        assertFalse(set.contains(0x9E3779B97F4A7C15L | 1));
        assertTrue(peak <= 4 * 10_000, "slots " + peak + " for 10,000 keys");
        set.remove(12345);
        assertEquals(0, set.size(), "removing what is not there changes nothing");
    }

    @Test
    void zeroIsRefusedSinceItMarksAnEmptySlot() {
        assertThrows(IllegalArgumentException.class, () -> new FingerprintSet().add(0));
    }
}
