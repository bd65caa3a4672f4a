/**
 * The attack suite: each test states one attack on a running instance, the answer Weft must give, and
 * checks that nothing was stored (SECURITY.md lists every case, including those covered by tests elsewhere).
 *
 * <p>Shared helpers for new cases: {@link org.weft.server.attack.AttackRequest} builds a request signed with a
 * peer's real key (draft-cavage, or RFC 9421 as Mastodon 4.5 signs), every part under the test's control, and
 * sends its exact bytes (any {@code Host});
 * {@link org.weft.server.attack.RawHttp} sends bytes and reads the answer; {@link org.weft.server.attack.Refused}
 * runs an attack and asserts the status, the reason and that no table gained or lost a row.
 */
package org.weft.server.attack;
