/** Weft's own concepts and the services that change them: members, groups, follows, tokens. */
package org.weft.server.domain;
