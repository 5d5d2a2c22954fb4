lexer grammar BirdLexer;

// BIRD 2 configuration lexer. Token shapes follow BIRD's own lexer (conf/cf-lex.l in CZ-NIC/bird
// v2.0.12): '#' and C comments, IPv6 literals need '::' or three colons, numbers are decimal or 0x hex.
// Keywords are reserved as in BIRD; the parser's name rules accept the soft ones where BIRD does.


ROUTER: 'router';
ID: 'id';
FROM: 'from';
DEFINE: 'define';
LOG: 'log';
SYSLOG: 'syslog';
STDERR: 'stderr';
DEBUG: 'debug';
PROTOCOLS: 'protocols';
TIMEFORMAT: 'timeformat';
TABLE: 'table';
SORTED: 'sorted';
FILTER: 'filter';
FUNCTION: 'function';
PROTOCOL: 'protocol';
TEMPLATE: 'template';
INCLUDE: 'include';
ATTRIBUTE: 'attribute';
IPV4: 'ipv4';
IPV6: 'ipv6';
DEVICE: 'device';
DIRECT: 'direct';
KERNEL: 'kernel';
STATIC: 'static';
BGP: 'bgp';
DISABLED: 'disabled';
DESCRIPTION: 'description';
VRF: 'vrf';
ON: 'on';
OFF: 'off';
YES: 'yes';
NO: 'no';
IMPORT: 'import';
EXPORT: 'export';
ALL: 'all';
NONE: 'none';
WHERE: 'where';
LIMIT: 'limit';
ACTION: 'action';
RECEIVE: 'receive';
PREFERENCE: 'preference';
KEEP: 'keep';
FILTERED: 'filtered';
LOCAL: 'local';
AS: 'as';
NEIGHBOR: 'neighbor';
PORT: 'port';
INTERNAL: 'internal';
EXTERNAL: 'external';
RANGE: 'range';
PASSIVE: 'passive';
MULTIHOP: 'multihop';
INTERFACE: 'interface';
SOURCE: 'source';
ADDRESS: 'address';
HOLD: 'hold';
KEEPALIVE: 'keepalive';
CONNECT: 'connect';
RETRY: 'retry';
TIME: 'time';
RR: 'rr';
CLIENT: 'client';
ALLOW: 'allow';
PASSWORD: 'password';
NEXT: 'next';
HOP: 'hop';
SELF: 'self';
IBGP: 'ibgp';
EBGP: 'ebgp';
GATEWAY: 'gateway';
RECURSIVE: 'recursive';
EXTENDED: 'extended';
ADD: 'add';
PATHS: 'paths';
RX: 'rx';
TX: 'tx';
IGP: 'igp';
DEFAULT: 'default';
LEARN: 'learn';
PERSIST: 'persist';
SCAN: 'scan';
MERGE: 'merge';
METRIC: 'metric';
ROUTE: 'route';
VIA: 'via';
BLACKHOLE: 'blackhole';
UNREACHABLE: 'unreachable';
PROHIBIT: 'prohibit';
DROP: 'drop';
ONLINK: 'onlink';
CHECK: 'check';
LINK: 'link';
IF: 'if';
THEN: 'then';
ELSE: 'else';
ACCEPT: 'accept';
REJECT: 'reject';
RETURN: 'return';
CASE: 'case';
PRINT: 'print';
PRINTN: 'printn';
TRUE: 'true';
FALSE: 'false';
FOR: 'for';
IN: 'in';
DO: 'do';
UNSET: 'unset';

// punctuation
DOTDOT: '..';
NEQ: '!=';
LE: '<=';
GE: '>=';
AND: '&&';
OR: '||';
NTILDE: '!~';
ARROW: '->';
EQEQ: '==';
LBRACE: '{';
RBRACE: '}';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
SEMICOLON: ';';
COLON: ':';
COMMA: ',';
DOT: '.';
EQ: '=';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
LT: '<';
GT: '>';
TILDE: '~';
QUESTION: '?';
BANG: '!';
PIPE: '|';

// empty community lists: -empty- (clist), --empty-- (eclist), ---empty--- (lclist), +empty+ (path)
EMPTY_CLIST: '-empty-';
EMPTY_ECLIST: '--empty--';
EMPTY_LCLIST: '---empty---';
EMPTY_PATH: '+empty+';

IPV4_ADDR: F_DEC '.' F_DEC '.' F_DEC '.' F_DEC;
// cf-lex.l: ({XIGIT}*::|({XIGIT}*:){3,})({XIGIT}*|{DIGIT}+\.{DIGIT}+\.{DIGIT}+\.{DIGIT}+)
IPV6_ADDR
:
  (
    F_HEX* '::'
    | F_HEX* ':' F_HEX* ':' F_HEX* ':' (F_HEX* ':')*
  )
  (
    F_DEC '.' F_DEC '.' F_DEC '.' F_DEC
    | F_HEX*
  )
;
HEXNUM: '0x' F_HEX+;
DEC: F_DEC;
WORD: [A-Za-z_] [A-Za-z0-9_]*;
// BIRD: a symbol may be written in apostrophes to use any name
QSYM: '\'' [A-Za-z0-9_.:\-]* '\'';
STRING: '"' ~["\r\n]* '"';

LINE_COMMENT: '#' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
WS: [ \t\r\n\f]+ -> channel(HIDDEN);
// anything else becomes a token the parser can skip over as part of an unrecognized statement
BAD_CHAR: .;

fragment F_DEC: [0-9]+;
fragment F_HEX: [0-9a-fA-F];
