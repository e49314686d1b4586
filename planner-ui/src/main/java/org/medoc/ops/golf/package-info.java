/**
 * SoHO/GOLF instrument operations (PLANNING.md §10.5, §13; docs/golf-operations.md): modes ({@code mode}),
 * housekeeping catalogue, limits, imports and plots ({@code hk}), alarms ({@code alarm}), the operations log and
 * public chronology ({@code log}), anomalies and data gaps ({@code anomaly}), command requests ({@code command}).
 * Owns the {@code ops} schema; Vaadin-free: views live in {@code org.medoc.ui.golf}.
 */
package org.medoc.ops.golf;
