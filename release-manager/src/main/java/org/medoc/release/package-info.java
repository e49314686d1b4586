/**
 * DOI-minted data releases (draft, frozen, published, withdrawn), BagIt packages and landing pages. Built by the
 * release-manager issue; this package marks the module's place in the reactor until then.
 */
package org.medoc.release;
