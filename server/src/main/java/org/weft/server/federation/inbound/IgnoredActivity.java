package org.weft.server.federation.inbound;

/** An activity that is understood but must change nothing (for example an Undo of someone else's Follow). */
public final class IgnoredActivity extends Exception {
    public IgnoredActivity(String reason) {
        super(reason);
    }
}
