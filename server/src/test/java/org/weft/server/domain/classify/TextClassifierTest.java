package org.weft.server.domain.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.weft.server.domain.taxonomy.Concept;
import org.weft.server.domain.taxonomy.Taxonomy;
import org.weft.server.model.HelpKind;
import org.weft.server.model.Purpose;

class TextClassifierTest {

    private static final TextClassifier CLASSIFIER = new TextClassifier(Taxonomy.load());

    private static Classification classify(String text) {
        return CLASSIFIER.classify(text, List.of());
    }

    private static String top(String text) {
        return classify(text).primary().id();
    }

    @Test
    void aConceptNamedOnlyInThePostersStoryIsNotKeptBesideTheNeedAPurposePhraseNames() {
        TextClassifier.Explanation e =
                CLASSIFIER.explain("Does anyone have nappies size 4? We are staying in the shelter.", List.of());
        assertEquals(List.of("diapers"), e.result().concepts().stream().map(Concept::id).toList());
        assertEquals(2, e.units().size());
        assertTrue(e.units().get(0).governed());
        assertEquals(List.of("diapers"), e.units().get(0).concepts());
        assertFalse(e.units().get(1).governed(), "the story is not governed by the request");
        assertEquals(List.of("shelter"), e.units().get(1).concepts(), "the explanation still tells what the story named");
    }

    @Test
    void hashtagsDecidePurposeAndCategory() {
        Classification c = CLASSIFIER.classify("something for whoever", List.of("#MutualAidOffer", "Prams"));
        assertEquals(Optional.of(Purpose.OFFER), c.purpose());
        assertEquals("prams", c.primary().id());
        assertTrue(c.confidence() >= 0.9, "confidence " + c.confidence());
        assertEquals(Optional.of(Purpose.REQUEST), classify("#MutualAidRequest anything").purpose());
        assertEquals(Optional.of(Purpose.REQUEST), classify("#طلب_مساعدة بطانيات").purpose());
        assertEquals(Optional.of(Purpose.OFFER), classify("#Віддам куртку").purpose());
    }

    @Test
    void nothingRecognisableIsOtherAndNeverEmpty() {
        Classification empty = CLASSIFIER.classify(null, null);
        assertEquals(List.of("other"), ids(empty.concepts()));
        assertEquals(Optional.empty(), empty.purpose());
        assertEquals(Optional.empty(), empty.language());
        assertEquals(0.0, empty.confidence());
        assertEquals("other", top("Lovely sunset over the camp today"));
        assertEquals("other", top("Meeting moved to 6pm in the big tent"));
    }

    @Test
    void atMostThreeConceptsBestFirst() {
        Classification c = classify("I can give blankets, a tent, a heater, some soap and a pair of shoes");
        assertEquals(3, c.concepts().size(), c.concepts().toString());
        assertEquals(c.concepts().stream().distinct().count(), c.concepts().size());
    }

    /** A third concept needs evidence as strong as the best one's; a sibling with one word is enough for a second. */
    @Test
    void aThirdConceptNeedsAsMuchEvidenceAsTheBest() {
        Classification c = classify("I can give blankets, a tent, a heater, a mattress and a sleeping bag");
        assertEquals(List.of("bedding", "tents"), ids(c.concepts()));
    }

    @Test
    void detectsLanguageByScriptLettersAndStopwords() {
        assertEquals(Optional.of("fa"), classify("پتو لازم داریم").language());
        assertEquals(Optional.of("ar"), classify("نحتاج بطانيات للأطفال").language());
        assertEquals(Optional.of("uk"), classify("Потрібні ковдри").language());
        assertEquals(Optional.of("en"), classify("We need blankets for the kids").language());
        assertEquals(Optional.of("fr"), classify("On a besoin de couvertures pour les enfants").language());
        assertEquals(Optional.of("es"), classify("Necesitamos mantas para los niños").language());
    }

    @Test
    void arabicNormalisationStripsMarksCliticsAndEndings() {
        assertEquals("bread", top("عندي خُبْزٌ طازج"));
        assertEquals("medicine", top("نحتاج ادويه"));
        assertEquals("bedding", top("محتاجين بالبطانيات"));
        assertEquals("tents", top("في مكان بالخيمة؟ بدنا خيمة"));
        assertEquals("place-to-stay", top("نحتاج مكانًا للنوم"));
        assertEquals("job-search", top("شي حد يشوف السي ڤي ديالي؟"), "ڤ for v, as Maghrebi and Levantine posts write it");
    }

