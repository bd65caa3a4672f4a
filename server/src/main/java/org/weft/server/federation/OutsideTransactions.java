package org.weft.server.federation;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.activitypub.client.AddressCheck;
import org.weft.server.persistence.Database;

/**
 * The address check of this instance's HTTP client, which first makes sure the calling thread is inside none of the
 * database's transactions: a request (a key or actor fetch, WebFinger, a delivery) can take seconds, and a
 * transaction held meanwhile keeps a pooled connection and its row locks. Fetch first, then open the transaction.
 *
 * <p>A request made inside one is a bug: it is logged with where it came from, and counted
 * ({@link #requestsInsideTransactions()}, which the tests' servers check when they stop). With assertions enabled,
 * as in the tests, the request also fails there and then; in production it goes ahead, since a slow request is
 * still better than none.
 */
public final class OutsideTransactions implements AddressCheck {
    private static final Logger LOG = Logger.getLogger(OutsideTransactions.class.getName());

    private final Database db;
    private final AddressCheck addresses;
    private final AtomicLong insideTransactions = new AtomicLong();

    /**
     * @param db        the database whose transactions no request may be made inside
     * @param addresses the address check proper, run after this one
     */
    public OutsideTransactions(Database db, AddressCheck addresses) {
        this.db = db;
        this.addresses = addresses;
    }

    @Override
    public void check(URI uri) throws IOException {
        if (db.inTransactionOnThisThread()) {
            insideTransactions.incrementAndGet();
            String problem = "HTTP request to " + uri + " made inside a database transaction";
            LOG.log(Level.SEVERE, problem, new IllegalStateException(problem));
            assert false : problem;
        }
        addresses.check(uri);
    }

    /** Requests made inside a transaction since start: 0, or there is a bug to fix (the log says where). */
    public long requestsInsideTransactions() {
        return insideTransactions.get();
    }
}
