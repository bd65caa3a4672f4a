/** The Weft server: entry point and the wiring of configuration, database, federation and pages. */
package org.weft.server;
