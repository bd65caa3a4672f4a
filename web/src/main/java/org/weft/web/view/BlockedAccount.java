package org.weft.web.view;

/**
 * An account a member blocked for themselves, as their blocks page lists it.
 *
 * @param name    the account's display name (people's text: shown isolated)
 * @param account the account's address, which the unblock form sends back
 * @param since   when it was blocked, in the reader's language
 */
public record BlockedAccount(String name, String account, String since) {
}
