package org.medoc.products.chain;

/**
 * What a node does with product chains ({@code medoc.node.role}): {@code all} (the default, one process does
 * everything) and {@code worker} execute chain tasks; {@code web} nodes only schedule them (reprocessing requests,
 * retries) and leave execution to the workers.
 */
public enum NodeRole {
    ALL, WORKER, WEB;

    public boolean executesTasks() {
        return this != WEB;
    }
}
