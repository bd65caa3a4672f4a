/** Browser tests: real headless Chromium driven by Selenium, with axe-core checking accessibility. */
package org.weft.server.ui.browser;
