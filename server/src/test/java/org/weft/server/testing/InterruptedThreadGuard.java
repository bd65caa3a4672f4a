package org.weft.server.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class runs on the one test thread of the JVM. A test that leaves that thread interrupted (a helper that
 * restores an interrupt it caught, a pool that interrupts its caller) hands the interrupt to whichever test runs next,
 * where a sleep throws at once and a wait gives up: a failure far from its cause, and only in some orders. After each
 * test the flag is cleared, and the test that left it is named on the console (its class's -output.txt).
 * Registered for every test through JUnit's extension auto-detection (junit-platform.properties).
 */
public final class InterruptedThreadGuard implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        if (Thread.interrupted()) {
            System.err.println("WARNING " + context.getRequiredTestClass().getName() + "." + context.getDisplayName()
                    + " left the test thread interrupted; the flag is cleared for the next test");
        }
    }
}
