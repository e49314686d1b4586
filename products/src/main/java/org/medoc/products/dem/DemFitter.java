package org.medoc.products.dem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Per-pixel least-squares fit of a Gaussian DEM (Guennou et al. 2012, ApJS 203, 25) to AIA intensities, by search
 * over a {@link DemGrid} of (log Tc, σ) with the emission measure solved in closed form at every node.
 *
 * <h2>χ² with a closed-form EM</h2>
 * For a pixel with usable rates I_b, variances s_b² ({@link AiaNoiseModel}, from the observed counts, hence fixed
 * during the fit) and a node's responses K_b ({@link GaussianDemModel}), with p_b = I_b / s_b² and w_b = 1 / s_b²:
 * <pre>
 *   EM* = Σ p_b K_b / Σ w_b K_b²                       (positive, since I_b &gt; 0 and K_b &gt; 0)
 *   χ²  = Σ I_b² w_b − (Σ p_b K_b)² / Σ w_b K_b² = A − F(node)
 * </pre>
 * Minimising χ² is maximising F, i.e. the cosine between the whitened data vector a_b = I_b/s_b and the whitened
 * model vector k_b = K_b/s_b: F = A cos²θ. F does not change when K is scaled, so every node keeps only its shape
 * K̂ = K / c (c = RMS of its six responses) and EM* is divided by c afterwards.
 *
 * <h2>Search</h2>
 * {@link Search#EXHAUSTIVE} evaluates χ² at every node (14 070 on the standard grid) and keeps the smallest, the
 * lowest canonical node index winning exact ties. {@link Search#BRANCH_AND_BOUND} returns the same node with far
 * fewer evaluations: the grid is cut into blocks of 3 × 3 nodes, grouped in super-blocks of 3 × 3 blocks; for each
 * block and super-block a cone in whitened space that holds every node's model vector is precomputed — centre node c and per band Δ_b = max over the block's nodes of
 * |s_n K̂_b(n)/K̂_b(c) − 1|, with s_n = 2/(min_b r + max_b r), r_b = K̂_b(n)/K̂_b(c) the best rescaling of node n. For a
 * pixel, the model vector of any node of the block is within a ball of radius ‖e‖ ≤ √(Σ w_b K̂_b(c)² Δ_b²) around
 * k(c), so its angle to k(c) is at most r with sin r ≤ ρ = ‖e‖/‖k(c)‖, and by the triangle inequality on the sphere
 * every node of the block has √χ² ≥ √A (sin θ_c − sin r) ≥ √χ²_c − √(A·E/D) (E, D: the weighted cone radius and
 * centre norm). The bound is tested against the pruning level P as χ²_c &gt; (P + √(A·E/D))², which needs one square
 * root per block or super-block instead of two. Blocks that the cone keeps are tested again with a tighter residual
 * bound ({@link #residualPrunes}): projected on the centre's own residual ρ = a − t_c k(c), every node has
 * √χ² ≥ (χ²_c − T·H)/√χ²_c, where H bounds |ρ·e| through the block's precomputed first-order slopes and second-order
 * remainder (docs/algorithms/dem.md §3.2). The block of the previous pixel's optimum gives an incumbent; one
 * branch-free pass bounds all super-blocks (in float, with a rounding tolerance derived in {@link #boundTolerance});
 * the cone bounds of the blocks of each surviving super-block are computed in one branch-free pass and tested in turn,
 * nodes of surviving blocks are evaluated in float, and the nodes within float rounding of the float minimum
 * ({@link #nodeTolerance}) are evaluated again in double, with exactly the arithmetic of the exhaustive search. The
 * result is the exhaustive optimum up to ties below double rounding. When the JVM has the Vector API
 * ({@code --add-modules jdk.incubator.vector}), {@link #fit(DemInput)} runs the same search on tiles of neighbouring
 * pixels, one pixel per SIMD lane ({@link DemLaneSearch}, docs/algorithms/dem.md §3.3), with the same results.
 *
 * <p>Pixels with a missing, non-finite, non-positive or saturated band are fitted on the remaining bands (at least
 * {@link #MIN_BANDS}); the number of usable bands is returned with the fit. Plain Java over primitive arrays, no
 * Spring; a fitter is immutable and thread-safe, and {@link #fit(DemInput)} splits the image over threads.
 */
public final class DemFitter {

    /** Fewest usable bands for a fit: the model has three parameters. */
    public static final int MIN_BANDS = 3;
    /** Counts at or above this are treated as saturated (AIA's ADC range is 0–16 383 DN; Boerner et al. 2012). */
    public static final double DEFAULT_SATURATION_DN = 15000;

    private static final int BANDS = 6;
    private static final AiaChannel[] CHANNELS = AiaChannel.values();
    private static final int BLOCK_T = 3;
    private static final int BLOCK_W = 3;
    private static final int BLOCK_NODES = BLOCK_T * BLOCK_W;
    private static final int SUPER_T = 3;
    private static final int SUPER_W = 3;
    /** super-blocks per group of the lane search's first level, along log T and σ */
    private static final int GROUP_T = 3;
    private static final int GROUP_W = 2;
    /** doubles per block in the residual-bound table: six per-band constants × 6 */
    private static final int RESIDUAL = 6 * BANDS;

    /** How the grid is searched. */
    public enum Search { EXHAUSTIVE, BRANCH_AND_BOUND }

    /** One pixel's fit; {@code node} is the canonical grid index, −1 when not fitted. */
    public record PixelFit(int node, double logTemperature, double widthDex, double emissionMeasure, double chiSquare,
                           int bands, int nodesEvaluated) {
    }

    private final DemGrid grid;
    private final AiaNoiseModel noise;
    private final Search search;
    private final int threads;
    private final double saturationDn;
    private final SearchTables tables;
    /** pixels per SIMD pass of {@link DemLaneSearch}, 0 when the scalar search is used */
    private final int lanes;

    public DemFitter(DemGrid grid, GaussianDemModel model, AiaNoiseModel noise, Search search, int threads,
                     double saturationDn) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.grid = grid;
        this.noise = noise;
        this.search = search;
        this.threads = threads;
        this.saturationDn = saturationDn;
        this.tables = SearchTables.of(grid, model);
        this.lanes = AVAILABLE_LANES;
    }

    /**
     * Pixels per pass of the tiled search: the Vector API's preferred float length (16 with AVX-512, 8 with AVX2) when
     * the JVM runs with {@code --add-modules jdk.incubator.vector}, else 0 (scalar search, same results).
     */
    private static final int AVAILABLE_LANES = availableLanes();

    private static int availableLanes() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return 0;
        }
        try {
            return DemLaneSearch.lanes();
        } catch (LinkageError e) {
            return 0;
        }
    }

    /** Pixels fitted per SIMD pass by {@link #fit}: 0 when it searches pixel by pixel. */
    public int lanes() {
        return search == Search.BRANCH_AND_BOUND ? lanes : 0;
    }

    /** The same fitter searching pixel by pixel even when the Vector API is available (for comparisons). */
    public DemFitter withoutLanes() {
        return new DemFitter(this, search, threads, 0);
    }

    /** Standard grid and responses, pre-flight calibration term, branch-and-bound search on all processors. */
    public static DemFitter standard() {
        return new DemFitter(DemGrid.standard(), GaussianDemModel.standard(), AiaNoiseModel.standard(),
                Search.BRANCH_AND_BOUND, Runtime.getRuntime().availableProcessors(), DEFAULT_SATURATION_DN);
    }

    /** The same fitter with another search strategy (the precomputed tables are shared). */
    public DemFitter withSearch(Search other) {
        return new DemFitter(this, other, threads, lanes);
    }

    /** The same fitter on another number of threads. */
    public DemFitter withThreads(int count) {
        return new DemFitter(this, search, count, lanes);
    }

    private DemFitter(DemFitter base, Search search, int threads, int lanes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.grid = base.grid;
        this.noise = base.noise;
        this.search = search;
        this.threads = threads;
        this.saturationDn = base.saturationDn;
        this.tables = base.tables;
        this.lanes = lanes;
    }

    public DemGrid grid() {
        return grid;
    }

    public AiaNoiseModel noise() {
        return noise;
    }

    public Search search() {
        return search;
    }

    public double saturationDn() {
        return saturationDn;
    }

    /** Fits every pixel of the set. */
    public DemMaps fit(DemInput input) {
        int width = input.width();
        int height = input.height();
        float[][] em = new float[height][width];
        float[][] logT = new float[height][width];
        float[][] sigma = new float[height][width];
        float[][] chi2 = new float[height][width];
        byte[][] bands = new byte[height][width];
        float[][] rates = new float[BANDS][];
        double[] exposure = new double[BANDS];
        for (Map.Entry<AiaChannel, float[]> entry : input.rates().entrySet()) {
            rates[entry.getKey().ordinal()] = entry.getValue();
            exposure[entry.getKey().ordinal()] = input.exposureSeconds().get(entry.getKey());
        }
        int n = input.pixelsAveraged();
        // the lane search sorts each task's pixels by likeness: a wider window gives each key more pixels (64 rows
        // against 16: 2 % less CPU on the 4096² disc), still eight tasks or more per thread
        int rowsPerTask = Math.max(1, Math.min(lanes() > 0 ? 64 : 16, height / (threads * 8) + 1));
        if (lanes() > 0) {
            rowsPerTask = (rowsPerTask + TILE_ROWS - 1) / TILE_ROWS * TILE_ROWS; // whole tiles per task
        }
        if (threads == 1) {
            fitRows(0, height, width, rates, exposure, n, em, logT, sigma, chi2, bands);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "dem-fit");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> tasks = new ArrayList<>();
                for (int y0 = 0; y0 < height; y0 += rowsPerTask) {
                    int from = y0;
                    int to = Math.min(height, y0 + rowsPerTask);
                    tasks.add(pool.submit(() -> fitRows(from, to, width, rates, exposure, n, em, logT, sigma, chi2, bands)));
                }
                for (Future<?> task : tasks) {
                    task.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("DEM fit interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("DEM fit failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return new DemMaps(width, height, em, logT, sigma, chi2, bands);
    }

    private void fitRows(int from, int to, int width, float[][] rates, double[] exposure, int n, float[][] em,
                         float[][] logT, float[][] sigma, float[][] chi2, byte[][] bands) {
        if (lanes() > 0) {
            fitTiles(from, to, width, rates, exposure, n, em, logT, sigma, chi2, bands);
            return;
        }
        Workspace work = new Workspace(tables);
        double[] intensity = new double[BANDS];
        for (int y = from; y < to; y++) {
            for (int x = 0; x < width; x++) {
                int node = fitInto(work, intensityAt(rates, y * width + x, intensity), exposure, n);
                bands[y][x] = (byte) work.bands;
                if (node < 0) {
                    em[y][x] = Float.NaN;
                    logT[y][x] = Float.NaN;
                    sigma[y][x] = Float.NaN;
                    chi2[y][x] = Float.NaN;
                } else {
                    em[y][x] = (float) work.emissionMeasure;
                    logT[y][x] = (float) grid.logT(node % tables.logTCount);
                    sigma[y][x] = (float) grid.width(node / tables.logTCount);
                    chi2[y][x] = (float) work.chi;
                }
            }
        }
    }

    /** Rows of a tile of the SIMD search; its columns are lanes / 4. */
    private static final int TILE_ROWS = 4;

    /**
     * Rows [from, to) in passes of one pixel per lane ({@link DemLaneSearch}), the lanes of a pass being pixels whose
     * data look alike: the fittable pixels, taken in tiles of {@value #TILE_ROWS} rows × lanes/4 columns, are keyed by
     * the super-block whose centre node fits them best and stably sorted by that key, so a pass holds neighbouring
     * pixels of the same key. Lanes whose optima lie close together keep fewer blocks as a union than spatial
     * neighbours do (faint and off-disc neighbours disagree, docs/benchmarks.md); each lane is still searched on its
     * own and gets its own exhaustive optimum, so the grouping changes the time, not the maps.
     */
    private void fitTiles(int from, int to, int width, float[][] rates, double[] exposure, int n, float[][] em,
                          float[][] logT, float[][] sigma, float[][] chi2, byte[][] bands) {
        DemLaneSearch tile = new DemLaneSearch(tables);
        int perPass = tile.lanesPerPass();
        int columns = perPass / TILE_ROWS;
        Workspace work = new Workspace(tables);
        double[] intensity = new double[BANDS];
        int[] pixel = new int[(to - from) * width];
        int[] key = new int[pixel.length];
        int[] laneKey = new int[perPass];
        int count = 0;
        int loaded = 0;
        for (int y0 = from; y0 < to; y0 += TILE_ROWS) {
            for (int x0 = 0; x0 < width; x0 += columns) {
                for (int dy = 0; dy < TILE_ROWS && y0 + dy < to; dy++) {
                    for (int dx = 0; dx < columns && x0 + dx < width; dx++) {
                        int y = y0 + dy;
                        int x = x0 + dx;
                        int index = y * width + x;
                        bands[y][x] = (byte) weights(work, intensityAt(rates, index, intensity), exposure, n);
                        if (work.bands < MIN_BANDS) {
                            em[y][x] = Float.NaN;
                            logT[y][x] = Float.NaN;
                            sigma[y][x] = Float.NaN;
                            chi2[y][x] = Float.NaN;
                            continue;
                        }
                        tile.setLane(loaded++, work.p, work.w, work.a);
                        pixel[count++] = index;
                        if (loaded == perPass) {
                            tile.bestSuperBlocks(laneKey);
                            System.arraycopy(laneKey, 0, key, count - perPass, perPass);
                            loaded = 0;
                        }
                    }
                }
            }
        }
        if (loaded > 0) {
            for (int lane = loaded; lane < perPass; lane++) {
                tile.copyLane(0, lane);
            }
            tile.bestSuperBlocks(laneKey);
            System.arraycopy(laneKey, 0, key, count - loaded, loaded);
        }
        // stable counting sort by key: within a key the pixels keep their tile order
        int[] start = new int[tables.superCount + 1];
        for (int i = 0; i < count; i++) {
            start[key[i] + 1]++;
        }
        for (int k = 0; k < tables.superCount; k++) {
            start[k + 1] += start[k];
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[start[key[i]]++] = pixel[i];
        }
        for (int first = 0; first < count; first += perPass) {
            int used = Math.min(perPass, count - first);
            for (int lane = 0; lane < used; lane++) {
                // the weights again, with the same arithmetic: cheaper than keeping 13 doubles per pixel of the rows
                weights(work, intensityAt(rates, order[first + lane], intensity), exposure, n);
                tile.setLane(lane, work.p, work.w, work.a);
            }
            for (int lane = used; lane < perPass; lane++) {
                tile.copyLane(0, lane); // unused lanes repeat a real pixel; their results are not read
            }
            tile.search();
            for (int lane = 0; lane < used; lane++) {
                int index = order[first + lane];
                int y = index / width;
                int x = index % width;
                int node = tables.canonical[tile.position[lane]];
                em[y][x] = (float) tile.emissionMeasure(lane);
                logT[y][x] = (float) grid.logT(node % tables.logTCount);
                sigma[y][x] = (float) grid.width(node / tables.logTCount);
                chi2[y][x] = (float) Math.max(0, tile.chi[lane]);
            }
        }
    }

    private static double[] intensityAt(float[][] rates, int index, double[] intensity) {
        for (int b = 0; b < BANDS; b++) {
            intensity[b] = rates[b] == null ? Double.NaN : rates[b][index];
        }
        return intensity;
    }

    /**
     * Fits one pixel. {@code rates} are in {@link AiaChannel} order [DN s⁻¹ pix⁻¹] (NaN = band missing),
     * {@code exposureSeconds} likewise (ignored for missing bands).
     */
    public PixelFit fitPixel(double[] rates, double[] exposureSeconds, int pixelsAveraged) {
        Workspace work = new Workspace(tables);
        int node = fitInto(work, rates, exposureSeconds, pixelsAveraged);
        if (node < 0) {
            return new PixelFit(-1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, work.bands, 0);
        }
        return new PixelFit(node, grid.logT(node % tables.logTCount), grid.width(node / tables.logTCount),
                work.emissionMeasure, work.chi, work.bands, work.evaluated);
    }

    /** Weights of one pixel, then the search; returns the canonical node or −1. */
    private int fitInto(Workspace work, double[] rates, double[] exposure, int pixelsAveraged) {
        if (weights(work, rates, exposure, pixelsAveraged) < MIN_BANDS) {
            return -1;
        }
        int position = search == Search.EXHAUSTIVE ? exhaustive(work) : branchAndBound(work);
        work.emissionMeasure = tables.emissionMeasure(work.p, work.w, position);
        return tables.canonical[position];
    }

    /** p_b, w_b and A of one pixel into the workspace (0 for unusable bands); returns the number of usable bands. */
    private int weights(Workspace work, double[] rates, double[] exposure, int pixelsAveraged) {
        double[] p = work.p;
        double[] w = work.w;
        double a = 0;
        int bands = 0;
        for (int b = 0; b < BANDS; b++) {
            double rate = rates[b];
            double t = exposure[b];
            if (rate > 0 && rate < Double.POSITIVE_INFINITY && t > 0 && rate * t < saturationDn) {
                AiaChannel channel = CHANNELS[b]; // values() would copy the array for every band of every pixel
                double weight = 1 / noise.rateVariance(channel, rate, t, pixelsAveraged);
                w[b] = weight;
                p[b] = rate * weight;
                a += rate * rate * weight;
                bands++;
            } else {
                w[b] = 0;
                p[b] = 0;
            }
        }
        work.bands = bands;
        work.a = a;
        work.evaluated = 0;
        return bands;
    }

    /** Every node, in canonical order; strict improvement keeps the lowest index on ties. Returns a table position. */
    private int exhaustive(Workspace work) {
        double best = Double.POSITIVE_INFINITY;
        int bestPosition = -1;
        int nodes = tables.nodes;
        double[] chi = work.chi(nodes);
        evaluate(work, 0, nodes, chi);
        // the tables are block-major; scan in canonical order for the tie rule
        for (int canonicalIndex = 0; canonicalIndex < nodes; canonicalIndex++) {
            int position = tables.positionOf[canonicalIndex];
            if (chi[position] < best) {
                best = chi[position];
                bestPosition = position;
            }
        }
        work.chi = Math.max(0, best);
        work.evaluated = nodes;
        return bestPosition;
    }

    /** χ² of the table positions [from, to) into {@code out[from…]} — the one arithmetic both searches share. */
    private void evaluate(Workspace work, int from, int to, double[] out) {
        double[] p = work.p;
        double[] w = work.w;
        double p0 = p[0], p1 = p[1], p2 = p[2], p3 = p[3], p4 = p[4], p5 = p[5];
        double w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5];
        double a = work.a;
        double[] k0 = tables.shape[0], k1 = tables.shape[1], k2 = tables.shape[2];
        double[] k3 = tables.shape[3], k4 = tables.shape[4], k5 = tables.shape[5];
        double[] q0 = tables.shapeSquared[0], q1 = tables.shapeSquared[1], q2 = tables.shapeSquared[2];
        double[] q3 = tables.shapeSquared[3], q4 = tables.shapeSquared[4], q5 = tables.shapeSquared[5];
        for (int i = from; i < to; i++) {
            double n = p0 * k0[i] + p1 * k1[i] + p2 * k2[i] + p3 * k3[i] + p4 * k4[i] + p5 * k5[i];
            double d = w0 * q0[i] + w1 * q1[i] + w2 * q2[i] + w3 * q3[i] + w4 * q4[i] + w5 * q5[i];
            out[i] = a - n * n / d;
        }
    }

    /**
     * Float χ² of the {@value #BLOCK_NODES} slots of one block (padding slots of partial blocks give χ² = A) into
     * {@code out[block · BLOCK_NODES + i]}; returns the smallest χ² of the block's real nodes. The slot count is a
     * constant so that the JIT unrolls and vectorises the loop.
     */
    private float evaluateBlockFloat(float[] pw, float af, int block, float[] out) {
        float p0 = pw[0], p1 = pw[1], p2 = pw[2], p3 = pw[3], p4 = pw[4], p5 = pw[5];
        float w0 = pw[6], w1 = pw[7], w2 = pw[8], w3 = pw[9], w4 = pw[10], w5 = pw[11];
        float[] packed = tables.packed;
        int base = block * BLOCK_NODES * 2 * BANDS;
        int target = block * BLOCK_NODES;
        for (int i = 0; i < BLOCK_NODES; i++) {
            int at = base + i;
            float n = p0 * packed[at] + p1 * packed[at + BLOCK_NODES] + p2 * packed[at + 2 * BLOCK_NODES]
                    + p3 * packed[at + 3 * BLOCK_NODES] + p4 * packed[at + 4 * BLOCK_NODES]
                    + p5 * packed[at + 5 * BLOCK_NODES];
            float d = w0 * packed[at + 6 * BLOCK_NODES] + w1 * packed[at + 7 * BLOCK_NODES]
                    + w2 * packed[at + 8 * BLOCK_NODES] + w3 * packed[at + 9 * BLOCK_NODES]
                    + w4 * packed[at + 10 * BLOCK_NODES] + w5 * packed[at + 11 * BLOCK_NODES];
            out[target + i] = af - n * n / d;
        }
        float best = Float.POSITIVE_INFINITY;
        int real = tables.blockStart[block + 1] - tables.blockStart[block];
        for (int i = 0; i < real; i++) {
            float value = out[target + i];
            if (value < best) { // not Math.min: its NaN and −0 handling costs a serial chain of instructions
                best = value;
            }
        }
        return best;
    }

    private int branchAndBound(Workspace work) {
        SearchTables t = tables;
        float af = (float) work.a;
        float[] pw = work.floatWeights;
        for (int b = 0; b < BANDS; b++) {
            pw[b] = (float) work.p[b];
            pw[BANDS + b] = (float) work.w[b];
        }
        float p0 = pw[0], p1 = pw[1], p2 = pw[2], p3 = pw[3], p4 = pw[4], p5 = pw[5];
        float w0 = pw[6], w1 = pw[7], w2 = pw[8], w3 = pw[9], w4 = pw[10], w5 = pw[11];
        double tolerance = boundTolerance(work.a);
        float nodeTolerance = (float) nodeTolerance(work.a);
        float[] chiFloat = work.chiFloat;
        int[] visited = work.visited;
        int visits = 0;
        int evaluated = 0;

        // incumbent: the block of the previous pixel's optimum (neighbouring pixels are alike)
        int first = work.lastBlock;
        float bestFloat = evaluateBlockFloat(pw, af, first, chiFloat);
        visited[visits++] = first;
        evaluated += t.blockStart[first + 1] - t.blockStart[first];
        float pruneAbove = (float) (Math.sqrt(Math.max(0, bestFloat + nodeTolerance)) + tolerance);

        // level 1: bounds of all super-blocks in branch-free passes the JIT compiles to SIMD
        int supers = t.superCount;
        float[] nn = work.numerator;
        float[] dd = work.denominator;
        float[] ee = work.spread;
        float[] lower = work.lower;
        float[] centre = work.centre;
        float[][] c = t.superCentre;
        float[][] q = t.superCentreSquared;
        float[][] r = t.superRadius;
        float[] c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5];
        float[] q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5];
        float[] r0 = r[0], r1 = r[1], r2 = r[2], r3 = r[3], r4 = r[4], r5 = r[5];
        for (int j = 0; j < supers; j++) {
            nn[j] = p0 * c0[j] + p1 * c1[j] + p2 * c2[j] + p3 * c3[j] + p4 * c4[j] + p5 * c5[j];
        }
        for (int j = 0; j < supers; j++) {
            dd[j] = w0 * q0[j] + w1 * q1[j] + w2 * q2[j] + w3 * q3[j] + w4 * q4[j] + w5 * q5[j];
        }
        for (int j = 0; j < supers; j++) {
            ee[j] = w0 * r0[j] + w1 * r1[j] + w2 * r2[j] + w3 * r3[j] + w4 * r4[j] + w5 * r5[j];
        }
        for (int j = 0; j < supers; j++) {
            float n = nn[j];
            float invD = 1f / dd[j];
            // √A·sin(θ − r) ≥ √A·(sin θ − sin r) ≥ √χ²_c − √(A·E/D): sine is subadditive on [0, π/2]; the bound
            // exceeds P when χ²_c > (P + √(A·E/D))², so only the cone term needs a square root
            centre[j] = af - n * n * invD;
            lower[j] = (float) Math.sqrt(af * ee[j] * invD);
        }
        // a second incumbent: the block holding the best super-block centre
        int bestSuper = 0;
        for (int j = 1; j < supers; j++) {
            if (centre[j] < centre[bestSuper]) {
                bestSuper = j;
            }
        }
        int second = t.superCentreBlock[bestSuper];
        if (second != first && centre[bestSuper] < bestFloat) {
            bestFloat = Math.min(bestFloat, evaluateBlockFloat(pw, af, second, chiFloat));
            visited[visits++] = second;
            evaluated += t.blockStart[second + 1] - t.blockStart[second];
            pruneAbove = (float) (Math.sqrt(Math.max(0, bestFloat + nodeTolerance)) + tolerance);
        } else {
            second = first;
        }

        // level 2: blocks of the surviving super-blocks; level 3: their nodes, in float
        float[] cone = t.blockCone;
        double[] residuals = t.blockResidual;
        double[] p = work.p;
        double[] w = work.w;
        double a = work.a;
        double margin = boundMargin(a);
        double prune = Math.sqrt(Math.max(0, (double) bestFloat + nodeTolerance));
        float[] blockChi = work.blockChi;
        float[] blockReach = work.blockReach;
        for (int sb = 0; sb < supers; sb++) {
            float superReach = pruneAbove + lower[sb];
            if (centre[sb] > superReach * superReach) {
                continue;
            }
            // the cone bounds of the super-block's blocks in one branch-free pass, so that their independent chains
            // of sums, divisions and square roots overlap instead of each waiting for the previous block's branch
            int firstBlock = t.superStart[sb];
            int count = t.superStart[sb + 1] - firstBlock;
            for (int k = 0; k < count; k++) {
                int at = (firstBlock + k) * 3 * BANDS;
                float n = (p0 * cone[at] + p1 * cone[at + 1]) + (p2 * cone[at + 2] + p3 * cone[at + 3])
                        + (p4 * cone[at + 4] + p5 * cone[at + 5]);
                float d = (w0 * cone[at + 6] + w1 * cone[at + 7]) + (w2 * cone[at + 8] + w3 * cone[at + 9])
                        + (w4 * cone[at + 10] + w5 * cone[at + 11]);
                float e = (w0 * cone[at + 12] + w1 * cone[at + 13]) + (w2 * cone[at + 14] + w3 * cone[at + 15])
                        + (w4 * cone[at + 16] + w5 * cone[at + 17]);
                float invD = 1f / d;
                blockChi[k] = af - n * n * invD;
                blockReach[k] = (float) Math.sqrt(af * e * invD);
            }
            for (int k = 0; k < count; k++) {
                int j = firstBlock + k;
                if (j == first || j == second) {
                    continue;
                }
                // √χ²_c − √(A·E/D) > P  ⇔  χ²_c > (P + √(A·E/D))²: one square root per block instead of two
                float reach = pruneAbove + blockReach[k];
                // the residual bound X/√χ²_c ≤ √χ²_c can only prune when χ²_c > P²: skip it otherwise
                if (blockChi[k] > reach * reach
                        || blockChi[k] > prune * prune
                        && residualPrunes(residuals, j * RESIDUAL, a, p, w, prune, margin)) {
                    continue; // no node of this block can reach the incumbent
                }
                int from = t.blockStart[j];
                int to = t.blockStart[j + 1];
                float blockBest = evaluateBlockFloat(pw, af, j, chiFloat);
                visited[visits++] = j;
                evaluated += to - from;
                if (blockBest < bestFloat) {
                    bestFloat = blockBest;
                    prune = Math.sqrt(Math.max(0, (double) bestFloat + nodeTolerance));
                    pruneAbove = (float) (prune + tolerance);
                }
            }
        }

        // node stage 2, double: the nodes within the float rounding of the float minimum, with the exhaustive arithmetic
        double best = Double.POSITIVE_INFINITY;
        int bestPosition = -1;
        int bestCanonical = Integer.MAX_VALUE;
        float threshold = bestFloat + nodeTolerance;
        for (int v = 0; v < visits; v++) {
            int j = visited[v];
            int from = t.blockStart[j];
            int real = t.blockStart[j + 1] - from;
            for (int slot = 0; slot < real; slot++) {
                if (chiFloat[j * BLOCK_NODES + slot] <= threshold) {
                    int i = from + slot;
                    double value = tables.chiSquare(work.p, work.w, work.a, i);
                    if (value < best || (value == best && t.canonical[i] < bestCanonical)) {
                        best = value;
                        bestPosition = i;
                        bestCanonical = t.canonical[i];
                    }
                }
            }
        }
        work.lastBlock = t.blockOf[bestPosition];
        work.chi = Math.max(0, best);
        work.evaluated = evaluated;
        return bestPosition;
    }

    /**
     * The residual bound of one block, in double (constants from {@code SearchTables.residual} at {@code g[at…]}):
     * with the centre's N = Σ p_b C_b, D = Σ w_b C_b², E = Σ w_b (C_b Δ_b)², χ²_c = A − N²/D, t_c = N/D,
     * u_b = p_b − t_c w_b C_b, H = |Σ u_b C_b J_b^T m_T| + |Σ u_b C_b J_b^σ m_σ| + Σ |u_b| C_b Q_b and
     * T = √A / (√D − √E), every node n of the block has √χ²(n) ≥ X / √χ²_c with X = χ²_c − T·H (docs/algorithms/dem.md
     * §3.2). Returns whether that exceeds the pruning level P, tested as X &gt; 0 and X² &gt; P² χ²_c with both sides
     * moved by {@code margin} against the block.
     */
    private static boolean residualPrunes(double[] g, int at, double a, double[] p, double[] w, double prune,
                                          double margin) {
        double n = p[0] * g[at] + p[1] * g[at + 1] + p[2] * g[at + 2] + p[3] * g[at + 3] + p[4] * g[at + 4]
                + p[5] * g[at + 5];
        double d = w[0] * g[at + 6] + w[1] * g[at + 7] + w[2] * g[at + 8] + w[3] * g[at + 9] + w[4] * g[at + 10]
                + w[5] * g[at + 11];
        double invD = 1 / d;
        double tc = n * invD;
        double chi = a - n * tc;
        // u_b = w_b (I_b − t_c C_b): the centre's whitened residual times √w_b, orthogonal to the centre's model
        double u0 = p[0] - tc * w[0] * g[at];
        double u1 = p[1] - tc * w[1] * g[at + 1];
        double u2 = p[2] - tc * w[2] * g[at + 2];
        double u3 = p[3] - tc * w[3] * g[at + 3];
        double u4 = p[4] - tc * w[4] * g[at + 4];
        double u5 = p[5] - tc * w[5] * g[at + 5];
        double slopeT = u0 * g[at + 18] + u1 * g[at + 19] + u2 * g[at + 20] + u3 * g[at + 21] + u4 * g[at + 22]
                + u5 * g[at + 23];
        double slopeW = u0 * g[at + 24] + u1 * g[at + 25] + u2 * g[at + 26] + u3 * g[at + 27] + u4 * g[at + 28]
                + u5 * g[at + 29];
        double rest = Math.abs(u0) * g[at + 30] + Math.abs(u1) * g[at + 31] + Math.abs(u2) * g[at + 32]
                + Math.abs(u3) * g[at + 33] + Math.abs(u4) * g[at + 34] + Math.abs(u5) * g[at + 35];
        double h = Math.abs(slopeT) + Math.abs(slopeW) + rest;
        double e = w[0] * g[at + 12] + w[1] * g[at + 13] + w[2] * g[at + 14] + w[3] * g[at + 15] + w[4] * g[at + 16]
                + w[5] * g[at + 17];
        // T = √A / (√D − √E) = √(A/D) / (1 − √(E/D)) bounds the best EM of every node scaled as k_c + e, ‖e‖ ≤ √E
        double spread = Math.sqrt(e * invD) * (1 + 1e-12);
        if (spread >= 1) {
            return false;
        }
        double x = chi - Math.sqrt(a * invD) / (1 - spread) * h * (1 + 1e-12) - margin;
        return x > 0 && x * x > prune * prune * (chi + margin);
    }

    /**
     * Rounding margin on χ² for the double bounds: χ²_c, E, D, H are sums of six products of doubles (relative error
     * a few 10⁻¹⁶ of A, of √A·√D·max Δ and of their squares), far below 10⁻⁹ A.
     */
    static double boundMargin(double a) {
        return 1e-9 * a + 1e-300;
    }

    /**
     * Tolerance on a node's float χ²: F = N²/D in float is within 1.2·10⁻⁶ A of the exact value and A itself within
     * 6·10⁻⁸ A, so every node whose exact χ² is the minimum has a float χ² within 2.6·10⁻⁶ A of the float minimum;
     * 10⁻⁵ A (plus an absolute floor) keeps it among the nodes re-evaluated in double.
     */
    static double nodeTolerance(double a) {
        return 1e-5 * a + 1e-30;
    }

    /**
     * Tolerance on √A·sin(θ − r) for the float pass. N and D are sums of six positive float products (relative error
     * below 4·10⁻⁷ each, inputs and tables rounded to float included), so F = N²/D is within 1.2·10⁻⁶ F ≤ 1.2·10⁻⁶ A and
     * the centre χ² within δ = 4·10⁻⁶ A with margin; √χ² is then within √δ = 2·10⁻³ √A, and the cone term within a
     * few 10⁻⁶ √A. Pruning only when the bound exceeds the incumbent by 2.5·10⁻³ √A keeps the search exact.
     */
    static double boundTolerance(double a) {
        return 2.5e-3 * Math.sqrt(a);
    }

    /** Per-thread scratch. */
    private static final class Workspace {
        final double[] p = new double[BANDS];
        final double[] w = new double[BANDS];
        final float[] lower;
        final float[] centre;
        final float[] numerator;
        final float[] denominator;
        final float[] spread;
        double[] chiBuffer;
        final float[] chiFloat;
        final float[] floatWeights = new float[2 * BANDS];
        final int[] visited;
        /** the cone bounds of the blocks of one super-block */
        final float[] blockChi = new float[SUPER_T * SUPER_W];
        final float[] blockReach = new float[SUPER_T * SUPER_W];
        double a;
        int bands;
        double chi;
        double emissionMeasure;
        int evaluated;

        int lastBlock;

        Workspace(SearchTables tables) {
            lastBlock = tables.defaultBlock;
            lower = new float[tables.superCount];
            centre = new float[tables.superCount];
            numerator = new float[tables.superCount];
            denominator = new float[tables.superCount];
            spread = new float[tables.superCount];
            chiFloat = new float[tables.blockCount * BLOCK_NODES];
            visited = new int[tables.blockCount];
        }

        double[] chi(int nodes) {
            if (chiBuffer == null) {
                chiBuffer = new double[nodes];
            }
            return chiBuffer;
        }
    }

    /**
     * Node shapes in block-major order and the cones of blocks and super-blocks, computed once per (grid, responses)
     * and shared. Blocks are {@value #BLOCK_T} × {@value #BLOCK_W} nodes (log T × σ), super-blocks
     * {@value #SUPER_T} × {@value #SUPER_W} blocks; blocks are stored super-block by super-block and nodes block by
     * block, so that each level's members are contiguous.
     */
    static final class SearchTables {
        private static final Map<DemGrid, SearchTables> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        final int logTCount;
        final int nodes;
        final int blockCount;
        final int superCount;
        /** [band][position]: K̂ = K / scale */
        final double[][] shape;
        final double[][] shapeSquared;
        /** per block, contiguous: the six shapes then the six squared shapes of its nodes, in float */
        final float[] packed;
        /** [position]: c, so that K = c · K̂ */
        final double[] scale;
        /** [position] → canonical node index, and back */
        final int[] canonical;
        final int[] positionOf;
        final int[] blockOf;
        /** first position of each block (blockCount + 1 entries) */
        final int[] blockStart;
        /** first block of each super-block (superCount + 1 entries) */
        final int[] superStart;
        /** per block, 18 floats: K̂_b(c), K̂_b(c)², (K̂_b(c) Δ_b)² rounded up */
        final float[] blockCone;
        /** per block, {@value #RESIDUAL} doubles: the constants of the residual bound ({@link #residual}) */
        final double[] blockResidual;
        /** [band][super-block]: the same three quantities for the super-blocks */
        final float[][] superCentre;
        final float[][] superCentreSquared;
        final float[][] superRadius;
        final int defaultBlock;
        /** the block that holds each super-block's centre node */
        final int[] superCentreBlock;
        /**
         * The first level of the lane search: super-blocks in groups of {@value #GROUP_T} (log T) × {@value #GROUP_W}
         * (σ); group g holds super-blocks {@code groupMembers[groupStart[g] … groupStart[g + 1])}, and its cone
         * ({@code groupCone}, 18 floats as for a block) holds every node of them.
         */
        final int groupCount;
        final int[] groupStart;
        final int[] groupMembers;
        final float[] groupCone;

        /**
         * Exact χ² at table position i for the weights p_b, w_b and A of one pixel: the arithmetic of
         * {@link DemFitter#evaluate}, term for term, so that every search re-evaluates its candidates as the exhaustive
         * search does.
         */
        double chiSquare(double[] p, double[] w, double a, int i) {
            double[][] k = shape;
            double[][] q = shapeSquared;
            double n = p[0] * k[0][i] + p[1] * k[1][i] + p[2] * k[2][i] + p[3] * k[3][i] + p[4] * k[4][i]
                    + p[5] * k[5][i];
            double d = w[0] * q[0][i] + w[1] * q[1][i] + w[2] * q[2][i] + w[3] * q[3][i] + w[4] * q[4][i]
                    + w[5] * q[5][i];
            return a - n * n / d;
        }

        /** The best EM at table position i for the weights p_b, w_b of one pixel (K̂ scaled back by c). */
        double emissionMeasure(double[] p, double[] w, int i) {
            double n = 0;
            double d = 0;
            for (int b = 0; b < BANDS; b++) {
                double k = shape[b][i];
                n += p[b] * k;
                d += w[b] * k * k;
            }
            return n / d / scale[i];
        }

        static SearchTables of(DemGrid grid, GaussianDemModel model) {
            if (model.response() != AiaTemperatureResponse.standard()) {
                return new SearchTables(grid, model);
            }
            return CACHE.computeIfAbsent(grid, g -> new SearchTables(g, model));
        }

        private SearchTables(DemGrid grid, GaussianDemModel model) {
            logTCount = grid.logTCount();
            int widthCount = grid.widthCount();
            nodes = grid.nodeCount();
            double[][] responses = new double[nodes][];
            java.util.stream.IntStream.range(0, nodes).parallel().forEach(node -> responses[node] =
                    model.responsePerEmissionMeasure(grid.logT(node % logTCount), grid.width(node / logTCount)));
            int blocksT = (logTCount + BLOCK_T - 1) / BLOCK_T;
            int blocksW = (widthCount + BLOCK_W - 1) / BLOCK_W;
            int supersT = (blocksT + SUPER_T - 1) / SUPER_T;
            int supersW = (blocksW + SUPER_W - 1) / SUPER_W;
            blockCount = blocksT * blocksW;
            superCount = supersT * supersW;
            shape = new double[BANDS][nodes];
            shapeSquared = new double[BANDS][nodes];
            scale = new double[nodes];
            canonical = new int[nodes];
            positionOf = new int[nodes];
            blockOf = new int[nodes];
            blockStart = new int[blockCount + 1];
            superStart = new int[superCount + 1];
            blockCone = new float[blockCount * 3 * BANDS];
            blockResidual = new double[blockCount * RESIDUAL];
            superCentre = new float[BANDS][superCount];
            superCentreSquared = new float[BANDS][superCount];
            superRadius = new float[BANDS][superCount];
            superCentreBlock = new int[superCount];
            int position = 0;
            int block = 0;
            int superBlock = 0;
            for (int sw = 0; sw < supersW; sw++) {
                for (int st = 0; st < supersT; st++) {
                    superStart[superBlock] = block;
                    int superFirstPosition = position;
                    for (int bw = sw * SUPER_W; bw < Math.min(blocksW, (sw + 1) * SUPER_W); bw++) {
                        for (int bt = st * SUPER_T; bt < Math.min(blocksT, (st + 1) * SUPER_T); bt++) {
                            blockStart[block] = position;
                            int t0 = bt * BLOCK_T;
                            int t1 = Math.min(logTCount, t0 + BLOCK_T);
                            int w0 = bw * BLOCK_W;
                            int w1 = Math.min(widthCount, w0 + BLOCK_W);
                            for (int j = w0; j < w1; j++) {
                                for (int i = t0; i < t1; i++) {
                                    int node = grid.node(i, j);
                                    double[] k = responses[node];
                                    double sum = 0;
                                    for (double v : k) {
                                        sum += v * v;
                                    }
                                    double c = Math.sqrt(sum / BANDS);
                                    scale[position] = c;
                                    for (int b = 0; b < BANDS; b++) {
                                        shape[b][position] = k[b] / c;
                                        shapeSquared[b][position] = shape[b][position] * shape[b][position];
                                    }
                                    canonical[position] = node;
                                    positionOf[node] = position;
                                    blockOf[position] = block;
                                    position++;
                                }
                            }
                            int blockCentre = positionOf[grid.node((t0 + t1 - 1) / 2, (w0 + w1 - 1) / 2)];
                            float[] cone = cone(blockStart[block], position, blockCentre);
                            System.arraycopy(cone, 0, blockCone, block * 3 * BANDS, 3 * BANDS);
                            System.arraycopy(residual(blockStart[block], position, blockCentre), 0, blockResidual,
                                    block * RESIDUAL, RESIDUAL);
                            block++;
                        }
                    }
                    int t0 = st * SUPER_T * BLOCK_T;
                    int t1 = Math.min(logTCount, (st + 1) * SUPER_T * BLOCK_T);
                    int w0 = sw * SUPER_W * BLOCK_W;
                    int w1 = Math.min(widthCount, (sw + 1) * SUPER_W * BLOCK_W);
                    int superCentreNode = positionOf[grid.node((t0 + t1 - 1) / 2, (w0 + w1 - 1) / 2)];
                    superCentreBlock[superBlock] = blockOf[superCentreNode];
                    float[] cone = cone(superFirstPosition, position, superCentreNode);
                    for (int b = 0; b < BANDS; b++) {
                        superCentre[b][superBlock] = cone[b];
                        superCentreSquared[b][superBlock] = cone[BANDS + b];
                        superRadius[b][superBlock] = cone[2 * BANDS + b];
                    }
                    superBlock++;
                }
            }
            blockStart[blockCount] = position;
            superStart[superCount] = block;
            // BLOCK_NODES slots per block; the padding of partial blocks has K̂ = 0, K̂² = 1, so that χ² = A there
            packed = new float[blockCount * BLOCK_NODES * 2 * BANDS];
            for (int j = 0; j < blockCount; j++) {
                int from = blockStart[j];
                int m = blockStart[j + 1] - from;
                int base = j * BLOCK_NODES * 2 * BANDS;
                for (int b = 0; b < BANDS; b++) {
                    for (int i = 0; i < BLOCK_NODES; i++) {
                        packed[base + b * BLOCK_NODES + i] = i < m ? (float) shape[b][from + i] : 0f;
                        packed[base + (BANDS + b) * BLOCK_NODES + i] = i < m ? (float) shapeSquared[b][from + i] : 1f;
                    }
                }
            }
            int near = (int) Math.round((6.2 - grid.logTMin()) / grid.logTStep());
            int wide = (int) Math.round((0.1 - grid.widthMin()) / grid.widthStep());
            defaultBlock = blockOf[positionOf[grid.node(Math.max(0, Math.min(logTCount - 1, near)),
                    Math.max(0, Math.min(widthCount - 1, wide)))]];
            int groupsT = (supersT + GROUP_T - 1) / GROUP_T;
            int groupsW = (supersW + GROUP_W - 1) / GROUP_W;
            groupCount = groupsT * groupsW;
            groupStart = new int[groupCount + 1];
            groupMembers = new int[superCount];
            groupCone = new float[groupCount * 3 * BANDS];
            int member = 0;
            int group = 0;
            for (int gw = 0; gw < groupsW; gw++) {
                for (int gt = 0; gt < groupsT; gt++) {
                    groupStart[group] = member;
                    List<int[]> ranges = new ArrayList<>();
                    for (int sw = gw * GROUP_W; sw < Math.min(supersW, (gw + 1) * GROUP_W); sw++) {
                        for (int st = gt * GROUP_T; st < Math.min(supersT, (gt + 1) * GROUP_T); st++) {
                            int sb = sw * supersT + st; // super-blocks are numbered σ-major, as built above
                            groupMembers[member++] = sb;
                            ranges.add(new int[] {blockStart[superStart[sb]], blockStart[superStart[sb + 1]]});
                        }
                    }
                    int t0 = gt * GROUP_T * SUPER_T * BLOCK_T;
                    int t1 = Math.min(logTCount, (gt + 1) * GROUP_T * SUPER_T * BLOCK_T);
                    int w0 = gw * GROUP_W * SUPER_W * BLOCK_W;
                    int w1 = Math.min(widthCount, (gw + 1) * GROUP_W * SUPER_W * BLOCK_W);
                    int centre = positionOf[grid.node((t0 + t1 - 1) / 2, (w0 + w1 - 1) / 2)];
                    System.arraycopy(cone(ranges, centre), 0, groupCone, group * 3 * BANDS, 3 * BANDS);
                    group++;
                }
            }
            groupStart[groupCount] = member;
        }

        /**
         * The cone of positions [from, to) around {@code centre}: K̂_b(c), K̂_b(c)² and (K̂_b(c) Δ_b)² with
         * Δ_b = max over the nodes n of |s_n K̂_b(n)/K̂_b(c) − 1|, s_n = 2 / (min_b r + max_b r) the rescaling of n that
         * minimises the largest relative deviation. Δ is enlarged by 10⁻⁶ and the square rounded up in float.
         */
        private float[] cone(int from, int to, int centre) {
            return cone(List.of(new int[] {from, to}), centre);
        }

        /** The cone of the positions of several ranges [from, to) around {@code centre} (see above). */
        private float[] cone(List<int[]> ranges, int centre) {
            double[] delta = new double[BANDS];
            double[] ratio = new double[BANDS];
            for (int[] range : ranges) for (int at = range[0]; at < range[1]; at++) {
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                for (int b = 0; b < BANDS; b++) {
                    ratio[b] = shape[b][at] / shape[b][centre];
                    min = Math.min(min, ratio[b]);
                    max = Math.max(max, ratio[b]);
                }
                double best = 2 / (min + max);
                for (int b = 0; b < BANDS; b++) {
                    delta[b] = Math.max(delta[b], Math.abs(best * ratio[b] - 1));
                }
            }
            float[] cone = new float[3 * BANDS];
            for (int b = 0; b < BANDS; b++) {
                double kc = shape[b][centre];
                cone[b] = (float) kc;
                cone[BANDS + b] = (float) (kc * kc);
                double r = kc * delta[b] * (1 + 1e-6);
                cone[2 * BANDS + b] = Math.nextUp((float) (r * r));
            }
            return cone;
        }

        /**
         * The constants of the residual bound of the block of positions [from, to) around {@code centre},
         * {@value #RESIDUAL} doubles: per band C_b = K̂_b(c), C_b², (C_b Δ_b)², C_b J_b^T m_T, C_b J_b^σ m_σ, C_b Q_b.
         * <ul>
         * <li>ε_nb = s_n K̂_b(n)/K̂_b(c) − 1 with s_n = 2 / (min_b r + max_b r), r_b = K̂_b(n)/K̂_b(c), the rescaling of n
         * that minimises its largest relative deviation; Δ_b = max_n |ε_nb| &lt; 1.</li>
         * <li>ε_nb = λ_n + J_b^T δT_n + J_b^σ δσ_n + q_nb, δ the node's offset from c in grid steps (|δT| ≤ m_T,
         * |δσ| ≤ m_σ), J_b the least-squares slopes of ε over the group, λ_n the mid-range of the node's residuals over
         * the bands (any λ_n is allowed: it multiplies the centre's own model vector, to which the pixel's residual is
         * orthogonal), Q_b = max_n |q_nb|.</li>
         * </ul>
         * Δ and Q are enlarged by 10⁻⁶ (relative) and 10⁻¹² (absolute) to cover the rounding of these sums.
         */
        private double[] residual(int from, int to, int centre) {
            int m = to - from;
            double[][] eps = new double[m][BANDS];
            double[] dt = new double[m];
            double[] dw = new double[m];
            double[] delta = new double[BANDS];
            int ct = canonical[centre] % logTCount;
            int cw = canonical[centre] / logTCount;
            double mt = 0;
            double mw = 0;
            for (int k = 0; k < m; k++) {
                int at = from + k;
                double min = Double.POSITIVE_INFINITY;
                double max = 0;
                for (int b = 0; b < BANDS; b++) {
                    double ratio = shape[b][at] / shape[b][centre];
                    eps[k][b] = ratio;
                    min = Math.min(min, ratio);
                    max = Math.max(max, ratio);
                }
                double best = 2 / (min + max);
                for (int b = 0; b < BANDS; b++) {
                    eps[k][b] = best * eps[k][b] - 1;
                    delta[b] = Math.max(delta[b], Math.abs(eps[k][b]));
                }
                dt[k] = canonical[at] % logTCount - ct;
                dw[k] = canonical[at] / logTCount - cw;
                mt = Math.max(mt, Math.abs(dt[k]));
                mw = Math.max(mw, Math.abs(dw[k]));
            }
            double stt = 0;
            double sww = 0;
            double stw = 0;
            for (int k = 0; k < m; k++) {
                stt += dt[k] * dt[k];
                sww += dw[k] * dw[k];
                stw += dt[k] * dw[k];
            }
            double det = stt * sww - stw * stw;
            double[] slopeT = new double[BANDS];
            double[] slopeW = new double[BANDS];
            for (int b = 0; b < BANDS; b++) {
                double yt = 0;
                double yw = 0;
                for (int k = 0; k < m; k++) {
                    yt += eps[k][b] * dt[k];
                    yw += eps[k][b] * dw[k];
                }
                if (det > 1e-9) {
                    slopeT[b] = (sww * yt - stw * yw) / det;
                    slopeW[b] = (stt * yw - stw * yt) / det;
                } else if (stt > 0) {
                    slopeT[b] = yt / stt;
                } else if (sww > 0) {
                    slopeW[b] = yw / sww;
                }
            }
            double[] q = new double[BANDS];
            double[] rest = new double[BANDS];
            for (int k = 0; k < m; k++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < BANDS; b++) {
                    rest[b] = eps[k][b] - slopeT[b] * dt[k] - slopeW[b] * dw[k];
                    min = Math.min(min, rest[b]);
                    max = Math.max(max, rest[b]);
                }
                double lambda = (min + max) / 2;
                for (int b = 0; b < BANDS; b++) {
                    q[b] = Math.max(q[b], Math.abs(rest[b] - lambda));
                }
            }
            double[] out = new double[RESIDUAL];
            for (int b = 0; b < BANDS; b++) {
                double c = shape[b][centre];
                double d = delta[b] * (1 + 1e-6) + 1e-12;
                out[b] = c;
                out[BANDS + b] = c * c;
                out[2 * BANDS + b] = c * d * c * d;
                out[3 * BANDS + b] = c * slopeT[b] * mt;
                out[4 * BANDS + b] = c * slopeW[b] * mw;
                out[5 * BANDS + b] = c * (q[b] * (1 + 1e-6) + 1e-12);
            }
            return out;
        }
    }
}
