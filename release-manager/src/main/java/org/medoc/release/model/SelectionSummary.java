package org.medoc.release.model;


import java.util.List;

/** A draft's selection right now: how many files, how many bytes, the first files, and what is wrong with it. */
public record SelectionSummary(long fileCount, long totalBytes, List<ReleaseFile> preview, List<ValidationProblem> problems) {}
