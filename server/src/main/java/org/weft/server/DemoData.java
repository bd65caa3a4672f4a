package org.weft.server;

import java.util.logging.Logger;

import org.weft.server.domain.ActorRepository;
import org.weft.server.domain.LocalActorService;
import org.weft.server.persistence.Database;

/**
 * The newcomer's demo: a community ready to follow. Only the run-for-newcomers command turns this on
 * ({@code WEFT_DEMO=true}); production configuration never does.
 */
final class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    static final String GROUP = "block3";

    private DemoData() {
    }

    static void seed(Database db, LocalActorService actors) {
        boolean present = db.inTransaction(s -> ActorRepository.localByUsername(s, GROUP).isPresent());
        if (present) {
            return;
        }
        actors.createGroup(GROUP, "Block 3 mutual aid",
                "Offers and requests of help between neighbours in Block 3. Follow to see them in your timeline.");
        LOG.info("Demo community @" + GROUP + " created");
    }
}
