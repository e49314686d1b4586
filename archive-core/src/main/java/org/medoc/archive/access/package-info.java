/** Who may see what: the one visibility rule of observations and products ({@link org.medoc.archive.access.Visibility}). */
package org.medoc.archive.access;
