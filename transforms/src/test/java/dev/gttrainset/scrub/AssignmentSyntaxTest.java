package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The assignment detector in every syntax agents meet, with values of every shape a scrubber of
 * fixed shapes lets through: random keys, all digits, with {@code :} and {@code =}, very long
 * base64, passphrases with spaces (in quotes), UUIDs; and, in the same syntaxes, the values that
 * are not secrets: placeholders, references, code.
 */
class AssignmentSyntaxTest {
  private static final SampleScrubber SCRUBBER = new SampleScrubber(Scrubber.withDefaultRules());

  /** Names that say they hold a secret, as configs and code write them. */
  private static final List<String> NAMES =
      List.of("db_password", "api_key", "client_secret", "access_token", "auth_token", "secret_key", "passphrase", "private_key");

  static Stream<Syntaxes.Syntax> syntaxes() {
    return Syntaxes.ALL.stream();
  }

  /** Values of every shape: the ones fixed shapes rejected are here on purpose. */
  private static List<String> secrets(Syntaxes.Syntax syntax, FakeSecrets fake) {
    List<String> values = new ArrayList<>();
    values.add(fake.alnum(32));
    values.add(fake.digits(14));
    values.add(fake.alnum(6) + ":" + fake.alnum(8) + "=" + fake.alnum(6));
    values.add(fake.base64(1_800) + "==");
    values.add(java.util.UUID.nameUUIDFromBytes(fake.alnum(8).getBytes()).toString());
    values.add(fake.hex(64));
    values.add("p@ss-" + fake.alnum(6) + "!" + fake.digits(2));
    if (syntax.quoted) {
      values.add("correct horse battery " + fake.letters(6).toLowerCase());
    }
    return values;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syntaxes")
  void everyShapeOfValueIsGoneFromEveryPlace(Syntaxes.Syntax syntax) {
    FakeSecrets fake = new FakeSecrets(syntax.name.hashCode());
    List<String> leaks = new ArrayList<>();
    int n = 0;
    for (String secret : secrets(syntax, fake)) {
      String name = NAMES.get(n++ % NAMES.size());
      String text = syntax.write(name, secret);
      List<String> out = Places.scrubbed(SCRUBBER, text);
      for (int place = 0; place < out.size(); place++) {
        if (out.get(place).contains(secret) || out.get(place).contains(secret.substring(2, secret.length() - 2))) {
          leaks.add(name + " in the " + Places.NAMES.get(place) + ": " + text + " => " + out.get(place));
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  /** Values that stand where a secret could and are none: they must come out as they went in. */
  private static final List<String> STAND_INS =
      List.of(
          "changeme", "<your-api-key>", "${DB_PASSWORD}", "$API_KEY", "%API_KEY%", "{{ vault_api_key }}",
          "${{ secrets.API_TOKEN }}", "xxxxxxxxxxxxxxxxxxxxxxxx", "REPLACE_ME", "...", "your_api_key_here",
          "os.environ[\"API_KEY\"]", "process.env.API_KEY", "config.get(\"api_key\")", "self.api_key", "None",
          "[REDACTED:secret-assignment]");

  @ParameterizedTest(name = "{0}")
  @MethodSource("syntaxes")
  void standInsAreLeftAsTheyAre(Syntaxes.Syntax syntax) {
    List<String> changed = new ArrayList<>();
    for (String value : STAND_INS) {
      if (!syntax.quoted && (value.contains(" ") || value.contains("\"") || value.contains("<"))) {
        continue;
      }
      if (syntax.template.contains("'{V}'") && value.contains("'")) {
        continue;
      }
      String text = syntax.write("api_key", value);
      List<String> out = Places.scrubbed(SCRUBBER, text);
      for (int place = 0; place < out.size(); place++) {
        if (!out.get(place).equals(text)) {
          changed.add(value + " in the " + Places.NAMES.get(place) + ": " + out.get(place));
        }
      }
    }
    assertEquals(List.of(), changed);
  }
}
