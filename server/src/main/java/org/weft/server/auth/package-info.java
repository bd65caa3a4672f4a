/**
 * Accounts for the web pages: login sessions kept in the database, sign-up (open or by invite), CSRF tokens,
 * the login rate limit, and who is looking at a page (member, language).
 */
package org.weft.server.auth;
