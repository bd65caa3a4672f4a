package org.weft.activitypub.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard strict = new AddressGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {
        "https://127.0.0.1/", "https://127.1.2.3/", "https://10.0.0.1/", "https://172.16.0.1/", "https://172.31.255.255/",
        "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/", "https://100.127.255.254/",
        "https://0.0.0.0/", "https://224.0.0.1/", "https://255.255.255.255/", "https://240.0.0.1/",
        "https://[::1]/", "https://[::]/", "https://[fe80::1]/", "https://[fc00::1]/", "https://[fd12:3456::1]/",
        "https://[ff02::1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/",
        "https://[64:ff9b::a9fe:a9fe]/", "https://localhost/", "https://localhost:8443/inbox"
    })
    void refusesInternalAddresses(String url) {
        assertThrows(ForbiddenAddressException.class, () -> strict.check(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/", "ftp://93.184.216.34/", "file:///etc/passwd", "gopher://93.184.216.34/",
        "https:relative", "/just/a/path"})
    void refusesOtherSchemesAndPlainHttp(String url) {
        assertThrows(ForbiddenAddressException.class, () -> strict.check(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/users/a", "https://172.32.0.1/", "https://100.128.0.1/",
        "https://[2606:4700::1111]/", "https://[64:ff9b::5db8:d822]/"})
    void allowsPublicAddresses(String url) {
        assertDoesNotThrow(() -> strict.check(URI.create(url)));
    }

    @Test
    void everyResolvedAddressMustBePublic() throws UnknownHostException {
        InetAddress[] mixed = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1")};
        AddressGuard guard = new AddressGuard(false, host -> mixed);
        assertThrows(ForbiddenAddressException.class, () -> guard.check(URI.create("https://sneaky.example/actor")));

        AddressGuard publicOnly = new AddressGuard(false, host -> new InetAddress[] {mixed[0]});
        assertDoesNotThrow(() -> publicOnly.check(URI.create("https://fine.example/actor")));
    }

    @Test
    void allowPrivatePermitsLoopbackAndHttpButNotOtherSchemes() {
        AddressGuard development = new AddressGuard(true);
        assertDoesNotThrow(() -> development.check(URI.create("http://127.0.0.1:8080/inbox")));
        assertDoesNotThrow(() -> development.check(URI.create("https://[::1]/")));
        assertThrows(ForbiddenAddressException.class, () -> development.check(URI.create("ftp://127.0.0.1/")));
    }
}
