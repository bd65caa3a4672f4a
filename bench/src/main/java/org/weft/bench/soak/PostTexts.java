package org.weft.bench.soak;

import java.util.List;
import java.util.Locale;

/**
 * What the simulated people write: short offers and requests in the six languages Weft serves (the category's
 * label from the taxonomy in the middle), and replies. Load data, not interface text: nobody reads it but the
 * server's classifier.
 */
final class PostTexts {
    /** The languages of the posts, in the order they take turns. */
    static final List<String> LANGUAGES = List.of("en", "fr", "es", "uk", "ar", "fa");

    private static final List<String> OFFERS = List.of(
            "Offering %s for anyone in the camp who needs it. Pick-up near the community garden in the evening, block %d.",
            "Je donne %s à qui en a besoin dans le camp. À récupérer près du jardin le soir, bloc %d.",
            "Ofrezco %s a quien lo necesite en el campamento. Recogida junto al huerto por la tarde, bloque %d.",
            "Пропоную %s для всіх, кому потрібно в таборі. Забрати біля городу ввечері, блок %d.",
            "أعرض %s لمن يحتاجها في المخيم. الاستلام قرب الحديقة مساءً، المربع %d.",
            "%s را به هر کسی در اردوگاه که نیاز دارد می‌دهم. تحویل کنار باغ، عصرها، بلوک %d.");
    private static final List<String> REQUESTS = List.of(
            "We need %s for two families in block %d. Can anyone help this week?",
            "Nous cherchons %s pour deux familles du bloc %d. Quelqu'un peut aider cette semaine ?",
            "Necesitamos %s para dos familias del bloque %d. ¿Alguien puede ayudar esta semana?",
            "Потрібно %s для двох родин у блоці %d. Хтось може допомогти цього тижня?",
            "نحتاج %s لعائلتين في المربع %d. هل يمكن لأحد المساعدة هذا الأسبوع؟",
            "برای دو خانواده در بلوک %d به %s نیاز داریم. کسی می‌تواند این هفته کمک کند؟");
    private static final List<String> REPLIES = List.of(
            "I can help with this on Thursday evening, and bring the trolley.",
            "Is this still available? I could pick it up tomorrow after work.",
            "My neighbour has some too, I'll ask her and let you know tonight.",
            "Thank you! Could you keep it until Saturday? I'm away until then.");

    private PostTexts() {
    }

    /** One post: its language, a title (the first line) and the rest. */
    record Text(String language, String title, String description) {
        String body() {
            return title + " " + description;
        }
    }

    /** An offer or a request for {@code label} (already in {@code language}), made distinct by {@code serial}. */
    static Text proposal(boolean offer, String language, String label, long serial) {
        int index = Math.max(0, LANGUAGES.indexOf(language));
        int block = (int) (serial % 12) + 1;
        String sentence = offer ? String.format(Locale.ROOT, OFFERS.get(index), label, block)
                : "fa".equals(language) ? String.format(Locale.ROOT, REQUESTS.get(index), block, label)
                : String.format(Locale.ROOT, REQUESTS.get(index), label, block);
        return new Text(language, label + " (" + serial + ")", sentence);
    }

    static String reply(long serial) {
        return REPLIES.get((int) (serial % REPLIES.size())) + " (" + serial + ")";
    }
}
