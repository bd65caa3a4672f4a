package org.weft.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/configuration.md, application.yaml and WeftConfig name the same settings: every documented variable is
 * read by WeftConfig, every YAML key is documented with its real default, and each variable sets the key the
 * table pairs it with.
 */
class ConfigurationDocsTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(WEFT_[A-Z_]+)` \\| `(weft\\.[a-z.-]+)` \\| ([^|]+) \\|");
    /** Values valid for the string settings, to check that the variable and the key land in the same place. */
    private static final Map<String, String> SAMPLE_VALUES = Map.of(
            "weft.host", "127.0.0.1",
            "weft.base-url", "https://weft.example.org",
            "weft.data-dir", "/var/lib/weft",
            "weft.db.url", "jdbc:mariadb://127.0.0.1:3306/weft",
            "weft.db.user", "weft",
            "weft.db.password", "secret",
            "weft.signup", "open",
            "weft.federation.link-allow", "camp.example",
            "weft.trusted-proxies", "127.0.0.1, 10.0.0.0/8");

    @TempDir
    Path dir;

    @Test
    void theTableListsExactlyTheKeysOfApplicationYamlWithTheirDefaults() throws IOException {
        Map<String, String> documentedDefaults = new TreeMap<>();
        documented().forEach((env, row) -> documentedDefaults.put(row.key(), row.defaultValue()));
        assertEquals(yamlDefaults(), documentedDefaults);
    }

    @Test
    void weftConfigReadsExactlyTheDocumentedVariables() throws IOException {
        Set<String> asked = new TreeSet<>();
        Map<String, String> recording = new HashMap<>() {
            @Override
            public String get(Object key) {
                asked.add((String) key);
                return super.get(key);
            }
        };
        WeftConfig.load(recording);
        asked.remove("WEFT_CONFIG"); // names the file; described above the table
        assertEquals(new TreeSet<>(documented().keySet()), asked);
    }

    @Test
    void eachVariableSetsTheKeyItIsDocumentedWith() throws IOException {
        for (Row row : documented().values()) {
            String value = sampleValue(row);
            String[] path = row.key().split("\\.");
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < path.length; i++) {
                String end = i == path.length - 1 ? ": \"" + value + "\"" : ":";
                yaml.append("  ".repeat(i)).append(path[i]).append(end).append('\n');
            }
            Path file = Files.writeString(Files.createTempFile(dir, "weft", ".yaml"), yaml);
            WeftConfig fromFile = WeftConfig.load(Map.of("WEFT_CONFIG", file.toString()));
            WeftConfig fromEnv = WeftConfig.load(Map.of(row.env(), value));
            assertEquals(fromFile, fromEnv, row.env() + " and " + row.key() + " = " + value);
            assertEquals(false, fromEnv.equals(WeftConfig.load(Map.of())), row.env() + " changes something");
        }
    }

    private static String sampleValue(Row row) {
        if (SAMPLE_VALUES.containsKey(row.key())) {
            return SAMPLE_VALUES.get(row.key());
        }
        if (row.defaultValue().equals("false")) {
            return "true";
        }
        return String.valueOf(Integer.parseInt(row.defaultValue()) + 1);
    }

    private record Row(String env, String key, String defaultValue) {
    }

    private static Map<String, Row> documented() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                String shown = m.group(3).strip();
                String defaultValue = shown.equals("empty") ? "" : shown.replaceAll("^`|`$", "");
                rows.put(m.group(1), new Row(m.group(1), m.group(2), defaultValue));
            }
        }
        return rows;
    }

    private static Map<String, String> yamlDefaults() {
        Config weft = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.classpath("application.yaml").build()).build().get("weft");
        Map<String, String> defaults = new TreeMap<>();
        weft.traverse().filter(Config::isLeaf)
                .forEach(c -> defaults.put(c.key().toString().toLowerCase(Locale.ROOT), c.asString().orElse("")));
        return defaults;
    }
}
