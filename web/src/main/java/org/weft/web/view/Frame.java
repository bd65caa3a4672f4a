package org.weft.web.view;

/**
 * What every page's frame shows: the document language and direction, the page title, and the navigation for
 * the visitor (logged in or not, operator or not, how many notifications they have not read). {@code csrf} goes into
 * every form the frame itself holds.
 */
public record Frame(String lang, String dir, String title, boolean loggedIn, String memberName, boolean admin,
                    String csrf, long unread) {

    /** A frame that shows no unread count (a visitor, or a page outside the member's session). */
    public Frame(String lang, String dir, String title, boolean loggedIn, String memberName, boolean admin, String csrf) {
        this(lang, dir, title, loggedIn, memberName, admin, csrf, 0);
    }
}
