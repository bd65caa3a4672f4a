/**
 * Classification of free-text posts (for example Mastodon posts that use {@code #MutualAidOffer}) into a purpose,
 * taxonomy concepts, a kind of help and a language, in English, Arabic, French, Spanish, Ukrainian and Persian.
 *
 * <p>It is deliberately a small rule-based classifier: words and phrases come from the taxonomy's labels and
 * synonyms, and the cues for purpose and kind from {@code taxonomy/classifier-cues.json}, so a translator can improve
 * it without touching code, and a moderator can see why a post landed where it did. No ML library, no network.
 *
 * <p>Purpose hashtags recognised besides {@code #MutualAidOffer} / {@code #MutualAidRequest} (case-insensitive;
 * underscores ignored): offers {@code #offer #offering #giveaway #freecycle #offre #jedonne #adonner #oferta
 * #ofrezco #regalo #пропоную #віддам #віддаю #عرض #عرض_مساعدة #متوفر #پیشنهاد #اهدا #رایگان}; requests
 * {@code #request #needed #iso #demande #besoin #jecherche #solicitud #necesito #busco #запит #потрібно #шукаю #طلب
 * #طلب_مساعدة #مطلوب #درخواست #نیاز #نیازمند}. The cue file is the source of truth for that list.
 */
package org.weft.server.domain.classify;
