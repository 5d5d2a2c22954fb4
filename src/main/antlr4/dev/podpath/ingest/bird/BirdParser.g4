parser grammar BirdParser;

// BIRD 2 configuration grammar (subset that matters for podpath), Batfish-style: rules are named
// by stanza prefix (s_ top-level statement, p_ protocol item, c_ channel item, b_ BGP item,
// k_ kernel item, st_ static item, f_ filter statement, e_ expression). Syntax that BIRD accepts
// but podpath ignores is parsed by explicit *_null rules. Anything else falls into an
// *_unrecognized rule (last alternative, chosen only when nothing else matches), which the
// builder reports as a warning with file:line and the line's text.
// Sources: CZ-NIC/bird v2.0.12 conf/confbase.Y, nest/config.Y, filter/config.Y,
// proto/bgp/config.Y, proto/static/config.Y, sysdep/unix/krt.Y, sysdep/linux/netlink.Y.

options { tokenVocab = BirdLexer; }

@members {
  /** Whether the next tokens spell one of the phrases (space-separated words). */
  boolean phrase(String... phrases) {
    for (String p : phrases) {
      String[] words = p.split(" ");
      boolean ok = true;
      for (int i = 0; i < words.length && ok; i++) {
        ok = _input.LT(i + 1).getText().equals(words[i]);
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  boolean nettypeWord() {
    return phrase("vpn4", "vpn6", "roa4", "roa6", "flow4", "flow6", "mpls", "aspa", "evpn");
  }
}

bird_config: statement* EOF;

statement
:
  s_router_id
  | s_define
  | s_log_null
  | s_debug_null
  | s_timeformat_null
  | s_attribute_null
  | s_table
  | s_filter
  | s_function
  | s_protocol
  | s_protocol_other
  | s_include
  | s_empty
  | s_unrecognized
;

// ---- top level --------------------------------------------------------------------------

s_router_id: ROUTER ID (IPV4_ADDR | DEC | FROM iface_patt_list) SEMICOLON;

s_define: DEFINE name EQ expr SEMICOLON;

// log "file" [size "backup"] | syslog [name x] | stderr  all | { classes }
s_log_null: LOG (STRING (DEC STRING)? | SYSLOG (WORD STRING)? | STDERR) (ALL | LBRACE null_words RBRACE) SEMICOLON;

s_debug_null: DEBUG (PROTOCOLS | WORD) (ALL | OFF | LBRACE null_words RBRACE) SEMICOLON;

s_timeformat_null: TIMEFORMAT (ROUTE | PROTOCOL | WORD | LOG) (STRING (DEC STRING)? | WORD+) SEMICOLON;

s_attribute_null: ATTRIBUTE WORD name SEMICOLON;

null_words: (~(LBRACE | RBRACE | SEMICOLON))*;

// ipv4 table t4; ipv6 table t6 sorted; (nettype words such as vpn4 are WORDs)
s_table: nettype TABLE name SORTED? (LBRACE brace_body RBRACE)? SEMICOLON?;

nettype: IPV4 | IPV6 | {nettypeWord()}? WORD;

// handled by the token source (lexical, like BIRD); seen here only when it could not be expanded
s_include: INCLUDE STRING SEMICOLON;

s_empty: SEMICOLON;

s_unrecognized: unrecognized_tokens (SEMICOLON | brace_block SEMICOLON?);

unrecognized_tokens: (~(SEMICOLON | LBRACE | RBRACE))+;

brace_block: LBRACE brace_body RBRACE;

brace_body: (~(LBRACE | RBRACE) | brace_block)*;

// ---- filters and functions --------------------------------------------------------------

s_filter: FILTER name filter_body;

s_function: FUNCTION name LPAREN (f_arg (SEMICOLON f_arg)*)? RPAREN (ARROW type_ref)? filter_body;

f_arg: type_ref name;

// BIRD 2.0: variable declarations may precede the block (function_vars in filter/config.Y)
filter_body: f_var_decl* LBRACE f_statement* RBRACE;

type_ref: WORD WORD?;

f_statement
:
  f_if
  | f_block
  | f_accept
  | f_reject
  | f_return
  | f_print_null
  | f_case
  | f_var_decl
  | f_assign
  | f_method
  | f_unset
  | f_call
  | f_empty
  | f_unrecognized
;

f_if: IF expr THEN f_statement (ELSE f_statement)?;

f_block: LBRACE f_statement* RBRACE;

f_accept: ACCEPT (expr (COMMA expr)*)? SEMICOLON;

f_reject: REJECT (expr (COMMA expr)*)? SEMICOLON;

f_return: RETURN expr? SEMICOLON;

f_print_null: (PRINT | PRINTN) expr (COMMA expr)* SEMICOLON;

f_case: CASE expr LBRACE f_case_arm* RBRACE;

f_case_arm: (f_case_label (COMMA f_case_label)* | ELSE) COLON f_statement*;

f_case_label: expr (DOTDOT expr)?;

f_var_decl: type_ref name (EQ expr)? SEMICOLON;

f_assign: attr_name EQ expr SEMICOLON;

// bgp_path.prepend(65000); bgp_community.add((65000,1)); .delete(...); .filter(...); .empty;
f_method: attr_name DOT member (LPAREN expr RPAREN)? SEMICOLON;

f_unset: UNSET LPAREN attr_name RPAREN SEMICOLON;

f_call: name LPAREN (expr (COMMA expr)*)? RPAREN SEMICOLON;

// BIRD 2.0.12 and 2.18 have no empty command: `if x then { accept; };` is a syntax error there
f_empty: SEMICOLON;

f_unrecognized: (~(SEMICOLON | LBRACE | RBRACE | COLON | ELSE))+ (SEMICOLON | f_block);

// ---- expressions -----------------------------------------------------------------------

expr
:
  LPAREN expr RPAREN                                  # e_paren
  | e_literal                                         # e_lit
  | expr DOT member (LPAREN (expr (COMMA expr)*)? RPAREN)?  # e_member
  | name LPAREN (expr (COMMA expr)*)? RPAREN          # e_call
  | FILTER LPAREN expr COMMA expr RPAREN              # e_filter_call
  | ADD LPAREN expr COMMA expr RPAREN                 # e_add_call
  | attr_name                                         # e_ref
  | BANG expr                                         # e_not
  | MINUS expr                                        # e_neg
  | expr (STAR | SLASH) expr                          # e_mul
  | expr (PLUS | MINUS) expr                          # e_add
  | expr (EQ | EQEQ | NEQ | LT | GT | LE | GE | TILDE | NTILDE) expr  # e_cmp
  | expr AND expr                                     # e_and
  | expr OR expr                                      # e_or
;

e_literal
:
  prefix_literal                                      # l_prefix
  | IPV4_ADDR                                              # l_ipv4
  | IPV6_ADDR                                              # l_ipv6
  | DEC                                               # l_dec
  | HEXNUM                                            # l_hex
  | STRING                                            # l_string
  | (TRUE | FALSE | ON | OFF | YES | NO)              # l_bool
  | LPAREN expr COMMA expr RPAREN                     # l_pair
  | LPAREN expr COMMA expr COMMA expr RPAREN          # l_lc
  | LBRACKET EQ path_mask_item* EQ RBRACKET           # l_path_mask
  | LBRACKET (set_item (COMMA set_item)*)? RBRACKET   # l_set
  | (EMPTY_CLIST | EMPTY_ECLIST | EMPTY_LCLIST | EMPTY_PATH)  # l_empty
;

prefix_literal: (IPV4_ADDR | IPV6_ADDR) SLASH DEC;

path_mask_item: DEC DOTDOT DEC | DEC | STAR | QUESTION | name | LPAREN expr RPAREN | LBRACKET set_item (COMMA set_item)* RBRACKET;

set_item
:
  prefix_literal (PLUS | MINUS | LBRACE DEC COMMA DEC RBRACE)?   # si_prefix
  | LPAREN pair_part COMMA pair_part (COMMA pair_part)? RPAREN    # si_pair
  | set_elem (DOTDOT set_elem)?                                  # si_value
;

// (123, *), (123, 5..20): BIRD manual "Data types" pair sets
pair_part: set_elem (DOTDOT set_elem)?;

set_elem: STAR | DEC | HEXNUM | IPV4_ADDR | IPV6_ADDR | name | LPAREN expr RPAREN;

// route attributes (net, source, bgp_path...), variables, constants and enum values are symbols;
// the builder resolves which is which
attr_name: name | FROM | SOURCE | PREFERENCE | WEIGHT | ONLINK | TABLE | METRIC | GATEWAY;

member: WORD | ADD | FILTER;


// ---- protocols -------------------------------------------------------------------------

s_protocol
:
  (PROTOCOL | TEMPLATE)
  (
    DEVICE name? from_template? LBRACE p_device_item* RBRACE
    | DIRECT name? from_template? LBRACE p_direct_item* RBRACE
    | KERNEL name? from_template? LBRACE p_kernel_item* RBRACE
    | STATIC name? from_template? LBRACE p_static_item* RBRACE
    | BGP name? from_template? LBRACE p_bgp_item* RBRACE
  )
  SEMICOLON?
;

// protocol bfd / ospf / pipe / rpki ...: known to BIRD, not modelled by podpath
s_protocol_other: (PROTOCOL | TEMPLATE) WORD name? from_template? brace_block SEMICOLON?;

from_template: FROM name;

p_common
:
  p_disabled
  | p_description_null
  | p_debug_null
  | p_router_id
  | p_vrf
  | p_channel
  | p_empty
;

p_disabled: DISABLED bool_value? SEMICOLON;

p_description_null: DESCRIPTION STRING SEMICOLON;

p_debug_null: DEBUG (ALL | OFF | LBRACE null_words RBRACE | null_words) SEMICOLON;

p_router_id: ROUTER ID IPV4_ADDR SEMICOLON;

p_vrf: VRF (STRING | DEFAULT) SEMICOLON;

p_empty: SEMICOLON;

p_unrecognized: unrecognized_tokens (SEMICOLON | brace_block SEMICOLON?);

bool_value: ON | OFF | YES | NO | TRUE | FALSE | DEC;

p_device_item: p_common | d_scan_time | d_interface_null | p_unrecognized;

d_scan_time: SCAN TIME DEC SEMICOLON;

d_interface_null: INTERFACE iface_patt_list (LBRACE brace_body RBRACE)? SEMICOLON;

p_direct_item: p_common | di_interface | di_check_link_null | p_unrecognized;

di_interface: INTERFACE iface_patt_list SEMICOLON;

di_check_link_null: CHECK LINK bool_value? SEMICOLON;

iface_patt_list: iface_patt (COMMA iface_patt)*;

iface_patt: MINUS? (STRING prefix_literal? | prefix_literal);

p_kernel_item
:
  p_common
  | k_learn
  | k_persist
  | k_scan_time
  | k_merge_paths
  | k_kernel_table
  | k_metric
  | k_graceful_null
  | k_netlink_null
  | p_unrecognized
;

// `learn all` exists only since BIRD 2.14 (NEWS); the builder checks the version
k_learn: LEARN (bool_value | ALL)? SEMICOLON;

k_persist: PERSIST bool_value? SEMICOLON;

k_scan_time: SCAN TIME DEC SEMICOLON;

k_merge_paths: MERGE PATHS bool_value? (LIMIT DEC)? SEMICOLON;

k_kernel_table: KERNEL TABLE DEC SEMICOLON;

k_metric: METRIC DEC SEMICOLON;

k_graceful_null: {phrase("graceful restart")}? WORD WORD bool_value? SEMICOLON;

k_netlink_null: {phrase("netlink rx buffer")}? WORD WORD WORD DEC SEMICOLON;

p_static_item: p_common | st_route | st_check_link_null | st_igp_table | p_unrecognized;

st_route: ROUTE prefix_literal st_dest (LBRACE f_statement* RBRACE)? SEMICOLON;

st_dest
:
  st_via+                                               # st_dest_via
  | RECURSIVE (IPV4_ADDR | IPV6_ADDR)                              # st_dest_recursive
  | (BLACKHOLE | DROP)                                  # st_dest_blackhole
  | (UNREACHABLE | REJECT)                              # st_dest_unreachable
  | PROHIBIT                                            # st_dest_prohibit
;

st_via: VIA ((IPV4_ADDR | IPV6_ADDR) (PERCENT name)? | STRING) (ONLINK bool_value? | WEIGHT DEC | WORD bool_value?)*;

st_check_link_null: CHECK LINK bool_value? SEMICOLON;

st_igp_table: IGP TABLE name SEMICOLON;

p_bgp_item
:
  p_common
  | b_local
  | b_neighbor
  | b_neighbor_range
  | b_passive
  | b_multihop
  | b_direct
  | b_interface
  | b_source_address
  | b_hold_time
  | b_keepalive_time
  | b_connect_retry_time
  | b_rr_client
  | b_allow_local_as
  | b_password
  | b_default
  | b_check_link_null
  | b_option_null
  | p_unrecognized
;

b_local: LOCAL ((IPV4_ADDR | IPV6_ADDR) (PERCENT name)?)? (PORT const_int | AS const_int)* SEMICOLON;

b_neighbor: NEIGHBOR (IPV4_ADDR | IPV6_ADDR) (PERCENT name)? (PORT const_int | AS const_int | INTERNAL | EXTERNAL)* SEMICOLON;

b_neighbor_range: NEIGHBOR RANGE prefix_literal (PORT const_int | AS const_int | INTERNAL | EXTERNAL)* SEMICOLON;

b_passive: PASSIVE bool_value? SEMICOLON;

b_multihop: MULTIHOP const_int? SEMICOLON;

b_direct: DIRECT SEMICOLON;

b_interface: INTERFACE STRING SEMICOLON;

b_source_address: SOURCE ADDRESS (IPV4_ADDR | IPV6_ADDR) SEMICOLON;

b_hold_time: HOLD TIME const_int SEMICOLON;

b_keepalive_time: KEEPALIVE TIME const_int SEMICOLON;

b_connect_retry_time: CONNECT RETRY TIME const_int SEMICOLON;

b_rr_client: RR CLIENT bool_value? SEMICOLON;

b_allow_local_as: ALLOW LOCAL AS const_int? SEMICOLON;

b_password: PASSWORD STRING SEMICOLON;

// default bgp_med N; default bgp_local_pref N (proto/bgp/config.Y)
b_default: DEFAULT WORD const_int SEMICOLON;

b_check_link_null: CHECK LINK bool_value? SEMICOLON;

// options BIRD accepts that do not change podpath's outcome (timers, capabilities, BFD...)
b_option_null
:
  {phrase("bfd", "ttl security", "enable route refresh", "enable as4", "enable extended messages",
    "graceful restart", "long lived", "capabilities", "advertise hostname", "advertise ipv4",
    "strict bind", "interpret communities", "deterministic med", "med metric", "igp metric",
    "path metric", "prefer older", "enforce first as", "dynamic name", "rs client", "rr cluster id",
    "connect delay time", "error wait time", "error forget time", "start delay time",
    "startup hold time", "allow bgp_local_pref", "allow bgp_med", "allow as sets", "local role",
    "require", "setkey", "min", "max", "hold", "keepalive", "send hold", "free bind", "onlink",
    "confederation")}?
  (~SEMICOLON)+ SEMICOLON
;

// a number or a define'd constant, e.g. `local as NODE_AS`
const_int: DEC | HEXNUM | name | LPAREN expr RPAREN;

// ---- channels --------------------------------------------------------------------------

p_channel: nettype WORD? (LBRACE c_item* RBRACE)? SEMICOLON;

c_item
:
  c_table
  | c_import
  | c_export
  | c_import_limit
  | c_export_limit
  | c_receive_limit
  | c_preference
  | c_import_keep_filtered_null
  | c_next_hop_self
  | c_next_hop_keep
  | c_next_hop_address
  | c_gateway
  | c_extended_next_hop
  | c_add_paths
  | c_igp_table
  | c_option_null
  | c_empty
  | c_unrecognized
;

c_table: TABLE name SEMICOLON;

c_import: IMPORT imexport SEMICOLON;

c_export: EXPORT imexport SEMICOLON;

imexport
:
  ALL                                                   # ie_all
  | NONE                                                # ie_none
  | FILTER name                                         # ie_filter_name
  | FILTER filter_body                                  # ie_filter_inline
  | WHERE expr                                          # ie_where
;

c_import_limit: IMPORT LIMIT (DEC | OFF) (ACTION WORD)? SEMICOLON;

c_export_limit: EXPORT LIMIT (DEC | OFF) (ACTION WORD)? SEMICOLON;

c_receive_limit: RECEIVE LIMIT (DEC | OFF) (ACTION WORD)? SEMICOLON;

c_preference: PREFERENCE const_int SEMICOLON;

c_import_keep_filtered_null: IMPORT KEEP FILTERED bool_value? SEMICOLON;

c_next_hop_self: NEXT HOP SELF (bool_value | IBGP | EBGP)? SEMICOLON;

c_next_hop_keep: NEXT HOP KEEP (bool_value | IBGP | EBGP)? SEMICOLON;

c_next_hop_address: NEXT HOP ADDRESS (IPV4_ADDR | IPV6_ADDR) SEMICOLON;

c_gateway: GATEWAY (DIRECT | RECURSIVE) SEMICOLON;

c_extended_next_hop: EXTENDED NEXT HOP bool_value? SEMICOLON;

c_add_paths: ADD PATHS (bool_value | RX | TX)? SEMICOLON;

c_igp_table: IGP TABLE name SEMICOLON;

// channel options that do not change podpath's outcome; `require add paths` needs 2.15+
c_option_null
:
  {phrase("secondary", "mandatory", "graceful restart", "long lived", "import table", "export table",
    "aigp", "cost", "next hop prefer", "require add paths", "rpki reload", "debug", "receive limit",
    "igp table", "missing lladdr", "link local next hop format", "min", "max")}?
  (~(SEMICOLON | LBRACE | RBRACE))+ SEMICOLON
;

c_empty: SEMICOLON;

c_unrecognized: unrecognized_tokens (SEMICOLON | brace_block SEMICOLON?);

// ---- names -----------------------------------------------------------------------------

// a symbol; BIRD reserves its keywords, these few are commonly used as names and accepted
name: WORD | QSYM;
