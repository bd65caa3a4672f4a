package org.weft.server.domain.classify;

import java.util.Optional;

/**
 * Which language's words may be read in a post. Words are only trusted in their own language: French "pain" is
 * bread, English "pan" is kitchenware, Spanish "pan" is bread again. English is also accepted in posts written in a
 * non-Latin script, where Latin words are usually loanwords ("wifi", "SIM").
 */
final class LanguageGate {

    private LanguageGate() {
    }

    static boolean allows(String entryLanguage, Optional<String> postLanguage) {
        if (postLanguage.isEmpty() || entryLanguage.equals(postLanguage.get())) {
            return true;
        }
        boolean postInLatin = Script.ofLanguage(postLanguage.get()) == Script.LATIN;
        return !postInLatin && entryLanguage.equals("en");
    }
}
