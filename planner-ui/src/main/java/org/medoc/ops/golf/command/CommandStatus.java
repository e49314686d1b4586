package org.medoc.ops.golf.command;

/** A command request's life: requested, approved (or rejected) by someone else, sent, verified; or cancelled. */
public enum CommandStatus { REQUESTED, APPROVED, REJECTED, SENT, VERIFIED, CANCELLED }
