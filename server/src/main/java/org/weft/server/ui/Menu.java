package org.weft.server.ui;

/** Which entry of the menu a page belongs to, from its path, so the menu can mark it as the current page. */
final class Menu {
    private Menu() {
    }

    static String sectionOf(String target) {
        if (target == null) {
            return null;
        }
        String path = target.split("[?#]", 2)[0];
        if (path.startsWith("/board")) {
            return "board";
        }
        if (path.equals("/new")) {
            return target.contains("purpose=request") ? "request" : "offer";
        }
        if (path.startsWith("/me/proposals")) {
            return "mine";
        }
        if (path.startsWith("/me/responses") || path.startsWith("/conversations/")) {
            return "responses";
        }
        if (path.startsWith("/me/matches")) {
            return "matches";
        }
        if (path.startsWith("/me/notifications")) {
            return "notifications";
        }
        if (path.startsWith("/account")) {
            return "account";
        }
        if (path.startsWith("/admin")) {
            return "admin";
        }
        return null;
    }
}
