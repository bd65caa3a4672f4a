package org.weft.web.view;

/**
 * The operator's overview: how much the instance holds, how its delivery queue is doing, and how people sign up.
 * The nested records are the rows of the operator's sections.
 */
public record AdminView(String communities, String members, String pending, String gaveUp, String signupMode) {

    /** An invite code, whether it is still usable, and the address of the page that shows its link and QR code. */
    public record InviteRow(String code, String note, String until, boolean used, String showUrl) {
    }

    /** An invite's link as a person receives it, and the same link as a QR code (an SVG element). */
    public record InviteLink(String code, String note, String link, String qrSvg, String until, boolean used) {
    }

    /** A member as the operator lists them. */
    public record MemberRow(String username, String displayName, String joined, boolean admin) {
    }

    /** The delivery queue in numbers; {@code backlog} lines are "host: count". */
    public record QueueView(String pending, String due, String delivered, String gaveUp, java.util.List<String> backlog) {
    }
}
