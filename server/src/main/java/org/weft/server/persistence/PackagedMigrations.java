package org.weft.server.persistence;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versions of the migrations this build carries, found without Flyway: the SQL scripts' names, read from the
 * migration folder on the class path (in the server's jar, or a folder when tests run), and the versions of the
 * migrations written in Java. A start compares them with the schema history to learn whether Flyway is needed at all.
 */
final class PackagedMigrations {
    static final String FOLDER = "db/migration";
    /**
     * The versions of the migrations written in Java ({@link FlywayMigrations#configured}), known here without loading
     * them (they are Flyway's types); a test holds the two lists together.
     */
    static final List<String> JAVA_VERSIONS = List.of("14", "23", "84", "96", "97");
    /** Flyway's naming of a versioned SQL migration: V, the version, two underscores, a description. */
    private static final Pattern SQL_NAME = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

    private PackagedMigrations() {
    }

    /**
     * Every packaged version, each as {@link #normalized}; empty when the folder is somewhere this cannot list (then
     * only Flyway can tell, and the start runs it).
     */
    static Optional<Set<String>> versions() {
        Set<String> versions = new HashSet<>();
        JAVA_VERSIONS.forEach(v -> versions.add(normalized(v)));
        try {
            Enumeration<URL> folders = PackagedMigrations.class.getClassLoader().getResources(FOLDER);
            boolean listed = false;
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                List<String> names = switch (folder.getProtocol()) {
                    case "jar" -> namesInJar(folder);
                    case "file" -> namesInFolder(folder);
                    default -> null;
                };
                if (names == null) {
                    return Optional.empty();
                }
                listed = true;
                for (String name : names) {
                    Matcher sql = SQL_NAME.matcher(name);
                    if (sql.matches()) {
                        versions.add(normalized(sql.group(1)));
                    }
                }
            }
            return listed ? Optional.of(versions) : Optional.empty();
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * One spelling per version, as Flyway compares them: parts split at dots or underscores, leading zeros and trailing
     * zero parts dropped ("1.0" and "1" are the same version to Flyway).
     */
    static String normalized(String version) {
        String[] parts = version.split("[._]");
        int end = parts.length;
        while (end > 1 && parts[end - 1].replaceFirst("^0+", "").isEmpty()) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            String digits = parts[i].replaceFirst("^0+(?=.)", "");
            out.append(i == 0 ? "" : ".").append(digits);
        }
        return out.toString();
    }

    private static List<String> namesInFolder(URL folder) throws URISyntaxException {
        File[] files = Path.of(folder.toURI()).toFile().listFiles();
        return files == null ? null : Arrays.stream(files).map(File::getName).toList();
    }

    private static List<String> namesInJar(URL folder) throws IOException {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false); // a JarFile of our own, closed here, rather than the connection cache's shared one
        String prefix = connection.getEntryName() + (connection.getEntryName().endsWith("/") ? "" : "/");
        try (JarFile jar = connection.getJarFile()) {
            return jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                    .map(name -> name.substring(prefix.length()))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
