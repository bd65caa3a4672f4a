/**
 * Who is looking at a page, and how they sign in: login sessions kept in the database, session and CSRF cookies,
 * the member's language, and the limits on guessing passwords (per account, per address, with the browsers a
 * member signed in from remembered). Web concerns; the accounts themselves are in {@code domain.account}.
 */
package org.weft.server.ui.auth;
