/** `podpath fix`: searches edits of the operator's own files and proves each candidate with a full `check`. */
package dev.podpath.analysis.fix;
