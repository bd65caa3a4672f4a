/**
 * The HTTP load generator: pre-built HTTP/1.1 requests replayed over keep-alive sockets, one virtual
 * thread per connection, either open-loop at a fixed rate (latency counted from the intended send time,
 * so a stalled server cannot hide its stall) or closed-loop as fast as the server answers.
 */
package org.weft.bench.load;
