package org.medoc.products.dem;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The branch and bound of {@link DemFitter} run on several pixels at once, one pixel per SIMD lane (Vector API,
 * {@code jdk.incubator.vector}): the node tables are broadcast, a group, super-block or block is bounded for every lane
 * in one pass, and a block's nodes are evaluated for every lane when the cone bound of any lane keeps it. Each lane
 * keeps its own incumbent and pruning level, so a pixel is never pruned by another pixel's bound and its result is its
 * own exhaustive optimum: evaluating a block for a lane that did not need it only adds nodes. What a pass costs is the
 * union of what its lanes keep, so {@link DemFitter} fills the lanes with pixels that look alike
 * ({@link #bestSuperBlocks}): on a whole-disc sample a pass then evaluates 59 blocks instead of 129 for a 4 × 4 tile of
 * neighbours (docs/benchmarks.md). Three levels: groups of super-blocks ({@code SearchTables.groupCone}), super-blocks,
 * blocks. The residual bound is not applied here.
 *
 * <p>Float tolerances are those of the scalar search ({@link DemFitter#boundTolerance}, {@link DemFitter#nodeTolerance}):
 * the sums of products are formed with fused multiply-adds, one rounding per term instead of two, so the scalar
 * search's error bounds hold. The pruning level is formed in float (√ of the float incumbent plus the node tolerance,
 * plus the bound tolerance), a rounding of a few 10⁻⁷ relative, far inside the bound tolerance of 2.5·10⁻³ √A. The
 * nodes within the node tolerance of each lane's float minimum are evaluated again in double with the exhaustive
 * arithmetic, as in the scalar search. Only loaded when the {@code jdk.incubator.vector} module is in the boot layer
 * ({@link #lanes()}).
 */
final class DemLaneSearch {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int B = 6;
    /**
     * The likeness key looks at every second super-block in table order (a checkerboard over the grid): as good a
     * grouping as all of them for half the cost (whole-disc sample, one thread: 610,000 against 528,000 pixels per
     * CPU-second; every fourth: 605,000, every eighth: 575,000).
     */
    private static final int KEY_STRIDE = 2;
    private static final int NODES = 9;

    /** Lanes per pass: the preferred float vector's length, 0 when it is shorter than 8 (no gain over scalar). */
    static int lanes() {
        return S.length() >= 8 ? S.length() : 0;
    }

    private final DemFitter.SearchTables t;
    private final int l;
    private final float[][] pf;
    private final float[][] wf;
    private final float[] af;
    private final float[] nodeTol;
    private final float[] boundTol;
    private final float[] best;
    private final float[] level;
    /** [lane][band], for the exact re-evaluation shared with DemFitter */
    private final double[][] pd;
    private final double[][] wd;
    private final double[] ad;
    private final int[] visited;
    private final int[] visitStamp;
    private final float[] chiStore;
    private final float[] blockMin;
    private final int[] seeds;
    private final int[] seenAt;
    private final float[] keyFit;
    /** N, D and E of the group being bounded, per lane */
    private final float[] sumN;
    private final float[] sumD;
    private final float[] sumE;
    private final float[] keyIndex;
    /** per group and lane, [group × lanes + lane]: the cone terms χ²_c and √(A·E/D) of the super-blocks, and of the
     * blocks of the super-block being searched */
    private final float[] superCentre;
    private final float[] superLower;
    private final float[] blockCentre;
    private final float[] groupCentre;
    private final float[] groupLower;
    private final float[] blockLower;
    private final float[] threshold;
    private final int[] bestCanonical;
    private int seedCount;
    private int seedStamp;
    private int stamp;
    /** per lane after {@link #search}: the table position of the optimum and its exact χ² */
    final int[] position;
    final double[] chi;

    DemLaneSearch(DemFitter.SearchTables tables) {
        t = tables;
        l = S.length();
        pf = new float[B][l];
        wf = new float[B][l];
        af = new float[l];
        nodeTol = new float[l];
        boundTol = new float[l];
        best = new float[l];
        level = new float[l];
        pd = new double[l][B];
        wd = new double[l][B];
        ad = new double[l];
        visited = new int[t.blockCount];
        visitStamp = new int[t.blockCount];
        chiStore = new float[t.blockCount * NODES * l];
        blockMin = new float[t.blockCount * l];
        seeds = new int[l];
        seenAt = new int[t.blockCount];
        keyFit = new float[l];
        sumN = new float[l];
        sumD = new float[l];
        sumE = new float[l];
        keyIndex = new float[l];
        superCentre = new float[t.superCount * l];
        superLower = new float[t.superCount * l];
        int widest = 0;
        for (int sb = 0; sb < t.superCount; sb++) {
            widest = Math.max(widest, t.superStart[sb + 1] - t.superStart[sb]);
        }
        blockCentre = new float[widest * l];
        groupCentre = new float[t.groupCount * l];
        groupLower = new float[t.groupCount * l];
        blockLower = new float[widest * l];
        threshold = new float[l];
        bestCanonical = new int[l];
        seeds[0] = t.defaultBlock;
        seedCount = 1;
        position = new int[l];
        chi = new double[l];
    }

    /** Sets lane {@code lane}'s weights: p_b = I_b/s_b², w_b = 1/s_b² (0 for unusable bands) and A = Σ I_b² w_b. */
    void setLane(int lane, double[] p, double[] w, double a) {
        System.arraycopy(p, 0, pd[lane], 0, B);
        System.arraycopy(w, 0, wd[lane], 0, B);
        for (int b = 0; b < B; b++) {
            pf[b][lane] = (float) p[b];
            wf[b][lane] = (float) w[b];
        }
        ad[lane] = a;
        af[lane] = (float) a;
        nodeTol[lane] = (float) DemFitter.nodeTolerance(a);
        boundTol[lane] = (float) DemFitter.boundTolerance(a);
    }

    /** Gives lane {@code to} the weights of lane {@code from} (a tile's unused lanes repeat a real pixel). */
    void copyLane(int from, int to) {
        System.arraycopy(pd[from], 0, pd[to], 0, B);
        System.arraycopy(wd[from], 0, wd[to], 0, B);
        for (int b = 0; b < B; b++) {
            pf[b][to] = pf[b][from];
            wf[b][to] = wf[b][from];
        }
        ad[to] = ad[from];
        af[to] = af[from];
        nodeTol[to] = nodeTol[from];
        boundTol[to] = boundTol[from];
    }

    /** Lane {@code lane}'s best EM at its optimum, with DemFitter's arithmetic. */
    double emissionMeasure(int lane) {
        return t.emissionMeasure(pd[lane], wd[lane], position[lane]);
    }

    int lanesPerPass() {
        return l;
    }

    /** Searches every lane; results in {@link #position} and {@link #chi}. */
    void search() {
        stamp++;
        int visits = 0;
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        // incumbents: the blocks that held the previous tile's optima (neighbouring pixels are alike)
        for (int s = 0; s < seedCount; s++) {
            int j = seeds[s];
            if (visitStamp[j] != stamp) {
                visitStamp[j] = stamp;
                visited[visits] = j;
                evaluateBlock(j, visits++);
            }
        }
        updateLevel();
        // the cone terms of every group for every lane in one branch-free pass (they do not depend on the incumbent),
        // so that the chains of sums, divisions and square roots of successive groups overlap; the same for the
        // super-blocks of a kept group and the blocks of a kept super-block. Only the comparison with the level waits.
        for (int g = 0; g < t.groupCount; g++) {
            groupBound(g);
        }
        for (int g = 0; g < t.groupCount; g++) {
            if (!keeps(groupCentre, groupLower, g * l)) {
                continue;
            }
            for (int m = t.groupStart[g]; m < t.groupStart[g + 1]; m++) {
                superBound(t.groupMembers[m]);
            }
            for (int m = t.groupStart[g]; m < t.groupStart[g + 1]; m++) {
                int sb = t.groupMembers[m];
                if (!keeps(superCentre, superLower, sb * l)) {
                    continue;
                }
                int firstBlock = t.superStart[sb];
                int count = t.superStart[sb + 1] - firstBlock;
                for (int k = 0; k < count; k++) {
                    blockBound(firstBlock + k, k);
                }
                for (int k = 0; k < count; k++) {
                    int j = firstBlock + k;
                    if (visitStamp[j] == stamp || !keeps(blockCentre, blockLower, k * l)) {
                        continue;
                    }
                    visitStamp[j] = stamp;
                    visited[visits] = j;
                    evaluateBlock(j, visits++);
                    updateLevel();
                }
            }
        }
        // per lane, the nodes within float rounding of its float minimum again in double; lowest index on ties. The
        // lanes a visited block holds candidates for come from one vector compare of its minima, so the scalar pass
        // only touches (block, lane) pairs near that lane's minimum, in the same order as a lane-by-lane scan
        FloatVector.fromArray(S, best, 0).add(FloatVector.fromArray(S, nodeTol, 0)).intoArray(threshold, 0);
        Arrays.fill(chi, Double.POSITIVE_INFINITY);
        Arrays.fill(position, -1);
        Arrays.fill(bestCanonical, Integer.MAX_VALUE);
        for (int v = 0; v < visits; v++) {
            long candidates = FloatVector.fromArray(S, blockMin, v * l)
                    .compare(VectorOperators.LE, FloatVector.fromArray(S, threshold, 0)).toLong();
            if (candidates == 0) {
                continue;
            }
            int j = visited[v];
            int from = t.blockStart[j];
            int real = t.blockStart[j + 1] - from;
            do {
                int lane = Long.numberOfTrailingZeros(candidates);
                candidates &= candidates - 1;
                float laneThreshold = threshold[lane];
                for (int i = 0; i < real; i++) {
                    if (chiStore[(v * NODES + i) * l + lane] <= laneThreshold) {
                        int at = from + i;
                        double value = t.chiSquare(pd[lane], wd[lane], ad[lane], at);
                        if (value < chi[lane] || value == chi[lane] && t.canonical[at] < bestCanonical[lane]) {
                            chi[lane] = value;
                            position[lane] = at;
                            bestCanonical[lane] = t.canonical[at];
                        }
                    }
                }
            } while (candidates != 0);
        }
        // the next tile's incumbents: the blocks of these optima, once each
        seedCount = 0;
        seedStamp++;
        for (int lane = 0; lane < l; lane++) {
            int block = t.blockOf[position[lane]];
            if (seenAt[block] != seedStamp) {
                seenAt[block] = seedStamp;
                seeds[seedCount++] = block;
            }
        }
    }

    /**
     * For the lanes as set: the super-block whose centre node fits each lane best (smallest float χ²_c, the lowest
     * index on ties), into {@code out[lane]}. A cheap likeness key: pixels that share it have optima close in the grid.
     */
    void bestSuperBlocks(int[] out) {
        float[][] c = t.superCentre;
        float[][] q = t.superCentreSquared;
        for (int sb = 0; sb < t.superCount; sb += KEY_STRIDE) {
            centreInto(c[0][sb], c[1][sb], c[2][sb], c[3][sb], c[4][sb], c[5][sb],
                    q[0][sb], q[1][sb], q[2][sb], q[3][sb], q[4][sb], q[5][sb], sb);
        }
        for (int lane = 0; lane < l; lane++) {
            out[lane] = (int) keyIndex[lane];
        }
    }

    private void centreInto(float c0, float c1, float c2, float c3, float c4, float c5,
                            float q0, float q1, float q2, float q3, float q4, float q5, int sb) {
        weightedSum(pf, c0, c1, c2, c3, c4, c5, sumN);
        weightedSum(wf, q0, q1, q2, q3, q4, q5, sumD);
        FloatVector n = FloatVector.fromArray(S, sumN, 0);
        FloatVector d = FloatVector.fromArray(S, sumD, 0);
        // maximising N²/D is minimising χ²_c = A − N²/D; the first super-block starts the running best
        FloatVector fit = n.mul(n).div(d);
        if (sb == 0) {
            fit.intoArray(keyFit, 0);
            FloatVector.zero(S).intoArray(keyIndex, 0);
            return;
        }
        FloatVector best = FloatVector.fromArray(S, keyFit, 0);
        var better = fit.compare(VectorOperators.GT, best);
        best.blend(fit, better).intoArray(keyFit, 0);
        FloatVector.fromArray(S, keyIndex, 0).blend(FloatVector.broadcast(S, (float) sb), better).intoArray(keyIndex, 0);
    }

    // Each method below loads the lanes from arrays and returns no vector: vectors crossing a call that C2 does not
    // inline are boxed (measured: 114 KB allocated per 16-pixel tile when they were passed as arguments).

    private void updateLevel() {
        FloatVector.fromArray(S, best, 0).add(FloatVector.fromArray(S, nodeTol, 0)).max(0f).sqrt()
                .add(FloatVector.fromArray(S, boundTol, 0)).intoArray(level, 0);
    }

    private void superBound(int sb) {
        float[][] c = t.superCentre;
        float[][] q = t.superCentreSquared;
        float[][] r = t.superRadius;
        coneTerms(c[0][sb], c[1][sb], c[2][sb], c[3][sb], c[4][sb], c[5][sb],
                q[0][sb], q[1][sb], q[2][sb], q[3][sb], q[4][sb], q[5][sb],
                r[0][sb], r[1][sb], r[2][sb], r[3][sb], r[4][sb], r[5][sb], superCentre, superLower, sb * l);
    }

    private void groupBound(int g) {
        flatBound(t.groupCone, g, groupCentre, groupLower, g * l);
    }

    private void blockBound(int j, int k) {
        flatBound(t.blockCone, j, blockCentre, blockLower, k * l);
    }

    /** The cone terms of group {@code index} of a table of 18 floats per group (blocks, groups of super-blocks). */
    private void flatBound(float[] g, int index, float[] centre, float[] lower, int to) {
        int at = index * 3 * B;
        coneTerms(g[at], g[at + 1], g[at + 2], g[at + 3], g[at + 4], g[at + 5],
                g[at + 6], g[at + 7], g[at + 8], g[at + 9], g[at + 10], g[at + 11],
                g[at + 12], g[at + 13], g[at + 14], g[at + 15], g[at + 16], g[at + 17], centre, lower, to);
    }

    /**
     * The cone terms of one group for every lane: χ²_c = A − N²/D and √(A·E/D), with N = Σ p_b C_b, D = Σ w_b C_b²,
     * E = Σ w_b (C_b Δ_b)² (DemFitter, docs/algorithms/dem.md §3.2), into {@code centre} and {@code lower} at
     * {@code at}.
     */
    private void coneTerms(float c0, float c1, float c2, float c3, float c4, float c5,
                           float q0, float q1, float q2, float q3, float q4, float q5,
                           float r0, float r1, float r2, float r3, float r4, float r5,
                           float[] centre, float[] lower, int at) {
        weightedSum(pf, c0, c1, c2, c3, c4, c5, sumN);
        weightedSum(wf, q0, q1, q2, q3, q4, q5, sumD);
        weightedSum(wf, r0, r1, r2, r3, r4, r5, sumE);
        FloatVector n = FloatVector.fromArray(S, sumN, 0);
        FloatVector d = FloatVector.fromArray(S, sumD, 0);
        FloatVector e = FloatVector.fromArray(S, sumE, 0);
        FloatVector a = FloatVector.fromArray(S, af, 0);
        FloatVector inverse = FloatVector.broadcast(S, 1f).div(d);
        a.sub(n.mul(n).mul(inverse)).intoArray(centre, at);
        a.mul(e).mul(inverse).sqrt().intoArray(lower, at);
    }

    /** Σ_b x_b k_b for every lane (x: the lanes' p_b or w_b), a chain of fused multiply-adds, into {@code out}. */
    private void weightedSum(float[][] x, float k0, float k1, float k2, float k3, float k4, float k5, float[] out) {
        FloatVector.fromArray(S, x[5], 0).fma(FloatVector.broadcast(S, k5),
                FloatVector.fromArray(S, x[4], 0).fma(FloatVector.broadcast(S, k4),
                FloatVector.fromArray(S, x[3], 0).fma(FloatVector.broadcast(S, k3),
                FloatVector.fromArray(S, x[2], 0).fma(FloatVector.broadcast(S, k2),
                FloatVector.fromArray(S, x[1], 0).fma(FloatVector.broadcast(S, k1),
                FloatVector.fromArray(S, x[0], 0).mul(k0)))))).intoArray(out, 0);
    }

    /** Whether some lane's cone bound keeps the group: χ²_c ≤ (P + √(A·E/D))², one square root per group. */
    private boolean keeps(float[] centre, float[] lower, int at) {
        FloatVector reach = FloatVector.fromArray(S, level, 0).add(FloatVector.fromArray(S, lower, at));
        return FloatVector.fromArray(S, centre, at).compare(VectorOperators.LE, reach.mul(reach)).anyTrue();
    }

    /** Float χ² of the block's nodes for every lane into the visit's slots; lowers each lane's float incumbent. */
    private void evaluateBlock(int j, int visit) {
        float[] k = t.packed;
        int base = j * NODES * 2 * B;
        FloatVector p0 = FloatVector.fromArray(S, pf[0], 0);
        FloatVector p1 = FloatVector.fromArray(S, pf[1], 0);
        FloatVector p2 = FloatVector.fromArray(S, pf[2], 0);
        FloatVector p3 = FloatVector.fromArray(S, pf[3], 0);
        FloatVector p4 = FloatVector.fromArray(S, pf[4], 0);
        FloatVector p5 = FloatVector.fromArray(S, pf[5], 0);
        FloatVector w0 = FloatVector.fromArray(S, wf[0], 0);
        FloatVector w1 = FloatVector.fromArray(S, wf[1], 0);
        FloatVector w2 = FloatVector.fromArray(S, wf[2], 0);
        FloatVector w3 = FloatVector.fromArray(S, wf[3], 0);
        FloatVector w4 = FloatVector.fromArray(S, wf[4], 0);
        FloatVector w5 = FloatVector.fromArray(S, wf[5], 0);
        FloatVector a = FloatVector.fromArray(S, af, 0);
        FloatVector min = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        int real = t.blockStart[j + 1] - t.blockStart[j];
        for (int i = 0; i < real; i++) {
            int at = base + i;
            FloatVector n = p5.fma(FloatVector.broadcast(S, k[at + 5 * NODES]), p4.fma(FloatVector.broadcast(S, k[at + 4 * NODES]), p3.fma(FloatVector.broadcast(S, k[at + 3 * NODES]),
                    p2.fma(FloatVector.broadcast(S, k[at + 2 * NODES]), p1.fma(FloatVector.broadcast(S, k[at + NODES]), p0.mul(k[at]))))));
            FloatVector d = w5.fma(FloatVector.broadcast(S, k[at + 11 * NODES]), w4.fma(FloatVector.broadcast(S, k[at + 10 * NODES]), w3.fma(FloatVector.broadcast(S, k[at + 9 * NODES]),
                    w2.fma(FloatVector.broadcast(S, k[at + 8 * NODES]), w1.fma(FloatVector.broadcast(S, k[at + 7 * NODES]), w0.mul(k[at + 6 * NODES]))))));
            FloatVector value = a.sub(n.mul(n).div(d));
            value.intoArray(chiStore, (visit * NODES + i) * l);
            min = min.min(value);
        }
        min.intoArray(blockMin, visit * l);
        FloatVector.fromArray(S, best, 0).min(min).intoArray(best, 0);
    }
}
