/**
 * Browser tests: real headless Chromium driven by Selenium, with axe-core checking accessibility. Every test class in
 * this package is counted as a browser test by {@code .ci/run}, which reads the Surefire reports, prints how many ran,
 * and fails when one was skipped while {@code CI} is set; the tests themselves fail instead of skipping then. They run
 * in the embedded-database pass only (server/pom.xml's {@code tests-on-mariadb} profile says why).
 */
package org.weft.server.ui.browser;
