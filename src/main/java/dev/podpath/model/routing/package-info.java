/**
 * Vendor-independent routing values shared by the control plane and the data plane: BGP
 * attributes and routes, and Linux kernel routes.
 */
package dev.podpath.model.routing;
