package org.praxis.http.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.praxis.application.identity.port.in.AccountLifecycleUseCase.AccountExport;
import org.praxis.application.identity.port.in.ExternalIdentitiesUseCase.IdentityView;
import org.praxis.application.identity.port.in.ProfileUseCase.MyProfile;
import org.praxis.application.identity.port.in.ProfileUseCase.PublicProfile;
import org.praxis.application.identity.port.in.SessionsUseCase.SessionView;
import org.praxis.application.identity.port.out.LearnerStandings.Standing;

/** The response bodies of the identity routes (docs/api.md, openapi/praxis.yaml). */
final class IdentityBodies {
    private IdentityBodies() {
    }

    record Rank(String name, int level) {
    }

    record Stats(long points, int solved, int currentStreak, int longestStreak, Rank rank) {
        static Stats of(Standing s) {
            return new Stats(s.points(), s.solved(), s.currentStreak(), s.longestStreak(), new Rank(s.rank().name(), s.rank().level()));
        }
    }

    record Account(UUID id, String username, String displayName, String timeZone, String role) {
    }

    record Token(String token, Instant expiresAt) {
    }

    record Me(UUID id, String username, String email, String displayName, String timeZone, String role, boolean premium,
            Stats stats, boolean emailVerified, String bio, String avatarUrl, Instant createdAt) {
        static Me of(MyProfile p) {
            return new Me(p.id(), p.username(), p.email(), p.displayName(), p.timeZone(), p.role(), p.premium(),
                    Stats.of(p.stats()), p.emailVerified(), p.bio(), p.avatarUrl(), p.createdAt());
        }
    }

    record PublicUser(UUID id, String username, String displayName, String bio, String avatarUrl, String role,
            Instant joinedAt, Stats stats) {
        static PublicUser of(PublicProfile p) {
            return new PublicUser(p.id(), p.username(), p.displayName(), p.bio(), p.avatarUrl(), p.role(), p.joinedAt(),
                    Stats.of(p.stats()));
        }
    }

    record Session(UUID id, Instant createdAt, Instant expiresAt, Instant lastUsedAt, String userAgent, boolean current) {
        static Session of(SessionView s) {
            return new Session(s.id(), s.createdAt(), s.expiresAt(), s.lastUsedAt(), s.userAgent(), s.current());
        }
    }

    record Identity(String provider, String subject, Instant linkedAt) {
        static Identity of(IdentityView v) {
            return new Identity(v.provider(), v.subject(), v.linkedAt());
        }
    }

    /** The list shape of the API: every item, and no further page. */
    record Page<T>(List<T> items, String nextCursor) {
        static <T> Page<T> all(List<T> items) {
            return new Page<>(items, null);
        }
    }

    record UserAdmin(String username, String role, boolean premium) {
    }

    record Export(Instant exportedAt, Me account, List<Session> sessions, List<Identity> identities,
            java.util.Map<String, Object> learning) {
        static Export of(AccountExport e) {
            return new Export(e.exportedAt(), Me.of(e.account()), e.sessions().stream().map(Session::of).toList(),
                    e.identities().stream().map(Identity::of).toList(), e.learning());
        }
    }
}
