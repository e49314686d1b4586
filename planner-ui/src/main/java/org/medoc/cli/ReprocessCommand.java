package org.medoc.cli;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.medoc.products.campaign.Campaign;
import org.medoc.products.campaign.CampaignProgress;
import org.medoc.products.campaign.CampaignService;
import org.medoc.products.campaign.CampaignStatus;
import org.medoc.products.campaign.CampaignTasks;
import org.medoc.products.chain.ChainConfiguration;
import org.medoc.products.chain.ChainProperties;
import org.medoc.products.chain.ChainTasks;
import org.medoc.products.chain.RunLease;
import org.medoc.products.chain.ProductChain;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code medoc products reprocess --type <type> [--version <version>] --from <time> --to <time> [--detach]
 * [--every <seconds>]}: starts a reprocessing campaign (the current version when {@code --version} is left out), then
 * follows it with a progress line every few seconds until it ends. While it follows, this process is one more worker
 * node on the shared database (it executes chain and campaign tasks like any worker), so the campaign finishes even
 * when no other node runs; the live installation's nodes take part as well. Interrupting the command does not cancel
 * the campaign: the other nodes (or the next start) carry on; {@code --detach} only starts it. Exit code 0 when every
 * item was made or skipped, 1 when some failed or the campaign was cancelled, 2 for a usage error.
 */
@Component
public class ReprocessCommand {

    static final String USAGE = "usage: medoc products reprocess --type <type> [--version <version>] "
            + "--from <ISO time or date> --to <ISO time or date> [--detach] [--every <seconds>]";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CampaignService campaigns;
    private final ProductChain chain;
    private final DataSource dataSource;
    private final ChainTasks chainTasks;
    private final ChainProperties chainProperties;
    private final CampaignTasks campaignTasks;
    private final RunLease lease;

    public ReprocessCommand(CampaignService campaigns, ProductChain chain, DataSource dataSource, ChainTasks chainTasks,
                            ChainProperties chainProperties, CampaignTasks campaignTasks, RunLease lease) {
        this.campaigns = campaigns;
        this.chain = chain;
        this.dataSource = dataSource;
        this.chainTasks = chainTasks;
        this.chainProperties = chainProperties;
        this.campaignTasks = campaignTasks;
        this.lease = lease;
    }

    /** {@code arguments} without the leading {@code reprocess}. */
    public int run(List<String> arguments, PrintStream out) {
        String type = null;
        String version = null;
        Instant from = null;
        Instant to = null;
        boolean detach = false;
        Duration every = Duration.ofSeconds(5);
        try {
            List<String> options = ProductsCommand.splitOptions(arguments);
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                if (option.equals("--detach")) {
                    detach = true;
                    continue;
                }
                if (i + 1 >= options.size()) {
                    throw new IllegalArgumentException(option.startsWith("--") ? option + " needs a value" : "unexpected '" + option + "'");
                }
                String value = options.get(++i);
                switch (option) {
                    case "--type" -> type = value;
                    case "--version" -> version = value;
                    case "--from" -> from = ProductsCommand.time(value, false);
                    case "--to" -> to = ProductsCommand.time(value, true);
                    case "--every" -> every = Duration.ofSeconds(seconds(value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (type == null || from == null || to == null) {
                throw new IllegalArgumentException("--type, --from and --to are needed");
            }
            ProductsCommand.checkOrder(from, to);
            chain.recipe(type);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        Campaign campaign;
        try {
            campaign = campaigns.start(new CampaignService.CampaignRequest(type, version, from, to),
                    "command line (" + System.getProperty("user.name", "unknown") + ")");
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        out.printf("campaign %d started: %s %s from %s to %s (%s)%n", campaign.id(), campaign.type(), campaign.version(),
                campaign.from(), campaign.to(), chain.recipe(type).inputSets().describe());
        if (detach) {
            out.printf("follow it with GET /api/v1/product-campaigns/%d or in the Runs tab of the Products page%n", campaign.id());
            return 0;
        }
        String node = "reprocess-" + ManagementFactory.getRuntimeMXBean().getPid();
        Scheduler worker = ChainConfiguration.buildScheduler(dataSource, chainTasks, chainProperties, lease, node, List.of(campaignTasks));
        worker.start();
        try {
            return follow(campaign.id(), every, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.println("interrupted: campaign " + campaign.id() + " goes on on the other nodes");
            return 1;
        } finally {
            worker.stop();
        }
    }

    private int follow(long id, Duration every, PrintStream out) throws InterruptedException {
        while (true) {
            Thread.sleep(every.toMillis());
            Campaign campaign = campaigns.campaign(id);
            out.println(line(campaign));
            if (!campaign.status().active()) {
                CampaignProgress progress = campaign.progress();
                out.printf("campaign %d %s: %d items, made %d, skipped %d (already made), failed %d, cancelled %d%n",
                        id, campaign.status().name().toLowerCase(), progress.total(), progress.made(), progress.skipped(),
                        progress.failed(), progress.cancelled());
                if (progress.failed() > 0) {
                    out.printf("failed items: GET /api/v1/product-campaigns/%d/items?status=FAILED; resume to retry them%n", id);
                }
                return campaign.status() == CampaignStatus.FINISHED && progress.failed() == 0 ? 0 : 1;
            }
        }
    }

    /** One progress line: {@code 10:42:05  made 120, skipped 3, failed 1, remaining 876 of 1000, 12.5/min, ETA 1h10m}. */
    static String line(Campaign campaign) {
        CampaignProgress p = campaign.progress();
        return CLOCK.format(LocalTime.now(ZoneOffset.UTC)) + "  "
                + (campaign.status() == CampaignStatus.ENUMERATING ? "enumerating up to " + campaign.enumeratedTo() + ", " : "")
                + "made " + p.made() + ", skipped " + p.skipped() + ", failed " + p.failed()
                + ", remaining " + p.remaining() + " of " + p.total()
                + (p.ratePerMinute() == null ? "" : ", " + p.ratePerMinute() + "/min")
                + (p.etaSeconds() == null ? "" : ", ETA " + p.etaText());
    }

    private static long seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= 1 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("--every takes 1-3600 seconds, was '" + text + "'");
    }
}
