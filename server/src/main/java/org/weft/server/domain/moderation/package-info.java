/** Posts waiting for a community's moderator: the queue, letting one onto the board, turning one away. */
package org.weft.server.domain.moderation;
