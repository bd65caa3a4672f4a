package org.weft.web.view;

/**
 * What every page's frame shows: the document language and direction, the page title, and the navigation for
 * the visitor (logged in or not, operator or not, which menu entry is the current page, how many notifications they
 * have not read). {@code tokens} gives the hidden values of each form on the page.
 *
 * @param section the menu entry of the current page ({@code board}, {@code mine}, …) or null
 */
public record Frame(String lang, String dir, String title, boolean loggedIn, String memberName, boolean admin,
                    FormTokens tokens, String section, long unread) {

    /** A frame that shows no unread count (a visitor, or a page outside the member's session). */
    public Frame(String lang, String dir, String title, boolean loggedIn, String memberName, boolean admin,
                 FormTokens tokens, String section) {
        this(lang, dir, title, loggedIn, memberName, admin, tokens, section, 0);
    }

    /** The visitor's CSRF token as this form carries it. */
    public String csrf() {
        return tokens.csrf();
    }

    /** A new one-time token for one form. */
    public String once() {
        return tokens.once();
    }

    /** Whether {@code name} is the menu entry of this page (marked {@code aria-current}). */
    public boolean current(String name) {
        return name.equals(section);
    }
}
