package org.weft.activitypub.jsonld;


import com.github.jsonldjava.core.DocumentLoader;
import com.github.jsonldjava.core.JsonLdError;
import com.github.jsonldjava.core.RemoteDocument;

/**
 * A jsonld-java loader that never touches the network: the bundled contexts answer under every spelling, and any
 * other URL reads as an empty context, so one unknown extension does not make a whole document unreadable.
 */
final class OfflineDocumentLoader extends DocumentLoader {

    static {
        // Belt and braces: even if this loader were bypassed, jsonld-java must not fetch.
        System.setProperty(DocumentLoader.DISALLOW_REMOTE_CONTEXT_LOADING, "true");
    }


    private OfflineDocumentLoader() {
    }

    /** Creates a loader with every bundled context registered. */
    static OfflineDocumentLoader create() {
        OfflineDocumentLoader loader = new OfflineDocumentLoader();
        BundledContexts.DOCUMENTS.forEach((url, json) -> {
            for (String spelling : ContextUrls.spellings(url)) {
                loader.addInjectedDoc(spelling, json);
            }
        });
        return loader;
    }

    @Override
    public RemoteDocument loadDocument(String url) throws JsonLdError {
        try {
            return super.loadDocument(url);
        } catch (JsonLdError unknownContext) {
            return new RemoteDocument(url, PlainJson.toMap(BundledContexts.emptyContext()));
        }
    }
}
