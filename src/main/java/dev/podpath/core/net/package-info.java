/** IP addresses and prefixes as compact values (parsing validated by the IPAddress library). */
package dev.podpath.core.net;
