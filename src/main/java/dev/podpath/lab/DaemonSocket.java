package dev.podpath.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks a daemon through its own control socket, without starting a client process: BIRD's
 * {@code bird.ctl} (what birdc talks to) and FRR's {@code bgpd.vty} (what vtysh talks to). Both
 * sockets are files in the run directory, so no namespace needs entering. birdc and vtysh cost
 * 5-45 ms of CPU per call (vtysh connects to every daemon of the host); polling twelve hosts every
 * second with them loaded a 2-core machine more than the daemons did. Both answers are byte for
 * byte what the client prints ({@code DaemonSocketLabTest}).
 */
final class DaemonSocket {

  private DaemonSocket() {}

  /**
   * One BIRD command; returns the text birdc prints for it. BIRD 2.0 client protocol (BIRD
   * client/client.c server_got_reply, doc "Remote control"): lines "DDDD-text" (more follow) or
   * "DDDD text" (last line), " text" continues the previous code; birdc prints text without the
   * code and nothing for code 0000.
   */
  static String bird(Path ctl, String command, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel ch = open(ctl, deadline);
        LineReader in = new LineReader(ch, deadline, ctl)) {
      String hello = in.line(); // "0001 BIRD 2.0.12 ready."
      if (!hello.startsWith("0001 ")) {
        throw new LabFailedException("unexpected greeting from " + ctl + ": " + hello);
      }
      ByteBuffer send = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
      while (send.hasRemaining()) {
        ch.write(send);
      }
      // birdc prints the greeting too ("BIRD 2.0.12 ready."); the parsers skip it.
      StringBuilder out = new StringBuilder(hello.substring(5)).append('\n');
      while (true) {
        String line = in.line();
        if (line.startsWith(" ")) {
          out.append(line, 1, line.length()).append('\n');
        } else if (line.length() > 4 && line.substring(0, 4).chars().allMatch(Character::isDigit)
            && (line.charAt(4) == ' ' || line.charAt(4) == '-')) {
          int code = Integer.parseInt(line.substring(0, 4));
          if (code != 0) {
            out.append(line, 5, line.length()).append('\n');
          }
          if (line.charAt(4) == ' ') {
            // 8xxx run-time errors and 9xxx syntax errors end the reply (BIRD doc "Remote control").
            if (code >= 8000) {
              throw new LabFailedException("bird (" + ctl + ") refused \"" + command + "\": " + line.substring(5));
            }
            return out.toString();
          }
        } else {
          out.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new LabFailedException("cannot ask bird at " + ctl + " \"" + command + "\": " + e.getMessage(), e);
    }
  }

  /**
   * One FRR command on a daemon's vty socket; returns what vtysh prints. FRR lib/vty.c
   * vtysh_read / vtysh/vtysh.c vtysh_client_run: the command is sent with its terminating NUL,
   * the answer ends with three NUL bytes and a status byte (0 = success).
   */
  static String frr(Path vty, String command, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel ch = open(vty, deadline)) {
      byte[] cmd = command.getBytes(StandardCharsets.UTF_8);
      ByteBuffer send = ByteBuffer.allocate(cmd.length + 1).put(cmd).put((byte) 0).flip();
      while (send.hasRemaining()) {
        ch.write(send);
      }
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      ch.configureBlocking(false);
      try (java.nio.channels.Selector sel = java.nio.channels.Selector.open()) {
        ch.register(sel, java.nio.channels.SelectionKey.OP_READ);
        while (true) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            throw new LabFailedException("FRR at " + vty + " did not answer \"" + command + "\" within " + timeout.toSeconds() + " s");
          }
          sel.select(left);
          sel.selectedKeys().clear();
          buf.clear();
          int n = ch.read(buf);
          if (n < 0) {
            throw new LabFailedException("FRR at " + vty + " closed the connection while answering \"" + command + "\"");
          }
          got.write(buf.array(), 0, n);
          byte[] all = got.toByteArray();
          int len = all.length;
          if (len >= 4 && all[len - 4] == 0 && all[len - 3] == 0 && all[len - 2] == 0) {
            int status = all[len - 1];
            String text = new String(all, 0, len - 4, StandardCharsets.UTF_8);
            if (status != 0) {
              throw new LabFailedException("FRR at " + vty + " refused \"" + command + "\" (status " + status + "): " + text.strip());
            }
            return text;
          }
        }
      }
    } catch (IOException e) {
      throw new LabFailedException("cannot ask FRR at " + vty + " \"" + command + "\": " + e.getMessage(), e);
    }
  }

  /**
   * Connects, retrying while the daemon has bound its socket file but does not listen yet
   * ("Connection refused" right after start-up under load; lab, seed 59, 2026-11-26).
   */
  private static SocketChannel open(Path socket, long deadline) throws IOException {
    for (int attempt = 0; ; attempt++) {
      // a failed connect closes the channel: a fresh one per attempt
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
        return ch;
      } catch (java.net.ConnectException e) {
        ch.close();
        if (attempt >= 20 || System.nanoTime() > deadline) {
          throw e;
        }
        DaemonStarter.sleep(100);
      }
    }
  }

  /** Reads '\n'-terminated lines from a non-blocking channel through a selector, giving up at the deadline. */
  private static final class LineReader implements AutoCloseable {
    private final SocketChannel ch;
    private final java.nio.channels.Selector sel;
    private final long deadline;
    private final Path where;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> ready = new ArrayList<>();

    LineReader(SocketChannel ch, long deadline, Path where) throws IOException {
      this.ch = ch;
      this.deadline = deadline;
      this.where = where;
      ch.configureBlocking(false);
      this.sel = java.nio.channels.Selector.open();
      ch.register(sel, java.nio.channels.SelectionKey.OP_READ);
    }

    @Override
    public void close() throws IOException {
      sel.close();
    }

    String line() throws IOException {
      while (ready.isEmpty()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new LabFailedException("bird at " + where + " did not answer in time");
        }
        sel.select(left);
        sel.selectedKeys().clear();
        buf.clear();
        int n = ch.read(buf);
        if (n < 0) {
          throw new LabFailedException("bird at " + where + " closed the connection");
        }
        for (int i = 0; i < n; i++) {
          byte b = buf.get(i);
          if (b == '\n') {
            ready.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(b);
          }
        }
      }
      return ready.remove(0);
    }
  }
}
