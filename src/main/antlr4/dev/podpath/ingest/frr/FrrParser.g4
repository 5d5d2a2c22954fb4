// FRR configuration parser: one rule per CLI node, each matching ONE line.
// FRR itself reads frr.conf line by line; a line that does not match in the current node is
// retried in the parent node, and the node moves there on success
// (lib/command.c command_config_read_one_line / cmd_execute_command_real, FRR 8.4.4).
// FrrConfigParser (Java) keeps the node stack and picks the entry rule; this grammar only
// says which lines exist in which node. Rule names follow Batfish: s_* = CONFIG node
// statements, rb_* = `router bgp` node, rbafi_* = ipv4/ipv6 unicast address family,
// rbafe_* = l2vpn evpn, rm_* = route-map entry, vrf_*, if_*, vty_*. `*_null` rules are
// syntax FRR accepts that podpath parses and deliberately ignores.
parser grammar FrrParser;

options { tokenVocab = FrrLexer; }

// Any single word, keyword or not (names may collide with keywords).
variable: ~EOF;

ip_version: IP | IPV6;

// ---------------------------------------------------------------- ENABLE node (after a top-level exit)
enable_line: CONFIGURE TERMINAL? EOF;

// ---------------------------------------------------------------- CONFIG node
config_line
:
  (
    s_frr_version
    | s_frr_defaults
    | s_hostname
    | s_vrf
    | s_interface
    | s_static_route
    | s_router_bgp
    | s_prefix_list
    | s_as_path_access_list
    | s_community_list
    | s_route_map
    | s_nht_resolve_via_default
    | s_line_vty
    | s_end
    | s_exit
    | s_null
  ) EOF
;

s_frr_version: FRR VERSION variable+;
s_frr_defaults: FRR DEFAULTS variable+;
s_hostname: HOSTNAME variable;
s_vrf: VRF name = variable;
s_interface: INTERFACE name = variable (VRF vrf = variable)?;

// staticd/static_vty.c ip_route / ip_route_blackhole / ipv6_route...: gateway, interface,
// gateway + interface, Null0 (an INTERFACE named null0, any case), reject|blackhole; the
// words after the prefix ([mask] [gateway] [interface]) are sorted out by FrrConfigBuilder.
s_static_route
:
  NO? ip_version ROUTE prefix = variable words += WORD* sr_flag = (BLACKHOLE | REJECT)? sr_option*
;

sr_option
:
  TAG NUMBER
  | distance = NUMBER
  | VRF vrf = variable
  | LABEL variable
  | TABLE NUMBER
  | NEXTHOP_VRF variable
  | ONLINK
;

s_router_bgp: ROUTER BGP (asn = NUMBER ((VRF | VIEW) vrf = variable)?)?;

// lib/filter_cli.c ip_prefix_list / ipv6_prefix_list
s_prefix_list
:
  ip_version PREFIX_LIST name = variable
  (
    (SEQ seq = NUMBER)? action = (PERMIT | DENY)
    (ANY | prefix = variable (GE ge = NUMBER)? (LE le = NUMBER)? (GE ge2 = NUMBER)?)
    | pl_null
  )
;

pl_null: DESCRIPTION variable* | SEQUENCE_NUMBER;

// bgpd/bgp_filter.c bgp_as_path
s_as_path_access_list: BGP AS_PATH ACCESS_LIST name = variable (SEQ NUMBER)? action = (PERMIT | DENY) regex = variable+;

// bgpd/bgp_vty.c bgp_community_list_standard / _expanded (also numbered lists)
s_community_list
:
  BGP COMMUNITY_LIST kind = (STANDARD | EXPANDED)? name = variable (SEQ NUMBER)?
  action = (PERMIT | DENY) values += variable+
;

// lib/routemap_cli.c route_map
s_route_map: ROUTE_MAP name = variable action = (PERMIT | DENY) seq = NUMBER;

// zebra: resolve next hops via the default route
s_nht_resolve_via_default: ip_version NHT RESOLVE_VIA_DEFAULT;

s_line_vty: LINE VTY;
s_end: END;
s_exit: EXIT;

s_null
:
  LOG variable*
  | NO? SERVICE variable+
  | NO? ip_version FORWARDING
  | DEBUG variable*
  | NO? ENABLE? PASSWORD variable*
  | AGENTX
  | ip_version PROTOCOL variable ROUTE_MAP variable // zebra "ip protocol bgp route-map X" (set src)
;

