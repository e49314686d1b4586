package org.medoc.cli;

import org.medoc.security.AccountRejectedException;
import org.medoc.security.AccountService;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code medoc users create-admin <name>}: the first administrator of a production installation (which has no demo
 * accounts). Prints a one-time password once; its owner must choose their own at the first log-in. Exit code 0 when
 * the account was made, 1 when it was refused (e.g. the name is taken), 2 for a usage error.
 */
@Component
public class UsersCommand {

    static final String USAGE = "usage: medoc users create-admin <name>";
    private final AccountService accounts;

    public UsersCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    public int run(List<String> arguments, PrintStream out) {
        if (arguments.size() != 2 || !arguments.getFirst().equals("create-admin")) {
            out.println(USAGE);
            return 2;
        }
        AccountService.OneTimePassword admin;
        try {
            admin = accounts.createAdmin("command line", arguments.get(1));
        } catch (AccountRejectedException e) {
            out.println("create-admin refused: " + e.getMessage());
            return 1;
        }
        out.println("Administrator " + admin.username() + " created.");
        out.println("One-time password (shown only now): " + admin.password());
        out.println("Log in to the web UI with it: you will be asked to choose your own password at once.");
        return 0;
    }
}
