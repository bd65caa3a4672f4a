/** A library for {@code HouseRulesTest}: {@code Codec} stands alone, {@code LeakyCodec} uses the house. */
package org.weft.server.architecture.library;
