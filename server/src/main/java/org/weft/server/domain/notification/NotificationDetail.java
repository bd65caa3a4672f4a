package org.weft.server.domain.notification;

import java.time.Instant;

import org.weft.server.model.NotificationKind;

/**
 * A notification with what a page needs to show it and to link to what it is about, read in one transaction.
 *
 * @param kind           what it is about, or null for a kind this version does not know
 * @param proposalTitle  the proposal's title, or null when there is none or it was deleted (a {@code called-off} one
 *                       keeps it: the member's conversation shows it to them too)
 * @param proposalOnPage whether the proposal is this instance's and still has a page the member may open (not
 *                       withdrawn or deleted, nor hidden by a moderator from someone other than its author)
 * @param community      the name of the proposal's community, or null when it is in none
 * @param text           the words of the message it announces (a direct message or a conversation message), plain
 *                       text, or null; only ever the member's own
 * @param from           who that message is from, as the member is shown it, or null
 * @param count          how many things it stands for: new matches gathered in one digest, 1 for every other kind
 * @param authorLeft     whether the proposal's author has deleted their account since (here, or their server said so):
 *                       a {@code called-off} one then says that is why it is off
 * @param deletedOpen    whether the proposal was deleted without being withdrawn first: a {@code called-off} one then
 *                       says "deleted", as the conversation does
 */
public record NotificationDetail(long id, NotificationKind kind, Instant created, boolean read, Long proposalId,
                                 String proposalTitle, String proposalUri, boolean proposalOnPage, String community,
                                 Long responseId, Long matchId, String text, String from, int count,
                                 boolean authorLeft, boolean deletedOpen) {
}
