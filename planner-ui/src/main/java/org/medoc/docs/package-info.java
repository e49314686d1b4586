/** The user guides of {@code docs/}, rendered inside the application. */
package org.medoc.docs;
