package dev.podpath.controlplane.cilium;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stand-in for a TCP-MD5 password Cilium reads from a Secret (key "password",
 * reconcilerv2/neighbor.go getPeerPassword). Secrets are not part of a snapshot, so the digest is
 * of the Secret's NAME: two Cilium peers naming the same Secret compare equal, and a comparison
 * with a daemon's literal password always differs.
 */
final class PeerPassword {

  private PeerPassword() {}

  static String digestOfSecretName(String secretName) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(("k8s-secret:" + secretName).getBytes(StandardCharsets.UTF_8));
      return "secret-name-sha256:" + HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
