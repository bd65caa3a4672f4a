package org.weft.server.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A status as links and wire documents write it: lower case, read in any case, anything else is none. */
class ProposalStatusTest {
    @Test
    void readsWhatItWrites() {
        for (ProposalStatus status : ProposalStatus.values()) {
            assertEquals(Optional.of(status), ProposalStatus.fromWire(status.wire()));
        }
        assertEquals(Optional.of(ProposalStatus.PROMISED), ProposalStatus.fromWire(" Promised "));
    }

    @Test
    void nothingOrAnUnknownWordIsNoStatus() {
        assertEquals(Optional.empty(), ProposalStatus.fromWire(null));
        assertEquals(Optional.empty(), ProposalStatus.fromWire(""));
        assertEquals(Optional.empty(), ProposalStatus.fromWire("closed"));
        assertEquals(Optional.empty(), ProposalStatus.fromWire("open; drop table"));
    }
}
