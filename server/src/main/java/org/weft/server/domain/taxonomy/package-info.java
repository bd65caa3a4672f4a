/**
 * The shared taxonomy of help: concepts such as food, childcare or prams, with broader/narrower links, an ASCII
 * hashtag each, and labels and synonyms in the six languages Weft ships with. Matching compares concept URIs, so it
 * works across instances and languages. The data lives in {@code taxonomy/v1.json} on the classpath; every instance
 * serves it as a SKOS concept scheme in JSON-LD.
 */
package org.weft.server.domain.taxonomy;
