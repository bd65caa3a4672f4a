/**
 * What every HTTP answer and request shares, below the pages and endpoints: the headers set on every response
 * (IMF-fixdate {@code Date}, {@code Referrer-Policy}, {@code nosniff}), JSON answers and errors, and whether a form
 * came from this site's own origin.
 */
package org.weft.server.http;
