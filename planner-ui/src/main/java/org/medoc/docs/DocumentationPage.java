package org.medoc.docs;

/**
 * One guide of the Documentation area.
 *
 * @param name  the page's path inside {@code docs/} without {@code .md} ({@code planning}, {@code algorithms/dem})
 * @param title its first level-1 heading
 * @param html  the rendered page, one {@code <div>} element with raw HTML of the source escaped
 */
public record DocumentationPage(String name, String title, String html) {}
