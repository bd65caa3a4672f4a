/**
 * The bottom of the house: enums and small value types that every layer shares (kinds of actor, purpose, kind of
 * help, audience, a proposal's status, what a notification is about, the URLs this instance hands out). Depends on
 * nothing else in the server.
 */
package org.weft.server.model;
