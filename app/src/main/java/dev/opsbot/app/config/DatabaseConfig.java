package dev.opsbot.app.config;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where opsbot keeps everything durable. Without a URL it uses an H2 file database under {@code dataDir}, which is
 * what {@code opsbot demo} and a single replica need; several replicas share a PostgreSQL database.
 *
 * @param url a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL, or {@code null} for the H2 file database
 * @param user the database user, or {@code null}
 * @param password the database password, or {@code null}
 * @param dataDir the directory for the H2 file database and other local state
 */
public record DatabaseConfig(String url, String user, Secret password, int poolSize, Path dataDir) {
    public static final int DEFAULT_POOL_SIZE = 16;
    public static final Path DEFAULT_DATA_DIR = Path.of("./data");

    static final IntRule POOL_SIZE = new IntRule(1, 1_000, "a connection pool size");
    // a JDBC URL may carry a password; anything that prints one goes through mask()
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:password|pwd)=)[^&;]*|(//[^/:@]+:)[^/@]*@");

    public DatabaseConfig {
        url = Checks.blankToNull(url);
        if (url != null && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException(
                    "database.url",
                    mask(url),
                    "is not a supported JDBC URL",
                    "use jdbc:postgresql://host:5432/opsbot or a jdbc:h2: URL, or leave database.url unset for the H2 file database under database.dataDir");
        }
        user = Checks.blankToNull(user);
        POOL_SIZE.check("database.poolSize", poolSize);
        if (dataDir == null) {
            throw new ConfigException(
                    "database.dataDir", null, "is not set", "use a writable directory such as ./data");
        }
    }

    public static DatabaseConfig defaults() {
        return new DatabaseConfig(null, null, null, DEFAULT_POOL_SIZE, DEFAULT_DATA_DIR);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + (url == null ? null : mask(url)) + ", user=" + user + ", password=" + password
                + ", poolSize=" + poolSize + ", dataDir=" + dataDir + "]";
    }

    static String mask(String url) {
        return URL_PASSWORD
                .matcher(url)
                .replaceAll(match -> Matcher.quoteReplacement(
                        match.group(1) != null ? match.group(1) + "***" : match.group(2) + "***@"));
    }

    static DatabaseConfig from(ConfigNode node) {
        DatabaseConfig config = new DatabaseConfig(
                node.text("url"),
                node.text("user"),
                node.secret("password"),
                node.integer("poolSize", DEFAULT_POOL_SIZE, POOL_SIZE),
                node.path("dataDir", DEFAULT_DATA_DIR));
        node.rejectUnknown();
        return config;
    }
}