// ---------------------------------------------------------------- vrf NAME
vrf_line
:
  (
    vrf_vni
    | s_static_route
    | vrf_exit
    | s_nht_resolve_via_default
  ) EOF
;

vrf_vni: VNI vni = NUMBER variable?;
vrf_exit: EXIT_VRF | EXIT;

// ---------------------------------------------------------------- interface NAME
if_line
:
  (
    if_address
    | if_vrf
    | if_exit
    | if_null
  ) EOF
;

if_address: ip_version ADDRESS address = variable;
if_vrf: VRF name = variable;
if_exit: EXIT;
if_null: DESCRIPTION variable* | NO? SHUTDOWN | IPV6 WORD variable*; // ipv6 nd ...: not modelled

// ---------------------------------------------------------------- line vty
vty_line: (EXEC_TIMEOUT NUMBER NUMBER? | NO? LOGIN | ip_version? ACCESS_CLASS variable | EXIT) EOF;

// ---------------------------------------------------------------- router bgp ASN [vrf NAME]
rb_line
:
  (
    rb_router_id
    | rb_ebgp_requires_policy
    | rb_default_af
    | rb_default_local_preference
    | rb_network_import_check
    | rb_bestpath
    | rb_always_compare_med
    | rb_deterministic_med
    | rb_allow_martian_nexthop
    | rb_disable_ebgp_connected_route_check
    | rb_cluster_id
    | rb_listen_range
    | rb_listen_limit
    | rb_neighbor
    | rb_no_neighbor
    | rb_address_family
    | rb_exit
    | rb_null
  ) EOF
;

rb_router_id: BGP ROUTER_ID id = variable;
rb_ebgp_requires_policy: NO? BGP EBGP_REQUIRES_POLICY;
// bgp_vty.c bgp_default_afi_safi: [no] bgp default <ipv4-unicast|ipv6-unicast|l2vpn-evpn|...>
rb_default_af: NO? BGP DEFAULT af = (IPV4_UNICAST | IPV6_UNICAST | L2VPN_EVPN | WORD);
rb_default_local_preference: BGP DEFAULT LOCAL_PREFERENCE NUMBER;
rb_network_import_check: NO? BGP NETWORK IMPORT_CHECK variable?;
rb_bestpath
:
  NO? BGP BESTPATH
  (
    AS_PATH (MULTIPATH_RELAX variable? | IGNORE | CONFED)
    | COMPARE_ROUTERID
    | MED variable+
    | PEER_TYPE MULTIPATH_RELAX
    | variable+
  )
;
rb_always_compare_med: NO? BGP ALWAYS_COMPARE_MED;
rb_deterministic_med: NO? BGP DETERMINISTIC_MED;
// bgp_vty.c bgp_allow_martian (BGP_NODE; new in FRR 8.4)
rb_allow_martian_nexthop: NO? BGP ALLOW_MARTIAN_NEXTHOP;
rb_disable_ebgp_connected_route_check: NO? BGP DISABLE_EBGP_CONNECTED_ROUTE_CHECK;
rb_cluster_id: BGP CLUSTER_ID variable;
rb_listen_range: BGP LISTEN RANGE range = variable PEER_GROUP group = variable;
rb_listen_limit: BGP LISTEN LIMIT NUMBER;

rb_neighbor
:
  NEIGHBOR peer = variable
  (
    rbn_remote_as
    | rbn_peer_group_define
    | rbn_peer_group_member
    | rbn_interface
    | rbn_update_source
    | rbn_ebgp_multihop
    | rbn_disable_connected_check
    | rbn_passive
    | rbn_timers
    | rbn_timers_connect
    | rbn_password
    | rbn_capability_extended_nexthop
    | rbn_shutdown
    | rbn_local_as
    | rbn_port
    | rbn_null
    | rbafi_neighbor_tail // hidden ipv4-unicast commands in the BGP node (bgp_vty.c *_hidden_cmd)
  )
;

