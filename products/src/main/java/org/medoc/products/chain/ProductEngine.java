package org.medoc.products.chain;

import org.medoc.archive.storage.ArchiveStore;
import org.medoc.archive.storage.IntegrityException;
import org.medoc.archive.storage.Sha256;
import org.medoc.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes one product: the step every chain task, command and retry ends in.
 *
 * <ol>
 *   <li>an instance already catalogued is not made again (a run row with SKIPPED says so);</li>
 *   <li>a run row records the attempt (RUNNING), committed at once so that the Runs view shows work in progress;</li>
 *   <li>the input set is read from the catalogue as it is now, each input copied from the {@link ArchiveStore} into a
 *   private work directory with its SHA-256 checked against the catalogue (a corrupted input fails the run);</li>
 *   <li>the recipe makes its files; each is stored content-addressed ({@code products/<type>/<version>/<sha256>.<ext>}),
 *   so that storing again after a crash writes nothing new;</li>
 *   <li>one transaction catalogues the product, its files, inputs and attributes and closes the run; the unique key
 *   (type, version, reference time, subject) makes a concurrent duplicate a SKIPPED run, never a second row.</li>
 * </ol>
 * A failure closes the run as FAILED with the reason and is rethrown, so that db-scheduler retries it with back-off.
 * While it works, a RUNNING run's lease ({@link RunLease}) is renewed by a heartbeat, and each output's storage key is
 * noted in the run before the object is written: a run whose node dies is recovered by {@link RunRecovery}.
 */
