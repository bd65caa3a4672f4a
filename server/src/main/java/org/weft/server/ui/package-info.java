/** HTML pages: read the domain, build a view model, render a template from the web module. */
package org.weft.server.ui;
