/**
 * The domain services, one package per area (proposals, responses, follows, accounts, matching, …), and what every
 * area shares: the not-found and forbidden errors, usernames, password hashes, and typed text turned into safe HTML.
 * Services work on persistence entities inside their own transactions and queue what goes out; they know nothing of
 * HTTP, pages or the API.
 */
package org.weft.server.domain;
