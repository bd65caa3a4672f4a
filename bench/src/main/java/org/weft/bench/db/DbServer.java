package org.weft.bench.db;

/**
 * Where fresh databases come from: for MariaDB, a server URL ({@code jdbc:mariadb://127.0.0.1:PORT/})
 * and a user that may create databases; for H2, nothing beyond a directory.
 */
public record DbServer(DbKind kind, String serverUrl, String user, String password) {

    public static DbServer h2() {
        return new DbServer(DbKind.H2, null, null, null);
    }

    public static DbServer mariaDb(String serverUrl, String user, String password) {
        return new DbServer(DbKind.MARIADB, serverUrl.endsWith("/") ? serverUrl : serverUrl + "/", user, password);
    }
}
