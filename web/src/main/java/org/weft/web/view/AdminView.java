package org.weft.web.view;

import java.util.List;

/** The operator's page: what the instance holds and how its delivery queue is doing. */
public record AdminView(List<ActorCard> communities, List<Option> areas, List<InviteRow> invites, List<MemberRow> members,
                        String pending, String due, String delivered, String gaveUp, List<String> backlog, String signupMode) {

    /** An invite code and whether it is still usable. */
    public record InviteRow(String code, String note, String until, boolean used) {
    }

    /** A member as the operator lists them. */
    public record MemberRow(String username, String displayName, String joined, boolean admin) {
    }
}
