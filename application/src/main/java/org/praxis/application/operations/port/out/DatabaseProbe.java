package org.praxis.application.operations.port.out;

import java.time.Duration;

/** Asks the database whether it answers, within a time limit. */
public interface DatabaseProbe {
    boolean answers(Duration within);
}
