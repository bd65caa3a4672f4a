package org.weft.server.model;

/** Who may vote in a poll: the community's members only, or its members and the followers a moderator approved. */
public enum PollVoters {
    MEMBERS, FOLLOWERS
}
