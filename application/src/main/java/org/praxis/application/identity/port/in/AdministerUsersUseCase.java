package org.praxis.application.identity.port.in;

import java.util.Optional;

import org.praxis.application.identity.port.in.RegisterAccountUseCase.AccountView;
import org.praxis.domain.identity.Actor;
import org.praxis.domain.identity.Role;

/** What admins and the operator do to accounts: create them with a role, grant roles and premium (ID4). */
public interface AdministerUsersUseCase {
    AccountView create(Actor actor, NewUser user);

    /** Changes what is given; demoting the last admin is a {@link org.praxis.application.common.Conflict}. */
    UserAdminView change(Actor actor, String username, Optional<Role> role, Optional<Boolean> premium);

    /**
     * Makes sure this admin exists with this password (start-up with PRAXIS_ADMIN_USERNAME and
     * PRAXIS_ADMIN_PASSWORD): created when missing, else given the admin role and, if it differs, the password.
     */
    AccountView ensureAdmin(Actor actor, String username, String email, String password);

    /** Creates this admin only when there is no admin at all; answers whether it did. */
    boolean createFirstAdmin(Actor actor, String username, String email, String password);

    record NewUser(String username, String email, String password, Role role) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    record UserAdminView(String username, String role, boolean premium) {
    }
}
