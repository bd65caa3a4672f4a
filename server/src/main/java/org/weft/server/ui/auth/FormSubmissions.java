package org.weft.server.ui.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.weft.server.persistence.Database;
import org.weft.server.persistence.FormSubmissionEntity;
import org.weft.server.persistence.FormSubmissionRepository;

/**
 * Makes a form's change happen once. Each form on a page carries its own one-time token ({@code once}); the first
 * submit of a token claims it, and any later submit of the same token (a double tap, a reload, the back button and
 * send again) is a repeat: it changes nothing and is sent where the first one went. A refused submit gives its token
 * back, so the person can correct the form and send it again. A form without a token is handled as before, every
 * time (scripts, old pages).
 */
public final class FormSubmissions {
    private static final Logger LOG = Logger.getLogger(FormSubmissions.class.getName());
    /** How long a token is remembered: far longer than anyone keeps a page open and sends it again. */
    static final Duration KEPT = Duration.ofDays(1);
    private static final int PRUNE_EVERY = 200;

    private final Database db;
    private final Clock clock;
    private final AtomicInteger claims = new AtomicInteger();

    public FormSubmissions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The outcome of claiming a form's token. */
    public sealed interface Claim {
        /** Whether this submit repeats one already made. */
        default boolean repeated() {
            return this instanceof Repeat;
        }
    }

    /** The first submit of this token: go ahead. */
    public record First(String token) implements Claim {
    }

    /** A submit of a token already used: {@code outcome} is where the first went (empty while it is still running). */
    public record Repeat(Optional<String> outcome) implements Claim {
    }

    /** A form without a (well-formed) token: handled as it comes. */
    public record Untracked() implements Claim {
    }

    public Claim claim(String token, Long memberId) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            return new Untracked();
        }
        if (claims.incrementAndGet() % PRUNE_EVERY == 0) {
            prune();
        }
        Instant now = clock.instant();
        try {
            return db.inTransaction(s -> {
                FormSubmissionEntity seen = s.find(FormSubmissionEntity.class, token);
                if (seen != null) {
                    return new Repeat(Optional.ofNullable(seen.getOutcome()));
                }
                s.persist(new FormSubmissionEntity(token, memberId, now));
                return new First(token);
            });
        } catch (RuntimeException e) {
            // Two submits of one token at the same moment: the other one's row won the primary key.
            LOG.log(Level.FINE, "Form token claimed twice at once", e);
            return new Repeat(Optional.empty());
        }
    }

    /** The first submit went well and sent the person to {@code outcome}: later repeats go there too. */
    public void succeeded(Claim claim, String outcome) {
        if (claim instanceof First first) {
            db.run(s -> {
                FormSubmissionEntity row = s.find(FormSubmissionEntity.class, first.token());
                if (row != null) {
                    row.setOutcome(outcome.length() > 600 ? null : outcome);
                }
            });
        }
    }

    /** The first submit was refused and changed nothing: its token may be used again. */
    public void failed(Claim claim) {
        if (claim instanceof First first) {
            db.run(s -> FormSubmissionRepository.delete(s, first.token()));
        }
    }

    private void prune() {
        try {
            db.run(s -> FormSubmissionRepository.deleteBefore(s, clock.instant().minus(KEPT)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pruning old form tokens failed; tried again later", e);
        }
    }
}
