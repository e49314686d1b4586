package org.medoc.products.dem;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The branch and bound of {@link DemFitter} run on a tile of neighbouring pixels at once, one pixel per SIMD lane
 * (Vector API, {@code jdk.incubator.vector}): the node tables are broadcast, a super-block or block is bounded for
 * every lane in one pass, and a block's nodes are evaluated for every lane when the cone bound of any lane keeps it.
 * Each lane keeps its own incumbent and pruning level, so a pixel is never pruned by another pixel's bound and its
 * result is its own exhaustive optimum: evaluating a block for a lane that did not need it only adds nodes. Tiles are
 * 4 rows × (lanes / 4) columns; neighbouring pixels keep 36 super-blocks and 92 blocks as a 4 × 4 union against 15 and
 * 18 one by one (docs/benchmarks.md, "DemUnionProbe"), so a tile costs about 2.4 and 5 times one pixel's groups for 16
 * pixels. The residual bound is not applied here.
 *
 * <p>Float tolerances are those of the scalar search ({@link DemFitter#boundTolerance}, {@link DemFitter#nodeTolerance});
 * the pruning level is formed in float (√ of the float incumbent plus the node tolerance, plus the bound tolerance),
 * a rounding of a few 10⁻⁷ relative, far inside the bound tolerance of 2.5·10⁻³ √A. The nodes within the node
 * tolerance of each lane's float minimum are evaluated again in double with the exhaustive arithmetic, as in the scalar
 * search. Only loaded when the {@code jdk.incubator.vector} module is in the boot layer ({@link #lanes()}).
 */
final class DemLaneSearch {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int B = 6;
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
    private int seedCount;
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
        for (int sb = 0; sb < t.superCount; sb++) {
            if (!superKeeps(sb)) {
                continue;
            }
            for (int j = t.superStart[sb]; j < t.superStart[sb + 1]; j++) {
                if (visitStamp[j] == stamp || !blockKeeps(j)) {
                    continue;
                }
                visitStamp[j] = stamp;
                visited[visits] = j;
                evaluateBlock(j, visits++);
                updateLevel();
            }
        }
        // per lane, the nodes within float rounding of its float minimum again in double; lowest index on ties
        seedCount = 0;
        for (int lane = 0; lane < l; lane++) {
            float threshold = best[lane] + nodeTol[lane];
            double bestChi = Double.POSITIVE_INFINITY;
            int bestPosition = -1;
            int bestCanonical = Integer.MAX_VALUE;
            for (int v = 0; v < visits; v++) {
                if (blockMin[v * l + lane] > threshold) {
                    continue;
                }
                int j = visited[v];
                int from = t.blockStart[j];
                int real = t.blockStart[j + 1] - from;
                for (int i = 0; i < real; i++) {
                    if (chiStore[(v * NODES + i) * l + lane] <= threshold) {
                        int at = from + i;
                        double value = t.chiSquare(pd[lane], wd[lane], ad[lane], at);
                        if (value < bestChi || value == bestChi && t.canonical[at] < bestCanonical) {
                            bestChi = value;
                            bestPosition = at;
                            bestCanonical = t.canonical[at];
                        }
                    }
                }
            }
            position[lane] = bestPosition;
            chi[lane] = bestChi;
            int block = t.blockOf[bestPosition];
            boolean known = false;
            for (int s = 0; s < seedCount; s++) {
                known |= seeds[s] == block;
            }
            if (!known) {
                seeds[seedCount++] = block;
            }
        }
    }

    // Each method below loads the lanes from arrays and returns no vector: vectors crossing a call that C2 does not
    // inline are boxed (measured: 114 KB allocated per 16-pixel tile when they were passed as arguments).

    private void updateLevel() {
        FloatVector.fromArray(S, best, 0).add(FloatVector.fromArray(S, nodeTol, 0)).max(0f).sqrt()
                .add(FloatVector.fromArray(S, boundTol, 0)).intoArray(level, 0);
    }

    private boolean superKeeps(int sb) {
        float[][] c = t.superCentre;
        float[][] q = t.superCentreSquared;
        float[][] r = t.superRadius;
        return coneKeeps(c[0][sb], c[1][sb], c[2][sb], c[3][sb], c[4][sb], c[5][sb],
                q[0][sb], q[1][sb], q[2][sb], q[3][sb], q[4][sb], q[5][sb],
                r[0][sb], r[1][sb], r[2][sb], r[3][sb], r[4][sb], r[5][sb]);
    }

    private boolean blockKeeps(int j) {
        float[] g = t.blockCone;
        int at = j * 3 * B;
        return coneKeeps(g[at], g[at + 1], g[at + 2], g[at + 3], g[at + 4], g[at + 5],
                g[at + 6], g[at + 7], g[at + 8], g[at + 9], g[at + 10], g[at + 11],
                g[at + 12], g[at + 13], g[at + 14], g[at + 15], g[at + 16], g[at + 17]);
    }

    /**
     * χ²_c ≤ (P + √(A·E/D))² for some lane, with N = Σ p_b C_b, D = Σ w_b C_b², E = Σ w_b (C_b Δ_b)², χ²_c = A − N²/D
     * (DemFitter, docs/algorithms/dem.md §3.2).
     */
    private boolean coneKeeps(float c0, float c1, float c2, float c3, float c4, float c5,
                              float q0, float q1, float q2, float q3, float q4, float q5,
                              float r0, float r1, float r2, float r3, float r4, float r5) {
        FloatVector n = FloatVector.fromArray(S, pf[0], 0).mul(c0)
                .add(FloatVector.fromArray(S, pf[1], 0).mul(c1))
                .add(FloatVector.fromArray(S, pf[2], 0).mul(c2))
                .add(FloatVector.fromArray(S, pf[3], 0).mul(c3))
                .add(FloatVector.fromArray(S, pf[4], 0).mul(c4))
                .add(FloatVector.fromArray(S, pf[5], 0).mul(c5));
        FloatVector d = FloatVector.fromArray(S, wf[0], 0).mul(q0)
                .add(FloatVector.fromArray(S, wf[1], 0).mul(q1))
                .add(FloatVector.fromArray(S, wf[2], 0).mul(q2))
                .add(FloatVector.fromArray(S, wf[3], 0).mul(q3))
                .add(FloatVector.fromArray(S, wf[4], 0).mul(q4))
                .add(FloatVector.fromArray(S, wf[5], 0).mul(q5));
        FloatVector e = FloatVector.fromArray(S, wf[0], 0).mul(r0)
                .add(FloatVector.fromArray(S, wf[1], 0).mul(r1))
                .add(FloatVector.fromArray(S, wf[2], 0).mul(r2))
                .add(FloatVector.fromArray(S, wf[3], 0).mul(r3))
                .add(FloatVector.fromArray(S, wf[4], 0).mul(r4))
                .add(FloatVector.fromArray(S, wf[5], 0).mul(r5));
        FloatVector a = FloatVector.fromArray(S, af, 0);
        FloatVector inverse = FloatVector.broadcast(S, 1f).div(d);
        FloatVector centre = a.sub(n.mul(n).mul(inverse));
        FloatVector reach = FloatVector.fromArray(S, level, 0).add(a.mul(e).mul(inverse).sqrt());
        return centre.compare(VectorOperators.LE, reach.mul(reach)).anyTrue();
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
            FloatVector n = p0.mul(k[at]).add(p1.mul(k[at + NODES])).add(p2.mul(k[at + 2 * NODES]))
                    .add(p3.mul(k[at + 3 * NODES])).add(p4.mul(k[at + 4 * NODES])).add(p5.mul(k[at + 5 * NODES]));
            FloatVector d = w0.mul(k[at + 6 * NODES]).add(w1.mul(k[at + 7 * NODES])).add(w2.mul(k[at + 8 * NODES]))
                    .add(w3.mul(k[at + 9 * NODES])).add(w4.mul(k[at + 10 * NODES])).add(w5.mul(k[at + 11 * NODES]));
            FloatVector value = a.sub(n.mul(n).div(d));
            value.intoArray(chiStore, (visit * NODES + i) * l);
            min = min.min(value);
        }
        min.intoArray(blockMin, visit * l);
        FloatVector.fromArray(S, best, 0).min(min).intoArray(best, 0);
    }
}
