package org.weft.server.config;

/** The version of this build, as it is told to others: NodeInfo, the user agent of outgoing requests, the CLI. */
public final class WeftVersion {
    public static final String VERSION = "0.1.0";

    private WeftVersion() {
    }

    /** The User-Agent of this instance's requests: the version and, for whoever reads their logs, its address. */
    public static String userAgent(String baseUrl) {
        return "Weft/" + VERSION + " (+" + baseUrl + "/)";
    }
}
