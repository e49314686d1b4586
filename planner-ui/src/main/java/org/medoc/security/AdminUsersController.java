package org.medoc.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/admin/users} and {@code /api/v1/admin/tokens} (role ADMIN): the accounts, their roles, locks and
 * passwords, and every account's API tokens. A new account and a reset answer a one-time password, shown only then.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AdminUsersController {

    /** A new account: user name, optional full name, roles. */
    record NewAccount(String username, String fullName, Set<Role> roles) {}

    record Roles(Set<Role> roles) {}

    private final AccountService accounts;
    private final ApiTokens tokens;

    AdminUsersController(AccountService accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/users")
    List<AccountSummary> users() {
        return accounts.list();
    }

    @GetMapping("/users/{username}")
    AccountSummary user(@PathVariable String username) {
        return accounts.get(username);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    AccountService.OneTimePassword create(@RequestBody NewAccount account, Authentication caller) {
        return accounts.create(caller.getName(), account.username(), account.fullName(), account.roles());
    }

    @PutMapping("/users/{username}/roles")
    AccountSummary roles(@PathVariable String username, @RequestBody Roles roles, Authentication caller) {
        accounts.setRoles(caller.getName(), username, roles.roles());
        return accounts.get(username);
    }

    @PostMapping("/users/{username}/disable")
    AccountSummary disable(@PathVariable String username, Authentication caller) {
        accounts.disable(caller.getName(), username);
        return accounts.get(username);
    }

    @PostMapping("/users/{username}/enable")
    AccountSummary enable(@PathVariable String username, Authentication caller) {
        accounts.enable(caller.getName(), username);
        return accounts.get(username);
    }

    @PostMapping("/users/{username}/unlock")
    AccountSummary unlock(@PathVariable String username, Authentication caller) {
        accounts.unlock(caller.getName(), username);
        return accounts.get(username);
    }

    @PostMapping("/users/{username}/reset-password")
    AccountService.OneTimePassword resetPassword(@PathVariable String username, Authentication caller) {
        return accounts.resetPassword(caller.getName(), username);
    }

    @GetMapping("/tokens")
    List<ApiTokenInfo> tokens() {
        return tokens.all();
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Authentication caller) {
        tokens.revoke(caller.getName(), id);
    }
}
