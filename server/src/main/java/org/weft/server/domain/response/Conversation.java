package org.weft.server.domain.response;

import java.time.Instant;
import java.util.List;

import org.weft.server.persistence.ResponseEntity;

/**
 * A response's conversation as one of its two sides sees it: what it is about, who the other side is, the response
 * that started it, and its newest messages (oldest first). Plain values, read inside one transaction.
 *
 * @param authorSide      whether the viewer is on the proposal's side (else they are the responder)
 * @param proposalLocal   whether the proposal is this instance's (else the viewer answered one from elsewhere)
 * @param proposalOnPage  whether the proposal still has a page the viewer can open (neither withdrawn nor deleted):
 *                        for a local one, not one a moderator hid, unless the viewer may still open it; for a copy
 *                        from another server, its page here as {@code CopyReaders} opens it (not once an unlink
 *                        detached it, nor when blocked where it is held)
 * @param proposalHidden  whether a moderator hid the proposal after a report: both sides are told, and may still
 *                        write to each other (a moderator hides single messages, or blocks an account, when they
 *                        must not)
 * @param reopened        whether the response was accepted and the proposal is open again since (its author moved
 *                        it back from promised): the responder is told that what was arranged may change
 * @param otherName       the other side's name as the viewer is shown it (for an anonymous or community-only
 *                        proposal the responder sees the community, never the member)
 * @param sharedWith      for an anonymous request's side, the community whose moderators also read and may write in
 *                        the conversation (so nobody on that side is told it is between two people only); else null
 * @param actingFor       whether the viewer is on that side as a moderator, not as the author
 * @param responseText    the response, as plain text
 * @param closedKey       the message key saying why the conversation takes no more messages, or null while open
 * @param mayTakeBack     whether the viewer may take the answer back: its responder, until they have
 *                        ({@link TakenBackAnswers}; not one a moderator hid, which is shown to nobody)
 * @param messages        the newest messages shown, oldest first
 * @param total           how many messages the conversation has in all
 */
public record Conversation(long responseId, long proposalId, String proposalUri, String proposalTitle,
                           boolean proposalLocal, boolean proposalOnPage, boolean proposalHidden, boolean reopened,
                           boolean authorSide,
                           String otherName, String responderName, String sharedWith, boolean actingFor,
                           String responseText, Instant responseAt, ResponseEntity.State state, String closedKey,
                           boolean mayTakeBack, List<Message> messages, long total) {

    public boolean open() {
        return closedKey == null;
    }

    /**
     * One message.
     *
     * @param byViewer  whether the viewer wrote it
     * @param ownSide   whether it came from the viewer's side (by them, or by someone acting on that side with them)
     * @param from      who it is from, as the viewer is shown it
     * @param text      the message as plain text (a leading mention, which servers add to direct messages, left out);
     *                  empty when a moderator removed it
     * @param at        when it was written (for a message from another server, its sender's time, kept between
     *                  the conversation's start and its arrival); messages are in this order, then by arrival
     * @param removed   whether a moderator removed it from a report (its words are then shown to nobody)
     * @param unread    whether it is news to the viewer: the other side's, and arrived since the viewer last read
     *                  the conversation (by arrival, so one written earlier that came late is news too)
     */
    public record Message(long id, boolean byViewer, boolean ownSide, String from, String text, Instant at,
                          boolean removed, boolean unread) {
    }
}
