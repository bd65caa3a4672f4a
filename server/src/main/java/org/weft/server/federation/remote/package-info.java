/** Remote actors: fetching, caching and refreshing them and their keys; which signature scheme their servers take. */
package org.weft.server.federation.remote;
