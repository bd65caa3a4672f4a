package org.weft.activitypub.webfinger;

/**
 * The {@code /.well-known/host-meta} document (RFC 6415), which Pleroma asks for before WebFinger and Mastodon
 * falls back to on a 404.
 */
public final class HostMeta {

    /** The media type to serve it with. */
    public static final String MEDIA_TYPE = "application/xrd+xml";

    private HostMeta() {
    }

    /**
     * The XRD document with the {@code lrdd} template.
     *
     * @param origin the instance origin, e.g. {@code https://camp.weft.test}
     * @return the XML text, UTF-8
     */
    public static String xml(String origin) {
        String template = Origins.strip(origin) + "/.well-known/webfinger?resource={uri}";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
                  <Link rel="lrdd" template="%s"/>
                </XRD>
                """.formatted(escape(template));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