    @Test
    void persianIsReadWithOrWithoutZwnjAndFromAnArabicKeyboard() {
        for (String text : List.of("می‌توانم کالسکه امانت بدهم", "می توانم کالسکه امانت بدهم", "میتوانم كالسكه امانت بدهم")) {
            Classification c = classify(text);
            assertEquals(Optional.of(Purpose.OFFER), c.purpose(), text);
            assertEquals("prams", c.primary().id(), text);
            assertEquals(Optional.of(HelpKind.LOAN), c.kind(), text);
        }
        assertEquals("diapers", top("پوشک‌ها رو لازم داریم"));
    }

    @Test
    void ukrainianInflectionsMeetTheirDictionaryForm() {
        assertEquals("bedding", top("Можу поділитися ковдрами"));
        assertEquals("bedding", top("Шукаю ковдру"));
        assertEquals("medicine", top("Немає ліків для мами"));
    }

    /** A quiet server drops the Ukrainian dictionary (it is held softly); the next Ukrainian text reads it again. */
    @Test
    void ukrainianIsReadTheSameAfterTheDictionaryWasDropped() {
        Classification before = classify("Можу поділитися ковдрами");
        PostAnalyzer.forgetUkrainianDictionary();
        Classification after = classify("Можу поділитися ковдрами");
        assertEquals("bedding", after.primary().id(), "only the dictionary knows ковдрами is ковдра");
        assertEquals(ids(before.concepts()), ids(after.concepts()));
        assertEquals(before.confidence(), after.confidence());
        PostAnalyzer.forgetUkrainianDictionary();
        assertTrue(ids(CLASSIFIER.conceptsNamedIn("ковдрами")).contains("bedding"), "a board search for ковдрами");
    }

    @Test
    void wordsAreReadInTheirOwnLanguageOnly() {
        assertEquals("kitchenware", top("Anyone have a pan? Ours has a hole"));
        assertEquals("bread", top("Necesito pan para mis hijos"));
        assertEquals("bread", top("Je cherche du pain pour ce soir"));
        assertFalse(classify("I'm in a lot of pain since the fall, need a doctor").concepts().stream()
                .anyMatch(c -> c.id().equals("bread")));
        assertEquals("moving-help", top("besoin d'aide pour le demenagement"));
    }

    @Test
    void negatedThingsGiveWayToWhatIsNeeded() {
        assertEquals("bedding", top("We don't need food, we need blankets"));
        assertEquals("bedding", top("ما بدنا أكل، بدنا بطانيات"));
        assertEquals("bedding", top("غذا نمی‌خواهیم، پتو لازم داریم"));
    }

    @Test
    void specificOfferPhrasesBeatTheRequestWordsInsideThem() {
        Classification c = classify("If anyone needs bread, I have some left");
        assertEquals(Optional.of(Purpose.OFFER), c.purpose());
        assertEquals(Optional.of(Purpose.REQUEST), classify("Does anyone have a spare charger?").purpose());
        assertEquals(Optional.of(Purpose.REQUEST), classify("أبحث عن مترجم").purpose());
        assertEquals(Optional.of(Purpose.REQUEST), classify("دنبال مترجم هستم").purpose());
        assertEquals(Optional.of(Purpose.OFFER), classify("Ofrezco clases de español").purpose());
        assertEquals(Optional.of(Purpose.REQUEST), classify("Шукаю перекладача").purpose());
    }

    @Test
    void aQuestionAboutTheReadersNeedIsAnOfferAndOneAboutWhatTheReaderHasIsARequest() {
        assertEquals(Optional.of(Purpose.OFFER), classify("anyone need a pram or baby clothes? ours are too small now").purpose());
        assertEquals(Optional.of(Purpose.OFFER), classify("¿Alguien necesita una cuna? La nuestra ya no se usa").purpose());
        assertEquals(Optional.of(Purpose.OFFER), classify("Хтось потребує дитячий візок? Віддамо").purpose());
        assertEquals(Optional.of(Purpose.OFFER), classify("حدا محتاج عربية أطفال؟ ما عدنا نستعملها").purpose());
        assertEquals(Optional.of(Purpose.OFFER), classify("کسی کالسکه بچه لازم داره؟ ما دیگه لازم نداریم").purpose());
        assertEquals(Optional.of(Purpose.REQUEST), classify("Anyone have a pram we could borrow?").purpose());
        assertEquals(Optional.of(Purpose.REQUEST), classify("مدرسه‌ها باز شده، اگه کسی اضافه داره کیف مدرسه لطفا").purpose());
    }

