/** Questions about a snapshot: `check`, intents, what-if, fixes. Uses every earlier stage. */
package dev.podpath.analysis;
