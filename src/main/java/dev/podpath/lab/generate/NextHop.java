package dev.podpath.lab.generate;

/** Next hop handling written on one session end (bird channel option, FRR next-hop-self). */
enum NextHop {
  DEFAULT,
  SELF,
  KEEP
}
