/** Open data files and Atom feeds, read back with Commons CSV, Jackson and ROME as their users' tools would. */
package org.weft.server.opendata;
