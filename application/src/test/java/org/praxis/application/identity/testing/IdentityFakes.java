package org.praxis.application.identity.testing;

import java.security.SecureRandom;

import org.praxis.application.identity.AccountService;
import org.praxis.application.identity.BearerTokens;
import org.praxis.application.identity.CredentialService;
import org.praxis.application.identity.IdentitySettings;
import org.praxis.application.identity.SignInService;
import org.praxis.application.identity.port.out.LearnerStandings;

/** Every identity out-port as an in-memory fake, and the three services wired on them. */
public final class IdentityFakes {
    public final TestClock clock = new TestClock();
    public final InMemoryAccounts accounts = new InMemoryAccounts();
    public final InMemoryCredentials credentials = new InMemoryCredentials();
    public final FakePasswordHasher hasher = new FakePasswordHasher();
    public final InMemorySessions sessions = new InMemorySessions(accounts::byId);
    public final InMemoryOneTimeTokens oneTimeTokens = new InMemoryOneTimeTokens();
    public final InMemoryExternalIdentities identities = new InMemoryExternalIdentities();
    public final InMemoryFailedSignIns failures = new InMemoryFailedSignIns();
    public final FakeIdentityProviders providers = new FakeIdentityProviders();
    public final RecordingMailer mailer = new RecordingMailer();
    public final LearnerStandings standings = learner -> LearnerStandings.Standing.BEGINNER;
    public final DirectTransactions tx = new DirectTransactions();
    public final IdentitySettings settings = IdentitySettings.defaults("https://app.example.org");
    public final BearerTokens tokens = new BearerTokens(new SecureRandom());

    public IdentityFakes() {
        accounts.cascadeTo(credentials::forget);
        accounts.cascadeTo(sessions::forget);
        accounts.cascadeTo(oneTimeTokens::forget);
        accounts.cascadeTo(identities::forget);
    }

    public AccountService accountService() {
        return new AccountService(new AccountService.Ports(accounts, credentials, hasher, oneTimeTokens, sessions, identities,
                standings, mailer, tx), tokens, settings, clock);
    }

    public SignInService signInService() {
        return new SignInService(new SignInService.Ports(accounts, credentials, hasher, sessions, failures, identities,
                providers, tx), tokens, settings, clock);
    }

    public CredentialService credentialService() {
        return new CredentialService(new CredentialService.Ports(accounts, credentials, hasher, sessions, oneTimeTokens,
                mailer, tx), tokens, settings, clock);
    }
}
