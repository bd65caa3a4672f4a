/** Translations: one message bundle per language, UTF-8 properties files under {@code i18n/}. */
package org.weft.web.i18n;
