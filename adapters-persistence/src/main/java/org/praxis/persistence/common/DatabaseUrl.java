package org.praxis.persistence.common;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A PostgreSQL location as operators write it: {@code postgres://user:secret@host:5432/praxis?sslmode=require}
 * (the form hosting platforms hand out) or a JDBC URL {@code jdbc:postgresql://host:5432/praxis}.
 * Credentials given separately win over those in the URL.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static DatabaseUrl parse(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String text = url.trim();
        if (text.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(text, orEmpty(user), orEmpty(password));
        }
        if (!text.startsWith("postgres://") && !text.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql: (got " + scheme(text) + ")");
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        String urlUser = "";
        String urlPassword = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            urlUser = decode(parts[0]);
            urlPassword = parts.length > 1 ? decode(parts[1]) : "";
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432) + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(jdbc, isBlank(user) ? urlUser : user, isBlank(password) ? urlPassword : password);
    }

    /** The URL without credentials, safe for logs and error messages. */
    public String redacted() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    private static String scheme(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? "no scheme" : text.substring(0, colon) + ":";
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
