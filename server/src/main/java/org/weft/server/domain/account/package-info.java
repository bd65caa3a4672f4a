/**
 * Member accounts: signing up (open or by invite), passwords, language, deleting an account, operators, and the
 * member API's bearer tokens.
 */
package org.weft.server.domain.account;
