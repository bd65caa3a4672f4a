package org.weft.server.model;

/**
 * Who sees a proposal and under whose name. Only PUBLIC names the member outside the instance; the
 * other two are posted by the community on the member's behalf.
 */
public enum Audience {
    /** Public, attributed to the member. The default for offers. */
    PUBLIC,
    /** Only the community's followers, posted by the community. The default for requests. */
    COMMUNITY,
    /** Public, but posted by the community so the member stays anonymous outside the instance. */
    ANONYMOUS
}
