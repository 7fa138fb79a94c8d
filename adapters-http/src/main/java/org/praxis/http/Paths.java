package org.praxis.http;

/** Every route path the service serves, in one place so the OpenAPI document can be checked against it. */
public final class Paths {
    private Paths() {
    }

    public static final String HEALTH_LIVE = "/health/live";
    public static final String HEALTH_READY = "/health/ready";
    public static final String METRICS = "/metrics";
    public static final String OPENAPI = "/openapi.json";

    // identity (accounts, sessions, profiles)
    public static final String ACCOUNTS = "/v1/accounts";
    public static final String SESSIONS = "/v1/sessions";
    public static final String SESSION_CURRENT = "/v1/sessions/current";
    public static final String SESSION = "/v1/sessions/{id}";
    public static final String ME = "/v1/me";
    public static final String ME_EXPORT = "/v1/me/export";
    public static final String ME_PASSWORD = "/v1/me/password";
    public static final String ME_EMAIL_VERIFICATION = "/v1/me/email-verification";
    public static final String ME_IDENTITIES = "/v1/me/identities";
    public static final String EMAIL_VERIFICATIONS = "/v1/email-verifications";
    public static final String PASSWORD_RESETS = "/v1/password-resets";
    public static final String PASSWORD_RESETS_COMPLETE = "/v1/password-resets/complete";
    public static final String USER = "/v1/users/{username}";

    // catalogue (published content)
    public static final String TOPICS = "/v1/topics";
    public static final String TRACKS = "/v1/tracks";
    public static final String TRACK = "/v1/tracks/{slug}";
    public static final String PROBLEMS = "/v1/problems";
    public static final String PROBLEM = "/v1/problems/{slug}";

    // authoring (authors and admins)
    public static final String AUTHORING_PROBLEMS = "/v1/authoring/problems";
    public static final String AUTHORING_PROBLEM = "/v1/authoring/problems/{slug}";
    public static final String AUTHORING_PROBLEM_PREVIEW = "/v1/authoring/problems/{slug}/preview";
    public static final String AUTHORING_PROBLEM_PUBLISH = "/v1/authoring/problems/{slug}/publish";
    public static final String AUTHORING_PROBLEM_ARCHIVE = "/v1/authoring/problems/{slug}/archive";
    public static final String AUTHORING_PROBLEM_RESTORE = "/v1/authoring/problems/{slug}/restore";
    public static final String AUTHORING_PROBLEM_VERSIONS = "/v1/authoring/problems/{slug}/versions";
    public static final String AUTHORING_PROBLEM_ROLLBACK = "/v1/authoring/problems/{slug}/rollback";
    public static final String AUTHORING_TRACKS = "/v1/authoring/tracks";
    public static final String AUTHORING_TRACK = "/v1/authoring/tracks/{slug}";
    public static final String AUTHORING_TRACK_PUBLISH = "/v1/authoring/tracks/{slug}/publish";
    public static final String AUTHORING_TRACK_ARCHIVE = "/v1/authoring/tracks/{slug}/archive";
    public static final String AUTHORING_TRACK_RESTORE = "/v1/authoring/tracks/{slug}/restore";

    // learning loop
    public static final String TRACK_ENROLMENT = "/v1/tracks/{slug}/enrolment";
    public static final String PROBLEM_SESSION = "/v1/problems/{slug}/session";
    public static final String PROBLEM_HINT = "/v1/problems/{slug}/hints/{n}";
    public static final String PROBLEM_SUBMISSIONS = "/v1/problems/{slug}/submissions";
    public static final String SUBMISSION = "/v1/submissions/{id}";
    public static final String GRADING_JOB = "/v1/grading-jobs/{id}";
    public static final String ME_SUBMISSIONS = "/v1/me/submissions";
    public static final String ME_DASHBOARD = "/v1/me/dashboard";
    public static final String ME_REVIEWS_DUE = "/v1/me/reviews/due";

    // leaderboards
    public static final String LEADERBOARD = "/v1/leaderboards/{board}";
    public static final String LEADERBOARD_ME = "/v1/leaderboards/{board}/me";
    public static final String PROBLEM_LEADERBOARD = "/v1/problems/{slug}/leaderboard";
    public static final String TOPIC_LEADERBOARD = "/v1/topics/{slug}/leaderboard";
}
