/** The operator's command line: start the server, create communities, members and tokens, inspect queues. */
package org.weft.server.admin;
