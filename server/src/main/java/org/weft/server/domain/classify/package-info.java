/**
 * Classification of free-text posts (for example Mastodon posts that use {@code #MutualAidOffer}) into a purpose,
 * taxonomy concepts, a kind of help and a language, in English, Arabic, French, Spanish, Ukrainian and Persian.
 *
 * <p>The words come from libraries made for them: Lingua tells the language ({@link
 * org.weft.server.domain.classify.LanguageDetector}), and Apache Lucene's analyzers read it ({@link
 * org.weft.server.domain.classify.PostAnalyzer}: Arabic and Persian normalisers and stemmers, French and Spanish stemmers,
 * the English minimal stemmer, Ukrainian through the morfologik dictionary). The vocabulary stays readable data: the
 * concepts' labels and synonyms in {@code taxonomy/v1.json} and the cues for purpose, kind and negation in {@code
 * taxonomy/classifier-cues.json}, each analysed by the same analyzer as a post of its language, so a translator can
 * improve it without touching code and a moderator can see why a post landed where it did. No network.
 *
 * <p>A post is also read as a structure ({@link org.weft.server.domain.classify.PostStructure}: sentences by ICU's
 * rules, lines, list items, clauses at "and/but/also" and their equivalents, hashtags): a concept named only in a
 * sentence that no offer or request phrase governs, the poster's story, is not kept beside a need that a purpose
 * phrase names ({@link org.weft.server.domain.classify.Governance}).
 *
 * <p>A post is read a second time by example: the 3,600 labelled posts of the ten spent free-text sets ({@code
 * classify/examples/}) sit in an in-memory Lucene index ({@link org.weft.server.domain.classify.ExampleIndex}), and the
 * five nearest to a post vote; a post the word list is sure of goes on a board without a moderator only when they
 * name its concept too ({@link org.weft.server.domain.classify.ExampleCheck}), and a need the post's words named and
 * the word list left out is added when they name it ({@link org.weft.server.domain.classify.ExampleAdditions}).
 *
 * <p>Each {@link org.weft.server.domain.classify.Classification} carries a confidence; {@link
 * org.weft.server.domain.classify.Classification#isSure()} decides whether a follower's post goes on the board at once or
 * waits for a moderator (see {@code RemoteProposals.fromPost}). How well all this works, and on which sets it is
 * measured, is in {@code docs/classifier-evaluation.md}.
 *
 * <p>Purpose hashtags recognised besides {@code #MutualAidOffer} / {@code #MutualAidRequest} (case-insensitive;
 * underscores ignored): offers {@code #offer #offering #giveaway #freecycle #offre #jedonne #adonner #oferta
 * #ofrezco #regalo #пропоную #віддам #віддаю #عرض #عرض_مساعدة #متوفر #پیشنهاد #اهدا #رایگان}; requests
 * {@code #request #needed #iso #demande #besoin #jecherche #solicitud #necesito #busco #запит #потрібно #шукаю #طلب
 * #طلب_مساعدة #مطلوب #درخواست #نیاز #نیازمند}. The cue file is the source of truth for that list.
 */
package org.weft.server.domain.classify;
