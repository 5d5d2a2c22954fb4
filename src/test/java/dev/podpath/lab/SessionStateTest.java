package dev.podpath.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionStateTest {

  @Test
  void daemonWordsMapToFsmStates() {
    assertThat(SessionState.parse("Established")).isEqualTo(SessionState.ESTABLISHED);
    assertThat(SessionState.parse("ESTABLISHED")).isEqualTo(SessionState.ESTABLISHED);
    assertThat(SessionState.parse("Passive")).isEqualTo(SessionState.ACTIVE);
    assertThat(SessionState.parse("OpenSent")).isEqualTo(SessionState.OPEN_SENT);
    assertThat(SessionState.parse("Idle (Admin)")).isEqualTo(SessionState.IDLE);
    assertThat(SessionState.parse("Down")).isEqualTo(SessionState.DOWN);
    assertThat(SessionState.parse("weird")).isEqualTo(SessionState.UNKNOWN);
    assertThat(SessionState.parse(null)).isEqualTo(SessionState.UNKNOWN);
    assertThat(SessionState.ACTIVE.transitional()).isTrue();
    assertThat(SessionState.IDLE.transitional()).isFalse();
  }

  @Test
  void birdParseErrorsPointAtTheUsersFileAndLine() {
    LabConfigText c = new LabConfigText("hosts/w1/bird.conf", "");
    var p = DaemonStarter.birdParseProblem(c, Samples.read("bird-p-error.txt"));
    assertThat(p.toString()).isEqualTo("hosts/w1/bird.conf:10: bird refuses this config: syntax error, unexpected OFF");
  }
}
