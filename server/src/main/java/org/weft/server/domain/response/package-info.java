/**
 * Answers to proposals: replies and direct messages kept as responses, their acceptance or refusal, agreements
 * between Weft instances (FEP-0837), the conversation that follows each response (kept here, or carried by direct
 * Notes to the side on another server and threaded back), and direct messages kept for members.
 */
package org.weft.server.domain.response;
