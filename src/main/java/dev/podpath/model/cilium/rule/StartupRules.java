package dev.podpath.model.cilium.rule;

import java.util.List;

/**
 * Every startup rule, in the order the chart and the agent apply them: chart render-time fails,
 * then option parsing (pkg/option/config.go Populate/Validate), then daemon initEnv, then the
 * kube-proxy-replacement initialisation. Order matters because overrides feed later checks.
 */
public final class StartupRules {

  public static final List<StartupRule> ALL = List.of(
      new HelmInvalidKubeProxyReplacement(),
      new HelmIpv4NativeRoutingCidrRequired(),
      new HelmIpv6NativeRoutingCidrRequired(),
      new InvalidRoutingMode(),
      new NativeRoutingCidrWrongFamily(),
      new MasqueradeFollowsIpFamily(),
      new DirectRoutingSkipUnreachableNeedsAdnr(),
      new AdnrWithoutIpv4NativeRoutingCidr(),
      new AdnrWithoutIpv6NativeRoutingCidr(),
      new IpamRequiresPodCidr(),
      new NegativeMtu(),
      new EniIpamWithIpv6(),
      new Ipv4NativeRoutingCidrRequired(),
      new Ipv6NativeRoutingCidrRequired(),
      new NoIpFamily(),
      new AdnrWithTunnel(),
      new IpamModeInTunnelMode(),
      new EndpointRoutesDisableLocalNodeRoute(),
      new InvalidKubeProxyReplacement(),
      new KubeProxyReplacementForcesSocketLb(),
      new SocketLbHostnsOnlyWithoutSocketLb(),
      new NoKubeProxyReplacementForcesLegacyHostRouting(),
      new DsrWithVxlanTunnel(),
      new DsrTunnelNeedsGeneveDispatch(),
      new DsrGeneveDispatchNeedsGeneveTunnel(),
      new BpfHostRoutingNeedsBpfMasquerade());

  private StartupRules() {}
}
