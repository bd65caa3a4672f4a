package org.weft.server.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a member's notification is about. The wire name is what the database keeps and the API shows in {@code kind};
 * each kind has a sentence {@code notification.<wire>} in every language of the pages (a test checks all of them).
 */
public enum NotificationKind {
    /** Someone answered one of the member's proposals. */
    RESPONSE("response"),
    /** The author here accepted the member's response. */
    ACCEPTED("accepted"),
    /** A direct message reached the member that belongs to no conversation (from another server). */
    MESSAGE("message"),
    /**
     * The member's response had been accepted, and the proposal's author withdrew it or deleted it before it was
     * fulfilled: what was arranged is off (here, or on the other Weft instance that holds the proposal).
     */
    CALLED_OFF("called-off"),
    /**
     * The member's response had been accepted, and the proposal's author changed what it offers or asks for since (its
     * title, description, quantity, area or end date): what was arranged may no longer hold (here, or on the other Weft
     * instance that holds the proposal).
     */
    EDITED_AFTER_ACCEPT("edited-after-accept"),
    /**
     * The member's response had been accepted, and the proposal's author moved it back to open (to look for more or
     * other people): the response stays accepted, but what was arranged may change (here, or on the other Weft
     * instance that holds the proposal).
     */
    REOPENED("reopened"),
    /**
     * Someone whose response to the member's proposal the member had accepted deleted their account (here, or their
     * server sent {@code Delete} of them): what was arranged is off, and a proposal promised to them alone opens again.
     */
    RESPONDER_LEFT("responder-left"),
    /**
     * Someone took back their answer to one of the member's proposals (here, or from another Weft instance by an
     * {@code Undo} of their Offer, or from Mastodon by deleting their reply): it is no longer listed under it.
     */
    ANSWER_TAKEN_BACK("answer-taken-back"),
    /**
     * Someone took back their answer to one of the member's proposals after the member had accepted it: what was
     * arranged is off, and a proposal promised to them alone opens again.
     */
    PROMISE_TAKEN_BACK("promise-taken-back"),
    /** A new message in a conversation the member is part of (a response's author side or its responder). */
    CONVERSATION("conversation"),
    /** A new match for one of the member's proposals. */
    MATCH("match"),
    /**
     * A match of the member's was withdrawn: the other proposal changed so that it no longer fits, or is no longer
     * available here (closed, deleted, unlinked).
     */
    MATCH_GONE("match-gone"),
    /** Another Weft member accepted the member's agreement offer. */
    AGREEMENT_ACCEPTED("agreement-accepted"),
    /** Another Weft member declined the member's agreement offer. */
    AGREEMENT_DECLINED("agreement-declined"),
    /** A moderator of the community hid the member's proposal after a report (for an anonymous one, the member behind it). */
    POST_HIDDEN("post-hidden"),
    /** A moderator showed the member's hidden proposal again. */
    POST_SHOWN("post-shown");

    private final String wire;

    NotificationKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<NotificationKind> fromWire(String value) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(value)).findFirst();
    }
}
