/** A member's notifications: listing, counting and marking them read. */
package org.weft.server.domain.notification;
