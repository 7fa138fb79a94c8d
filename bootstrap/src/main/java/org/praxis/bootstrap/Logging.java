package org.praxis.bootstrap;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

public final class Logging {
    private Logging() {
    }

    public static void level(String level) {
        Level parsed = Level.toLevel(level, null);
        if (parsed == null) {
            throw new StartupFailure("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR; was " + level);
        }
        ((Logger) LoggerFactory.getLogger("org.praxis")).setLevel(parsed);
    }
}
