/**
 * The domain services, one package per area (proposals, responses, follows, accounts, matching, …), and what every
 * area shares: the errors (a sealed {@link org.weft.server.domain.DomainException} carrying a code, a message key
 * and the field at fault), usernames, password hashes, and typed text turned into safe HTML.
 * Services work on persistence entities inside their own transactions and queue what goes out; they know nothing of
 * HTTP, pages or the API.
 */
package org.weft.server.domain;
