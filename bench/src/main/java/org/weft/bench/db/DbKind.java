package org.weft.bench.db;

/** The two databases Weft runs on. */
public enum DbKind {
    H2("embedded H2"),
    MARIADB("MariaDB");

    private final String label;

    DbKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