@Service
public class ProductEngine implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProductEngine.class);
    public static final String MISSING_INPUTS = "MISSING_INPUTS";

    private final ChainRepository repository;
    private final ArchiveStore store;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Path workRoot;
    private final String softwareVersion;
    private final RunLease lease;
    /** One daemon thread renews the leases of every run of this node: a renewal is one short UPDATE. */
    private final java.util.concurrent.ScheduledExecutorService heartbeats =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("product-heartbeat").factory());

    public ProductEngine(ChainRepository repository, ArchiveStore store, TransactionTemplate transaction, AuditTrail audit,
                         RunLease lease, @Value("${medoc.data-dir:./medoc-data}") String dataDir,
                         @Value("${medoc.software-version:}") String softwareVersion) {
        this.repository = repository;
        this.lease = lease;
        this.store = store;
        this.transaction = transaction;
        this.audit = audit;
        this.workRoot = Path.of(dataDir).toAbsolutePath().normalize().resolve("work").resolve("products");
        String packaged = ProductEngine.class.getPackage().getImplementationVersion();
        this.softwareVersion = !softwareVersion.isBlank() ? softwareVersion
                : packaged != null ? "medoc " + packaged : "medoc development build";
        sweepWorkDirectories();
    }

    /**
     * Deletes the work directories a killed process left: the data directory is locked to one medoc process, so at
     * start-up none of them belongs to a live run.
     */
    private void sweepWorkDirectories() {
        if (!Files.isDirectory(workRoot)) {
            return;
        }
        try (Stream<Path> left = Files.list(workRoot)) {
            List<Path> directories = left.filter(Files::isDirectory).toList();
            directories.forEach(ProductEngine::deleteQuietly);
            if (!directories.isEmpty()) {
                log.info("Deleted {} product work directories left by an earlier crash", directories.size());
            }
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", workRoot, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
    }

    /** Renews the run's lease every heartbeat until cancelled. */
    private java.util.concurrent.ScheduledFuture<?> heartbeat(long runId, String instanceId) {
        long every = lease.heartbeat().toMillis();
        return heartbeats.scheduleAtFixedRate(() -> {
            try {
                if (!repository.renewLease(runId, lease.lease())) {
                    log.warn("Product {}: run {} lost its lease (recovered elsewhere); it will store and catalogue "
                            + "nothing more, the recovery's retry makes the product", instanceId, runId);
                }
            } catch (RuntimeException e) {
                // a database hiccup: the next beat tries again, the lease allows for missed beats
                log.warn("Product {}: heartbeat of run {} failed: {}", instanceId, runId, e.getMessage());
            }
        }, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public String softwareVersion() {
        return softwareVersion;
    }

    /** Makes the recipe's product at one reference time, unless it is catalogued already. */
    public RunOutcome run(ProductRecipe recipe, java.time.Instant referenceTime, RunTrigger trigger, String node) {
        return run(recipe, recipe.version(), referenceTime, "", trigger, node);
    }

    /** Makes the recipe's product of one reference time and subject ({@link InputSet#subject()}), unless it is catalogued already. */
    public RunOutcome run(ProductRecipe recipe, java.time.Instant referenceTime, String subject, RunTrigger trigger, String node) {
        return run(recipe, recipe.version(), referenceTime, subject, trigger, node);
    }

    /** Makes one product version (see below) at one reference time, for the recipe's single subject. */
    public RunOutcome run(ProductRecipe recipe, String productVersion, java.time.Instant referenceTime, RunTrigger trigger,
                          String node) {
        return run(recipe, productVersion, referenceTime, "", trigger, node);
    }

    /**
     * Makes one product version of a recipe at one reference time and subject: its own version, or a revision
     * ({@link Revisions}) of it when the recipe remakes products whose inputs changed; nothing when it is catalogued
     * already.
     */
    public RunOutcome run(ProductRecipe recipe, String productVersion, java.time.Instant referenceTime, String subject,
                          RunTrigger trigger, String node) {
        if (!Revisions.baseVersion(productVersion).equals(recipe.version())) {
            throw new IllegalArgumentException("product version " + productVersion + " is not made by recipe "
                    + recipe.type() + " " + recipe.version());
        }
        ProductInstance instance = new ProductInstance(recipe.type(), productVersion, referenceTime, subject);
        Optional<Long> existing = repository.productId(instance);
        if (existing.isPresent()) {
            long runId = repository.startRun(instance, trigger, node, lease.lease());
            repository.finishRun(runId, RunStatus.SKIPPED, 0, null, existing.get());
            return new RunOutcome(runId, instance, RunStatus.SKIPPED, existing.get(), 0, null);
        }
        long runId = repository.startRun(instance, trigger, node, lease.lease());
        log.info("Product {} started: run {} on {}", instance.id(), runId, node);
        java.util.concurrent.ScheduledFuture<?> beating = heartbeat(runId, instance.id());
        long started = System.nanoTime();
        Path work = null;
        try {
            Files.createDirectories(workRoot);
            work = Files.createTempDirectory(workRoot, instance.type() + "-");
            InputSet inputs = recipe.inputSets().at(referenceTime, instance.subject()).orElseThrow(() -> new ChainException(
                    "no input set at " + referenceTime + (instance.subject().isEmpty() ? "" : " for " + instance.subject())
                            + " in the catalogue (" + recipe.inputSets().describe() + ")"));
            Map<Long, Path> local = fetchInputs(inputs, Files.createDirectories(work.resolve("inputs")));
            Path outputDirectory = Files.createDirectories(work.resolve("output"));
            ProductOutput output = recipe.make(inputs, outputDirectory,
                    new RecipeContext(softwareVersion, productVersion, referenceTime, local));
            List<ChainRepository.StoredOutput> stored = storeOutputs(runId, instance, output, outputDirectory);
            List<String> flags = new ArrayList<>(output.flags());
            if (!inputs.complete() && !flags.contains(MISSING_INPUTS)) {
                flags.add(MISSING_INPUTS);
            }
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            Optional<Long> productId = transaction.execute(status -> {
                if (!repository.holdRunning(runId)) {
                    throw new AbandonedRunException(runId);
                }
                Optional<Long> id = repository.insertProduct(instance, inputs, flags, parameters(recipe), output.summary(),
                        softwareVersion, durationMs, stored, output.attributes());
                repository.finishRun(runId, id.isPresent() ? RunStatus.SUCCEEDED : RunStatus.SKIPPED, durationMs, null,
                        id.orElseGet(() -> repository.productId(instance).orElse(null)));
                id.ifPresent(made -> audit.record("product.made", "product", instance.id(), null, Map.of("run", runId, "product", made, "trigger", trigger.name(), "flags", flags), durationMs + " ms"));
                return id;
            });
            if (productId.isEmpty()) {
                Long other = repository.productId(instance).orElse(null);
                return new RunOutcome(runId, instance, RunStatus.SKIPPED, other, durationMs, null);
            }
            log.info("Product {} made in {} ms (product {})", instance.id(), durationMs, productId.get());
            return new RunOutcome(runId, instance, RunStatus.SUCCEEDED, productId.get(), durationMs, null);
        } catch (Exception e) {
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            String error = describe(e);
            if (e instanceof AbandonedRunException) {
                // the lease check closed this run while it worked (a stall longer than the lease) and cleaned up what
                // it had stored then; what it stored since is deleted here, unless a catalogued product refers to it
                RunRecovery.deleteUnneeded(repository, store, runId, repository.storedKeys(runId));
            }
            repository.finishRun(runId, RunStatus.FAILED, durationMs, error, null);
            audit.record("product.failed", "product", instance.id(), null, Map.of("run", runId, "trigger", trigger.name()), error);
            log.warn("Product {} failed after {} ms: {}", instance.id(), durationMs, error);
            throw e instanceof ChainException chain ? chain : new ChainException(instance.id() + ": " + error, e);
        } finally {
            beating.cancel(false);
            deleteQuietly(work);
        }
    }

    /** A run that finds it was closed by the lease check while it worked: it must neither store nor catalogue. */
    static final class AbandonedRunException extends ChainException {
        AbandonedRunException(long runId) {
            super("run " + runId + " was abandoned while it worked (its lease expired): another run makes the product");
        }
    }

    private static Map<String, Object> parameters(ProductRecipe recipe) {
        Map<String, Object> parameters = new LinkedHashMap<>(recipe.parameters());
        parameters.putIfAbsent("inputSets", recipe.inputSets().describe());
        return parameters;
    }

    /** Copies each input out of the store, checking its bytes against the catalogue's SHA-256 and size on the way. */
    private Map<Long, Path> fetchInputs(InputSet inputs, Path directory) throws IOException {
        Map<Long, Path> local = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (InputFile input : inputs.inputs()) {
            // names come from the catalogue; keep only the last path element and make duplicates distinct
            String name = Path.of(input.fileName()).getFileName().toString();
            if (!names.add(name)) {
                name = input.observationId() + "_" + name;
                names.add(name);
            }
            Path target = directory.resolve(name);
            // the one verified read: a corrupted or truncated input fails the run with IntegrityException
            try (InputStream in = store.openVerified(input.storageKey(), input.sha256(), input.sizeBytes());
                 OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            } catch (IntegrityException mismatch) {
                throw new IntegrityException("input " + input.fileName() + " (observation " + input.observationId() + ")",
                        mismatch);
            }
            local.put(input.observationId(), target);
        }
        return local;
    }

    private List<ChainRepository.StoredOutput> storeOutputs(long runId, ProductInstance instance, ProductOutput output,
                                                            Path outputDirectory)
            throws IOException {
        if (output.files().stream().noneMatch(f -> f.role() == ProductOutput.Role.DATA)) {
            throw new ChainException("recipe " + instance.type() + " " + instance.version() + " produced no data file");
        }
        List<ChainRepository.StoredOutput> stored = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Path root = outputDirectory.toRealPath();
        for (ProductOutput.OutputFile file : output.files()) {
            Path path = file.path().toAbsolutePath().normalize();
            if (!Files.isRegularFile(path) || !path.toRealPath().startsWith(root)) {
                throw new ChainException("recipe output " + file.path() + " is not a file in the output directory");
            }
            // the name is shown and offered for saving; the storage key never contains it
            if (!file.name().matches("[^/\\\\\\p{Cntrl}]{1,200}") || file.name().startsWith(".") || !names.add(file.name())) {
                throw new ChainException("recipe output name '" + file.name() + "' is not a plain unique file name");
            }
            long size = Files.size(path);
            if (size == 0) {
                throw new ChainException("recipe output " + file.name() + " is empty");
            }
            String sha256 = Sha256.of(path);
            String name = file.name().toLowerCase(Locale.ROOT);
            String extension = name.endsWith(".fits.fz") ? ".fits.fz"
                    : name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.')) : "";
            String key = "products/" + instance.type() + "/" + instance.version().toLowerCase(Locale.ROOT) + "/" + sha256 + extension;
            // noted first: if this process dies between the put and the catalogue's commit, the recovery finds it
            if (!repository.recordStoredKey(runId, key)) {
                throw new AbandonedRunException(runId);
            }
            store.put(key, path);
            stored.add(new ChainRepository.StoredOutput(file.name(), file.role(), file.mediaType(), size, sha256, key));
        }
        return stored;
    }

    /** The exception's message, with its causes when they add something; what the Runs view shows. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": caused by ").append(message);
            }
        }
        return text.length() > 4000 ? text.substring(0, 4000) + "…" : text.toString();
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete work directory {}", directory, e);
        }
    }
}