    /**
     * A request asked through the reader ("anyone could…?", "if anyone is getting rid of…") is a request, and an offer
     * asked the same way ("anyone interested in…?") stays an offer (session 35: the ninth set's writers read as
     * offers). The sentences are written for this test, not taken from any set.
     */
    @Test
    void aRequestAskedThroughTheReaderIsARequestAndAnOfferAskedSoStaysAnOffer() {
        List<String> requests = List.of("Anyone could have a look at my boiler? It keeps cutting out",
                "If anyone's getting rid of a fridge, ours just died",
                "Si quelqu'un peut garder mon fils mardi soir, je rentre tard",
                "Si alguien me puede cuidar a los niños el sábado se lo agradezco",
                "Якщо хтось може посидіти з дитиною в суботу вранці",
                "لو حد عنده تلاجة زيادة احنا اتنقلنا وما عندنا",
                "اگه کسی میتونه فردا صبح بچه‌مو نگه داره");
        for (String text : requests) {
            assertEquals(Optional.of(Purpose.REQUEST), classify(text).purpose(), text);
        }
        List<String> offers = List.of("Anyone interested in a cot? Collect from the corner shop",
                "¿A alguien le sirve una cuna? Está como nueva",
                "Quelqu'un serait intéressé par une poussette ? Elle ne sert plus",
                "Якщо комусь знадобиться дитячий візок, пишіть",
                "حدا مهتم بعربية أطفال؟ ما عدنا نستعملها",
                "به درد کسی میخوره؟ یه کالسکه داریم که دیگه لازم نداریم");
        for (String text : offers) {
            assertEquals(Optional.of(Purpose.OFFER), classify(text).purpose(), text);
        }
    }

    /**
     * A need said as an action or in dialect names its concept ({@code conceptSayings}, session 35): the cue file's
     * words for how people say a need, written from the languages, not from any set.
     */
    @Test
    void aNeedSaidAsAnActionOrInDialectNamesItsConcept() {
        assertNames("Could someone look after my daughter on Saturday afternoon?", "childcare");
        assertNames("Je cherche quelqu'un pour garder les petits mercredi", "childcare");
        assertNames("بدي حدا يقعد مع ابني ساعتين بكرا", "childcare");
        assertNames("اكو احد يباوع على جهالي باجر الصبح؟", "childcare");
        assertNames("Шукаю, хто може полагодити кран на кухні", "repair");
        assertNames("Necesito ayuda con los trámites del seguro", "form-filling");
        assertNames("کسی هست که فردا منو ببره بیمارستان؟", "lifts");
        assertNames("Je dois payer le loyer lundi et il me manque 80 euros", "money-gifts");
    }

    /** The post names the concept or one narrower (babysitting is childcare). */
    private static void assertNames(String text, String conceptId) {
        Classification c = classify(text);
        assertTrue(c.concepts().stream().anyMatch(concept -> concept.id().equals(conceptId)
                || conceptId.equals(concept.broader())), text + " read as " + c.concepts().stream().map(Concept::id).toList());
    }

    @Test
    void aQuestionAimedAtNobodyWaitsForAModeratorAndOneToTheReaderMayGoOnTheBoard() {
        Classification news = classify("The laundrette on the corner shut for good. Where will we all wash our clothes now?");
        assertFalse(news.isSure(), "a question to nobody with the words of a need: " + news);
        Classification asked = classify("Our washing machine broke. Anyone nearby who'd let us do a load of laundry at theirs?");
        assertEquals(Optional.of(Purpose.REQUEST), asked.purpose());
        assertEquals("laundry", asked.primary().id());
    }

    @Test
    void newsComplaintsAndQuestionsForNewsAreNeitherOfferNorRequest() {
        assertEquals(Optional.empty(), classify("PSA: the free dental clinic moved to the library building. Spread the word").purpose());
        Classification question = classify("Pregunta: ¿el autobús es gratis para los mayores ahora?");
        assertFalse(question.isSure(), "'pregunta' against 'gratis': too doubtful for the board: " + question);
        assertEquals(Optional.empty(), classify("До відома: безкоштовна пральня переїхала на іншу вулицю").purpose());
        assertEquals(Optional.empty(), classify("Does anybody know what time the pharmacy opens on Sundays?").purpose());
        Classification shoutout = classify("Shoutout to the corner bakery who give away their leftover bread every night");
        assertFalse(shoutout.isSure(), "as many words of thanks as of giving: for a moderator: " + shoutout);
    }

    @Test
    void thanksClosingARequestDoNotMakeItAThankYou() {
        Classification c = classify("We just moved in with nothing. Need blankets and towels for 3 people. Anything helps, thank you");
        assertEquals(Optional.of(Purpose.REQUEST), c.purpose());
        Classification thanks = classify("Thank you to whoever left two packs of nappies on our porch yesterday. You have no idea.");
        assertFalse(thanks.isSure(), "a thank-you naming what was given stays off the board: " + thanks);
    }

