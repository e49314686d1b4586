package org.medoc;

import org.medoc.cli.GolfCommand;
import org.medoc.cli.IngestCommand;
import org.medoc.cli.ProductsCommand;
import org.medoc.cli.StorageCommand;
import org.medoc.cli.UsersCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;
import java.util.List;

/**
 * medoc: the software of a space solar-physics data and operations centre. Without a sub-command it serves the web
 * application; with one ({@code ingest <file-or-directory>...}, {@code products run <type> --from ... --to ...},
 * {@code products reprocess --type <type> [--version <v>] --from ... --to ...},
 * {@code storage check [--delete]}, {@code storage migrate --to s3|local}, {@code golf hk-import <file>...}, {@code users create-admin <name>}) it runs that
 * batch command on the same context,
 * without the web server, and exits with the command's status. Spring options ({@code --medoc.data-dir=...}) may
 * precede or follow the sub-command.
 */
@SpringBootApplication
public class MedocApplication {

    static final List<String> COMMANDS = List.of("ingest", "products", "storage", "golf", "users");

    public static void main(String[] args) {
        List<String> commandLine = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (!commandLine.isEmpty() && COMMANDS.contains(commandLine.getFirst())) {
            String[] options = Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
            SpringApplication application = new SpringApplication(MedocApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            // a batch command needs the database and the domain services, not the web UI
            application.setDefaultProperties(java.util.Map.of(
                    "spring.autoconfigure.exclude", String.join(",",
                            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
                            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                            "com.vaadin.flow.spring.VaadinScopesConfig"),
                    "spring.main.banner-mode", "off",
                    // demo accounts and data belong to the first start of the web application, where their password shows
                    "medoc.demo", "false",
                    // a command does its own work in its own thread: it must not also pick chain tasks off the queue
                    "medoc.node.role", "web",
                    "logging.level.root", "WARN"));
            int status;
            try (ConfigurableApplicationContext context = application.run(options)) {
                List<String> arguments = commandLine.subList(1, commandLine.size());
                // options of the command itself (products run ... --from X --to Y) look like Spring options: keep them
                List<String> commandArguments = commandLine.getFirst().equals("products")
                        ? Arrays.asList(args).subList(Arrays.asList(args).indexOf("products") + 1, args.length).stream()
                            .filter(a -> !a.startsWith("--") || a.matches("--(from|to|type|version|every|detach)(=.*)?")).toList()
                        : commandLine.getFirst().equals("storage")
                        ? Arrays.stream(args).filter(a -> !a.startsWith("--") || a.matches("--delete|--to(=.*)?")).skip(1).toList()
                        : arguments;
                status = switch (commandLine.getFirst()) {
                    case "products" -> context.getBean(ProductsCommand.class).run(commandArguments, System.out);
                    case "storage" -> context.getBean(StorageCommand.class).run(commandArguments, System.out);
                    case "golf" -> context.getBean(GolfCommand.class).run(arguments, System.out);
                    case "users" -> context.getBean(UsersCommand.class).run(arguments, System.out);
                    default -> context.getBean(IngestCommand.class).run(arguments, System.out);
                };
            }
            System.exit(status);
        }
        SpringApplication.run(MedocApplication.class, args);
    }
}
