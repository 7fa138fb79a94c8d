package org.praxis.application.identity.port.in;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.praxis.application.identity.port.out.LearnerStandings.Standing;
import org.praxis.domain.identity.Actor;

/** My profile (read and edit), and anyone's public profile (ID1). */
public interface ProfileUseCase {
    MyProfile me(Actor actor);

    MyProfile update(Actor actor, Change change);

    /** Public to everyone; never the e-mail. An unknown name is {@link org.praxis.application.common.NotFound}. */
    PublicProfile publicProfile(Actor actor, String username);

    /** The fields a member may edit; nothing else (role, premium, ids, counters) can be named. */
    enum Field {
        DISPLAY_NAME, TIME_ZONE, BIO, AVATAR_URL
    }

    /** Only the fields present change; a field present with a null value is cleared. */
    record Change(Map<Field, String> values) {
        public Change {
            values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(values));
        }
    }

    record MyProfile(UUID id, String username, String email, boolean emailVerified, String displayName, String timeZone,
            String bio, String avatarUrl, String role, boolean premium, Instant createdAt, Standing stats) {
    }

    record PublicProfile(UUID id, String username, String displayName, String bio, String avatarUrl, String role,
            Instant joinedAt, Standing stats) {
    }
}
