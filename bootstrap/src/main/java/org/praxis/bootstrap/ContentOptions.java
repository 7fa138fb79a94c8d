package org.praxis.bootstrap;

import java.util.Locale;

import picocli.CommandLine.Option;

/** {@code serve}'s content settings (docs/configuration.md). */
public final class ContentOptions {
    @Option(names = "--demo", defaultValue = "${env:PRAXIS_DEMO}", arity = "0..1", fallbackValue = "true",
            description = "Sync the demo content shipped with the service at start (true|false). Env: PRAXIS_DEMO. "
                    + "Default: true with the embedded database, false with DATABASE_URL.")
    String demo;

    /** Whether to load the demo content: as set, else only when the database is the embedded one. */
    boolean demo(Settings settings) {
        if (demo == null || demo.isBlank()) {
            return settings.databaseUrl().isEmpty();
        }
        return switch (demo.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StartupFailure("PRAXIS_DEMO must be true or false, was " + demo);
        };
    }
}
