/**
 * G9: classifying one free-text post (language, analysis, concepts, purpose, kind), measured with JMH beside the
 * Lucene analyzers alone on the same posts.
 */
package org.weft.bench.classify;
