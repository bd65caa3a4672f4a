/**
 * The bottom of the house: enums and small value types that every layer shares (kinds of actor, purpose, kind of
 * help, audience, a proposal's status, what a notification is about, the URLs this instance hands out), and the rules
 * of text that both the adapters and the migrations apply (server names, the control characters typed text loses).
 * Depends on nothing else in the server.
 */
package org.weft.server.model;
