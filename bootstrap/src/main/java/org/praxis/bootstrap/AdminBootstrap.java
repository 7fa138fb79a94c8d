package org.praxis.bootstrap;

import java.io.PrintWriter;

import org.praxis.domain.identity.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin. With PRAXIS_ADMIN_USERNAME and PRAXIS_ADMIN_PASSWORD that admin is made sure of at every
 * start. Without them, on the embedded database only (a developer's machine), a demo admin is created the
 * first time and its generated password printed once on standard output, never logged.
 */
final class AdminBootstrap {
    static final String DEMO_ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private AdminBootstrap() {
    }

    static void run(Wiring.Identity identity, IdentityOptions options, boolean embedded, PrintWriter out) {
        var username = options.adminUsername();
        var password = options.adminPassword();
        if (username.isPresent() != password.isPresent()) {
            throw new StartupFailure("set both PRAXIS_ADMIN_USERNAME and PRAXIS_ADMIN_PASSWORD, or neither");
        }
        if (username.isPresent()) {
            UsersCommand.refusalsAsFailures(() -> identity.accounts().ensureAdmin(Actor.OPERATOR, username.get(),
                    options.adminEmail(username.get()), password.get()));
            LOG.info("admin '{}' is in place (PRAXIS_ADMIN_USERNAME)", username.get());
            return;
        }
        if (!embedded) {
            return;
        }
        String generated = identity.tokens().newPassword();
        boolean created = UsersCommand.refusalsAsFailures(() -> identity.accounts().createFirstAdmin(Actor.OPERATOR, DEMO_ADMIN,
                options.adminEmail(DEMO_ADMIN), generated));
        if (created) {
            LOG.info("created the demo admin '{}' (its password is printed on standard output, once)", DEMO_ADMIN);
            out.println("Demo admin created: username '" + DEMO_ADMIN + "', password '" + generated
                    + "' (shown this once; sign in with POST /v1/sessions and change it with PUT /v1/me/password)");
            out.flush();
        }
    }
}
