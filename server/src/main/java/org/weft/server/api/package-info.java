/**
 * The member API ({@code /api/v1}): JSON over HTTP with bearer tokens, for scripts, apps and tests.
 * Handlers here only translate between HTTP and the domain services in {@code domain}; every rule about
 * what a proposal may be lives there. What a viewer may see of a proposal is decided in one place,
 * {@link org.weft.server.api.ProposalJson}, so no endpoint can leak an anonymous author by accident.
 */
package org.weft.server.api;
