package dev.podpath.dataplane;

import dev.podpath.core.SourceRef;
import dev.podpath.dataplane.Arrival.FromPod;
import dev.podpath.dataplane.Arrival.LocalOut;
import dev.podpath.dataplane.FlowSpec.Source;
import dev.podpath.dataplane.HopResult.Delivered;
import dev.podpath.dataplane.HopResult.Ended;

/**
 * One path of one flow: the request from its source to delivery (choosing backend number
 * {@code choice} wherever a load balancer picks one), then the reply back to the client, which
 * must arrive carrying the address the client's socket is connected to.
 */
final class Walk {

  private final WalkState st;
  private final HopWalker hopper;
  private final ClientStart start;

  Walk(DatapathSettings s, ForwardingTables t, ServiceTable services, Endpoints eps, int choice) {
    this.st = new WalkState(s, t, services, eps, choice);
    this.hopper = new HopWalker(st);
    this.start = new ClientStart(st, hopper);
  }

  Service service() {
    return st.service;
  }

  PathTrace run(FlowSpec flow) {
    HopResult req = start.request(flow);
    if (!(req instanceof Delivered d)) {
      Ended e = (Ended) req;
      Packet last = st.forward.isEmpty() ? null : st.forward.get(st.forward.size() - 1).after();
      boolean inModel = last != null && (st.eps.pod(last.dst()).isPresent() || st.t.ownerOf(last.dst()).isPresent());
      return new PathTrace(st.backend, st.forward, st.reply, e.disposition(), Direction.REQUEST, e.host(), inModel);
    }
    st.dir = Direction.REPLY;
    Packet r = d.packet().reversed();
    r = hopper.dsrReverse(d.host(), d.pod() != null, r);
    HopResult back = hopper.hops(d.host(), d.pod() != null ? new FromPod(d.pod().name()) : new LocalOut(), r);
    return finishReply(flow, back);
  }

  private PathTrace finishReply(FlowSpec flow, HopResult back) {
    Source src = flow.source();
    if (back instanceof Ended e) {
      boolean outsideClient = src instanceof Source.Outside;
      if (outsideClient && e.disposition() == Disposition.EXITS_NETWORK) {
        return checkHeader(st.lastStep().after(), e.host());
      }
      return new PathTrace(st.backend, st.forward, st.reply, e.disposition(), Direction.REPLY, e.host(), true);
    }
    Delivered d = (Delivered) back;
    boolean atClient;
    if (src instanceof Source.Pod pod) {
      atClient = d.pod() != null && d.pod().address().equals(pod.address());
    } else if (src instanceof Source.HostProcess hp) {
      atClient = d.pod() == null && d.host().equals(hp.host());
    } else if (src instanceof Source.Router r) {
      atClient = d.pod() == null && d.host().equals(r.host());
    } else {
      atClient = false;
    }
    if (!atClient) {
      st.add(d.host(), Step.Kind.DROP, "walk", "reply delivered on " + d.host() + ", not to the client " + src, d.packet(),
          d.packet(), SourceRef.NONE);
      return new PathTrace(st.backend, st.forward, st.reply, Disposition.INSUFFICIENT_INFO, Direction.REPLY, d.host(), true);
    }
    return checkHeader(d.packet(), d.host());
  }

  /** The reply must come from the address the client's socket is connected to. */
  private PathTrace checkHeader(Packet got, String host) {
    if (got.src().equals(st.clientView.dst()) && got.srcPort() == st.clientView.dstPort()
        && got.dst().equals(st.clientView.src())) {
      return new PathTrace(st.backend, st.forward, st.reply, Disposition.ACCEPTED, Direction.REPLY, host, true);
    }
    st.add(host, Step.Kind.DROP, "client socket", "reply " + got + " does not match the connection " + st.clientView
        + " (no reverse NAT on this path)", got, got, SourceRef.NONE);
    return new PathTrace(st.backend, st.forward, st.reply, Disposition.REPLY_NOT_REVERSE_NATED, Direction.REPLY, host, true);
  }
}