    @Test
    void kindFollowsLoanWordsGiveawaysAndServices() {
        assertEquals(Optional.of(HelpKind.LOAN), classify("I can lend my drill for the weekend").kind());
        assertEquals(Optional.of(HelpKind.GIFT), classify("Giving away a table, free").kind());
        assertEquals(Optional.of(HelpKind.TIME), classify("I can babysit on Monday").kind());
        assertEquals(Optional.of(HelpKind.GIFT), classify("Je donne ma poussette").kind());
        assertEquals(Optional.of(HelpKind.LOAN), classify("Je prête ma poussette").kind());
        assertEquals(Optional.empty(), classify("hello").kind());
    }

    @Test
    void aPassingWordOfAnotherFamilyAddsNoConcept() {
        assertEquals(List.of("internet-access"), ids(classify(
                "anyone got a sim card with data? I have a job interview over video tomorrow").concepts()));
        assertEquals(List.of("moving-help"), ids(classify("I have a van and can help you move house on Saturday").concepts()));
        assertEquals(Set.of("tents", "bedding"),
                Set.copyOf(ids(classify("We have 5 tents and some sleeping bags to give away").concepts())));
    }

    @Test
    void evidenceAddsUpByFamilyAndNarrowerWins() {
        assertEquals("shoes", top("Looking for kids' shoes size 30"));
        assertEquals("bread", CLASSIFIER.classify("fresh bread here", List.of("food")).primary().id());
        Classification soup = classify("Cooking a big pot of soup tonight, ten portions to share");
        assertEquals("cooked-meals", soup.primary().id());
    }

    @Test
    void analysisFoldsTheWaysPeopleTypeAWord() {
        List<String> canWord = TextAnalysis.words("fa", "میتوانم");
        assertEquals(canWord, TextAnalysis.words("fa", "می‌توانم"), "ZWNJ");
        assertEquals(canWord, TextAnalysis.words("fa", "می توانم"), "verb prefix typed apart");
        assertEquals(TextAnalysis.words("ar", "أدوية"), TextAnalysis.words("ar", "ادويه"));
        assertEquals(TextAnalysis.words("fa", "کتاب"), TextAnalysis.words("fa", "كتاب"), "Arabic keyboard");
        assertEquals(List.of("demenagement"), TextAnalysis.words("fr", "Déménagement"));
        assertEquals(List.of("eau"), TextAnalysis.words("fr", "l'eau"));
        assertEquals(TextAnalysis.words("uk", "здоров'я"), TextAnalysis.words("uk", "Здоров’я"));
        assertEquals(List.of("we", "don't", "need"), TextAnalysis.words("en", "We don’t need"));
        assertEquals(List.of("sim", "card"), TextAnalysis.words("fa", "🙏 SIM card!"), "emoji dropped");
    }

    @Test
    void stemsAndDictionaryFormsMeetAcrossWordForms() {
        assertTrue(sharesTerm("uk", "ковдрами", "ковдра"));
        assertTrue(sharesTerm("uk", "ліків", "ліки"));
        assertTrue(sharesTerm("ar", "بالخيمة", "خيمة"));
        assertTrue(sharesTerm("fa", "پوشک‌ها", "پوشک"));
        assertTrue(sharesTerm("fr", "garder", "garde"));
        assertTrue(sharesTerm("es", "niños", "niño"));
        assertTrue(sharesTerm("en", "blankets", "blanket"));
        assertTrue(sharesTerm("fa", "SIM", "sim"), "Latin loanwords in a Persian post are read as English");
        assertFalse(sharesTerm("uk", "ковдра", "куртка"));
    }

    @Test
    void hashtagsCompareWithoutCaseUnderscoresOrLetterVariants() {
        assertEquals(ClassifierCues.hashtagKey("#طلب_مساعدة"), ClassifierCues.hashtagKey("طلبمساعده"));
        assertEquals("mutualaidoffer", ClassifierCues.hashtagKey("#MutualAidOffer"));
        assertEquals(ClassifierCues.hashtagKey("#پیشنهاد"), ClassifierCues.hashtagKey("پيشنهاد"));
    }

    private static boolean sharesTerm(String lang, String a, String b) {
        List<Token> x = TextAnalysis.tokens(lang, a);
        List<Token> y = TextAnalysis.tokens(lang, b);
        assertEquals(1, x.size(), a);
        assertEquals(1, y.size(), b);
        return x.get(0).sharesTermWith(y.get(0));
    }

    private static List<String> ids(List<Concept> concepts) {
        return concepts.stream().map(Concept::id).toList();
    }
}