rbn_remote_as: REMOTE_AS remote_as;
remote_as: asn = NUMBER | INTERNAL | EXTERNAL;
rbn_peer_group_define: PEER_GROUP;
rbn_peer_group_member: PEER_GROUP group = variable;
// bgp_vty.c neighbor_interface_config: neighbor WORD interface [v6only] [peer-group PG] [remote-as ...]
rbn_interface: INTERFACE V6ONLY? (PEER_GROUP group = variable)? (REMOTE_AS remote_as)?;
rbn_update_source: UPDATE_SOURCE source = variable;
rbn_ebgp_multihop: EBGP_MULTIHOP hops = NUMBER?;
rbn_disable_connected_check: DISABLE_CONNECTED_CHECK;
rbn_passive: PASSIVE;
rbn_timers: TIMERS keepalive = NUMBER hold = NUMBER;
rbn_timers_connect: TIMERS CONNECT seconds = NUMBER;
rbn_password: PASSWORD variable+;
rbn_capability_extended_nexthop: CAPABILITY EXTENDED_NEXTHOP;
rbn_shutdown: SHUTDOWN variable*;
rbn_local_as: LOCAL_AS asn = NUMBER (NO_PREPEND REPLACE_AS?)?;
rbn_port: PORT NUMBER;
rbn_null
:
  DESCRIPTION variable*
  | BFD variable*
  | ENFORCE_FIRST_AS
  | SENDER_AS_PATH_LOOP_DETECTION
  | TTL_SECURITY variable*
;

rb_no_neighbor: NO NEIGHBOR peer = variable rbafi_no_neighbor_tail;

rb_address_family
:
  ADDRESS_FAMILY
  (
    afi = (IPV4 | IPV6) (safi = UNICAST | other = variable)?
    | L2VPN EVPN
  )
;

rb_exit: EXIT;

rb_null
:
  NO? BGP
  (
    LOG_NEIGHBOR_CHANGES
    | HARD_ADMINISTRATIVE_RESET
    | GRACEFUL_RESTART variable*
    | GRACEFUL_SHUTDOWN
    | SUPPRESS_DUPLICATES
    | FAST_CONVERGENCE
  )
  | COALESCE_TIME NUMBER
  | NO? TIMERS BGP NUMBER NUMBER
;

// ---------------------------------------------------------------- address-family ipv4|ipv6 unicast
rbafi_line: (rbafi_statement | rbafi_peer_group_hidden) EOF;

rbafi_statement
:
  (
    rbafi_neighbor
    | rbafi_no_neighbor
    | rbafi_network
    | rbafi_redistribute
    | rbafi_maximum_paths
    | rbafi_import_vrf
    | rbafi_exit
  )
;

rbafi_neighbor: NEIGHBOR peer = variable rbafi_neighbor_tail;
rbafi_no_neighbor: NO NEIGHBOR peer = variable rbafi_no_neighbor_tail;
rbafi_no_neighbor_tail: ACTIVATE | NEXT_HOP_SELF FORCE? | ROUTE_REFLECTOR_CLIENT | SOFT_RECONFIGURATION INBOUND;
// bgp_vty.c neighbor_set_peer_group_hidden_cmd, installed in the ipv4/ipv6 unicast nodes (not evpn)
rbafi_peer_group_hidden: NEIGHBOR peer = variable PEER_GROUP group = variable;

rbafi_neighbor_tail
:
  rbafin_activate
  | rbafin_route_map
  | rbafin_prefix_list
  | rbafin_filter_list
  | rbafin_next_hop_self
  | rbafin_route_reflector_client
  | rbafin_soft_reconfiguration
  | rbafin_allowas_in
  | rbafin_attribute_unchanged
  | rbafin_weight
  | rbafin_default_originate
  | rbafin_maximum_prefix
  | rbafin_nexthop_local_unchanged
  | rbafin_remove_private_as
  | rbafin_null
;

rbafin_activate: ACTIVATE;
rbafin_route_map: ROUTE_MAP name = variable direction = (IN | OUT);
rbafin_prefix_list: PREFIX_LIST name = variable direction = (IN | OUT);
rbafin_filter_list: FILTER_LIST name = variable direction = (IN | OUT);
rbafin_next_hop_self: NEXT_HOP_SELF (FORCE | ALL)?;
rbafin_route_reflector_client: ROUTE_REFLECTOR_CLIENT;
rbafin_soft_reconfiguration: SOFT_RECONFIGURATION INBOUND;
rbafin_allowas_in: ALLOWAS_IN (count = NUMBER | ORIGIN)?;
rbafin_attribute_unchanged: ATTRIBUTE_UNCHANGED unchanged_attr*;
unchanged_attr: AS_PATH | NEXT_HOP | MED;
rbafin_weight: WEIGHT NUMBER;
rbafin_default_originate: DEFAULT_ORIGINATE (ROUTE_MAP variable)?;
rbafin_maximum_prefix: MAXIMUM_PREFIX NUMBER variable*;
rbafin_nexthop_local_unchanged: NEXTHOP_LOCAL UNCHANGED;
rbafin_remove_private_as: REMOVE_PRIVATE_AS variable*;
rbafin_null: SEND_COMMUNITY variable?;

