/** Remote actors: fetching, caching and refreshing them and their keys. */
package org.weft.server.federation.remote;
