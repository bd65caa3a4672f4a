/**
 * Answers to proposals: replies and direct messages kept as responses, their acceptance or refusal, agreements
 * between Weft instances (FEP-0837), and direct messages kept for members.
 */
package org.weft.server.domain.response;