rbafi_network: NETWORK prefix = variable (ROUTE_MAP route_map = variable)?;
rbafi_redistribute: REDISTRIBUTE protocol = variable (METRIC metric = NUMBER | ROUTE_MAP route_map = variable)*;
rbafi_maximum_paths: MAXIMUM_PATHS IBGP? paths = NUMBER variable?;
rbafi_import_vrf: IMPORT VRF (ROUTE_MAP variable | name = variable);
rbafi_exit: EXIT_ADDRESS_FAMILY | EXIT;

// ---------------------------------------------------------------- address-family l2vpn evpn
rbafe_line
:
  (
    rbafe_neighbor
    | rbafe_advertise_all_vni
    | rbafe_advertise
    | rbafe_default_originate
    | rbafe_null
    | rbafi_exit
  ) EOF
;

rbafe_neighbor: NEIGHBOR peer = variable (ACTIVATE | ROUTE_MAP variable (IN | OUT));
rbafe_advertise_all_vni: ADVERTISE_ALL_VNI;
rbafe_advertise: ADVERTISE afi = (IPV4 | IPV6) UNICAST variable*;
rbafe_default_originate: DEFAULT_ORIGINATE (IPV4 | IPV6);
rbafe_null: ROUTE_TARGET variable+ | AUTORT variable* | RD variable;

// ---------------------------------------------------------------- route-map NAME permit|deny N
rm_line
:
  (
    rm_match
    | rm_set
    | rm_on_match
    | rm_call
    | rm_continue
    | rm_description
    | rm_exit
  ) EOF
;

rm_match
:
  MATCH
  (
    rmm_ip_prefix_list
    | rmm_ip_next_hop
    | rmm_ip_access_list
    | rmm_as_path
    | rmm_community
    | rmm_source_protocol
    | rmm_origin
    | rmm_peer
    | rmm_local_preference
    | rmm_metric
    | rmm_tag
    | rmm_interface
  )
;

rmm_ip_prefix_list: ip_version ADDRESS PREFIX_LIST name = variable;
rmm_ip_access_list: ip_version ADDRESS name = variable;
rmm_ip_next_hop: ip_version NEXT_HOP (PREFIX_LIST name = variable | ADDRESS address = variable | WORD variable? );
rmm_as_path: AS_PATH name = variable;
rmm_community: COMMUNITY name = variable EXACT_MATCH?;
rmm_source_protocol: SOURCE_PROTOCOL protocol = variable;
rmm_origin: ORIGIN variable;
rmm_peer: PEER variable;
rmm_local_preference: LOCAL_PREFERENCE NUMBER;
rmm_metric: METRIC NUMBER;
rmm_tag: TAG NUMBER;
rmm_interface: INTERFACE variable;

rm_set
:
  SET
  (
    rms_local_preference
    | rms_metric
    | rms_as_path_prepend
    | rms_as_path_exclude
    | rms_community
    | rms_large_community
    | rms_ipv6_next_hop
    | rms_ip_next_hop
    | rms_weight
    | rms_origin
    | rms_src
    | rms_tag
  )
;

rms_local_preference: LOCAL_PREFERENCE value = variable;
rms_metric: METRIC value = variable;
rms_as_path_prepend: AS_PATH PREPEND (LAST_AS NUMBER | NUMBER+);
rms_as_path_exclude: AS_PATH EXCLUDE variable+;
rms_community: COMMUNITY variable+;
rms_large_community: LARGE_COMMUNITY variable+;
rms_ipv6_next_hop: IPV6 NEXT_HOP (GLOBAL address = variable | LOCAL address = variable | PREFER_GLOBAL | PEER_ADDRESS);
rms_ip_next_hop: IP NEXT_HOP (PEER_ADDRESS | UNCHANGED | address = variable);
rms_weight: WEIGHT NUMBER;
rms_origin: ORIGIN variable;
rms_src: SRC variable;
rms_tag: TAG NUMBER;

rm_on_match: ON_MATCH (NEXT | GOTO NUMBER);
rm_call: CALL name = variable;
rm_continue: CONTINUE NUMBER?;
rm_description: DESCRIPTION variable*;
rm_exit: EXIT;
