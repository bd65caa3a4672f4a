package org.weft.server.ui.auth;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.persistence.ChangeFeedEntries;
import org.weft.server.persistence.ChangeKind;
import org.weft.server.persistence.Database;

/**
 * Tells the other nodes of this instance about each sign-in that counts (through the change feed), so the sign-in
 * limits hold for the instance and not once per node. One small insert per failed or successful sign-in, which a
 * password check (tens of milliseconds of hashing) dwarfs. If the write fails, this node has still counted it.
 */
public final class SignInsSharedByFeed implements LoginRateLimiter.Peers {
    private static final Logger LOG = Logger.getLogger(SignInsSharedByFeed.class.getName());
    private final Database db;
    private final Clock clock;

    public SignInsSharedByFeed(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void failed(LoginRateLimiter.Keys keys) {
        tell(ChangeKind.LOGIN_FAILED, keys);
    }

    @Override
    public void succeeded(LoginRateLimiter.Keys keys) {
        tell(ChangeKind.LOGIN_OK, keys);
    }

    private void tell(ChangeKind kind, LoginRateLimiter.Keys keys) {
        try {
            db.run(s -> ChangeFeedEntries.add(s, kind, keys.line(), db.nodeId(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the other nodes about a sign-in; this node has counted it", e);
        }
    }
}
