/** The web module: precompiled jte templates, stylesheet and view models for Weft's pages. */
package org.weft.web;
