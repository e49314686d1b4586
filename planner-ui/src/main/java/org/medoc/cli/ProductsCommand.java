package org.medoc.cli;

import org.medoc.products.chain.ChainException;
import org.medoc.products.chain.ProductChain;
import org.medoc.products.chain.RunOutcome;
import org.medoc.products.chain.RunStatus;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code medoc products run <type> --from <time> --to <time>}: makes, in this process, the current version's product
 * of every input set in the interval that the catalogue holds (the AIA six-channel sets for {@code dem}, one SHARP
 * record per HARP for {@code currents}), one line per set, then a summary. Products already catalogued are skipped. Exit code 0 when every set succeeded or was skipped,
 * 1 when any failed, 2 for a usage error. Times are ISO-8601 UTC; a bare date means the whole day.
 * {@code medoc products reprocess ...} starts and follows a reprocessing campaign ({@link ReprocessCommand}).
 */
@Component
public class ProductsCommand {

    static final String USAGE = "usage: medoc products run <type> --from <ISO time or date> --to <ISO time or date>\n"
            + "       " + ReprocessCommand.USAGE.substring("usage: ".length());
    private final ProductChain chain;
    private final ReprocessCommand reprocess;

    public ProductsCommand(ProductChain chain, ReprocessCommand reprocess) {
        this.chain = chain;
        this.reprocess = reprocess;
    }

    /** {@code --option=X} and {@code --option X} both work: the first is split in two. */
    static List<String> splitOptions(List<String> given) {
        List<String> arguments = new java.util.ArrayList<>();
        for (String argument : given) {
            if (argument.matches("--[a-z]+=.*")) {
                arguments.add(argument.substring(0, argument.indexOf('=')));
                arguments.add(argument.substring(argument.indexOf('=') + 1));
            } else {
                arguments.add(argument);
            }
        }
        return arguments;
    }

    public int run(List<String> given, PrintStream out) {
        if (!given.isEmpty() && given.getFirst().equals("reprocess")) {
            return reprocess.run(given.subList(1, given.size()), out);
        }
        List<String> arguments = splitOptions(given);
        if (arguments.size() != 6 || !arguments.getFirst().equals("run")) {
            out.println(USAGE);
            return 2;
        }
        String type = arguments.get(1);
        Instant from = null;
        Instant to = null;
        try {
            for (int i = 2; i < 6; i += 2) {
                switch (arguments.get(i)) {
                    case "--from" -> from = time(arguments.get(i + 1), false);
                    case "--to" -> to = time(arguments.get(i + 1), true);
                    default -> throw new IllegalArgumentException("unknown option " + arguments.get(i));
                }
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("both --from and --to are needed");
            }
            checkOrder(from, to);
            chain.recipe(type);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        String version = chain.recipe(type).version();
        out.printf("%s %s: input sets from %s to %s (%s)%n", type, version, from, to, chain.recipe(type).inputSets().describe());
        List<RunOutcome> outcomes;
        try {
            outcomes = chain.runRange(type, from, to, outcome -> out.println(line(outcome)));
        } catch (ChainException e) {
            out.println("products run failed: " + e.getMessage());
            return 1;
        }
        long succeeded = outcomes.stream().filter(o -> o.status() == RunStatus.SUCCEEDED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == RunStatus.SKIPPED).count();
        long failed = outcomes.stream().filter(o -> o.status() == RunStatus.FAILED).count();
        long milliseconds = outcomes.stream().mapToLong(RunOutcome::durationMs).sum();
        out.printf("%s: %d sets, made %d, skipped %d (already catalogued), failed %d, %.1f s%n",
                type, outcomes.size(), succeeded, skipped, failed, milliseconds / 1000.0);
        if (outcomes.isEmpty()) {
            out.println("no input set in the catalogue for that interval: ingest the observations first");
        }
        return failed > 0 ? 1 : 0;
    }

    private static String line(RunOutcome outcome) {
        // several products may share a reference time (current maps: one per HARP), the subject tells them apart
        String reference = outcome.instance().referenceTime()
                + (outcome.instance().subject().isEmpty() ? "" : " " + outcome.instance().subject());
        return switch (outcome.status()) {
            case SUCCEEDED -> reference + "  made     product " + outcome.productId() + " in " + outcome.durationMs() + " ms";
            case SKIPPED -> reference + "  skipped  product " + outcome.productId() + " is already catalogued";
            case FAILED -> reference + "  FAILED   " + outcome.error();
            case RUNNING -> reference + "  running";
        };
    }

    static void checkOrder(Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
    }

    static Instant time(String text, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                        : date.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 UTC time such as 2024-01-01T00:00:00Z or a date such as 2024-01-01");
        }
    }
}
