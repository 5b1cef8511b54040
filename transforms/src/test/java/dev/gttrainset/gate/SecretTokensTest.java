package dev.gttrainset.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.scrub.BenignCorpus;
import dev.gttrainset.scrub.Families;
import dev.gttrainset.scrub.FakeSecrets;
import dev.gttrainset.scrub.Syntaxes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The gate's own detector sees secrets without the scrubber's rules: a key-shaped token beside a
 * secret word, in every syntax, even a provider the table does not know; and it leaves alone what
 * the scrubber rightly leaves alone.
 */
class SecretTokensTest {
  private final SecretTokens tokens = new SecretTokens();

  @Test
  void seesKeysBesideSecretWordsInEverySyntaxWithNoRuleAtAll() {
    FakeSecrets fake = new FakeSecrets(3);
    List<String> missed = new ArrayList<>();
    for (Syntaxes.Syntax syntax : Syntaxes.ALL) {
      for (String name : List.of("zorblax_token", "quux_api_key", "frob_password", "acme_secret")) {
        String text = syntax.write(name, fake.alnum(20) + fake.digits(4));
        if (tokens.find(dev.gttrainset.scrub.DecodedText.of(text).text()).isEmpty()) {
          missed.add(syntax + ": " + text);
        }
      }
    }
    assertEquals(List.of(), missed);
  }

  @Test
  void namesTheLineOfTheFinding() {
    String key = new FakeSecrets(4).base64(40);
    List<SecretTokens.Hit> hits = tokens.find("first line\nsecond line\nsigning secret is " + key + "\n");
    assertEquals(1, hits.size());
    assertEquals(3, hits.get(0).line);
    assertEquals(List.of(2), lines(tokens.find("<quuxToken>\n  " + key + "\n</quuxToken>")));
  }

  @Test
  void leavesBenignTextAlone() {
    List<String> flagged = new ArrayList<>();
    for (Map.Entry<String, Supplier<String>> kind : new BenignCorpus(11).kinds().entrySet()) {
      for (int i = 0; i < 40; i++) {
        String text = kind.getValue().get();
        if (!tokens.find(dev.gttrainset.scrub.DecodedText.of(text).text()).isEmpty()) {
          flagged.add(kind.getKey() + ": " + text);
        }
      }
    }
    assertEquals(List.of(), flagged);
  }

  @Test
  void leavesTheNamesOfScrubbedSecretsAloneInEverySyntax() {
    List<String> flagged = new ArrayList<>();
    for (Families.Family family : Families.all()) {
      for (Syntaxes.Syntax syntax : Syntaxes.ALL) {
        for (int n = 0; n < 2; n++) {
          String text = syntax.write(family.variable(n), "[REDACTED:" + family.id + "]");
          if (!tokens.find(dev.gttrainset.scrub.DecodedText.of(text).text()).isEmpty()) {
            flagged.add(syntax + ": " + text);
          }
        }
      }
    }
    assertEquals(List.of(), flagged);
  }

  @Test
  void leavesPlaceholdersIdsAndPublicMaterialAlone() {
    FakeSecrets fake = new FakeSecrets(5);
    for (String text :
        List.of(
            "token: [REDACTED:github-pat]",
            "export GITHUB_TOKEN=$GITHUB_TOKEN",
            "the token is toolu_01" + fake.alnum(24),
            "key: data:image/png;base64," + fake.base64(200),
            "deploy key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + fake.base64(43),
            "- Expired/invalid/reused token cannot return context.",
            "token refresh for sha256:" + fake.hex(64),
            "secret_key_base in SpotterWeb.Endpoint.getAuthorizationHeader",
            "session key " + java.util.UUID.nameUUIDFromBytes(fake.alnum(4).getBytes()))) {
      assertTrue(tokens.find(text).isEmpty(), text);
    }
  }

  @Test
  void theQuickLookForASecretWordAgreesWithItsPattern() {
    // Pieces of secret words and of words that only look like them, joined at random: the look
    // that skips texts without a word's core must say what the pattern says, for every text.
    String[] pieces = {"pass", "Passwd", "word", "pwd", "SECRET", "sec", "token", "Tok", "api", "_", "-", ".", " ", "key",
      "Key", "monkey", "auth", "Authorization", "bearer", "cred", "Credentials", "private", "signing", "access", "client",
      "x", "9", "K", "\u212a", "\n"};
    java.util.Random random = new java.util.Random(7);
    int agreed = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i >= 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      assertEquals(SecretTokens.SECRET_WORD.matcher(t).find(), SecretTokens.holdsSecretWord(t), t);
      agreed += SecretTokens.holdsSecretWord(t) ? 1 : 0;
    }
    assertTrue(agreed > 5_000 && agreed < 19_000, "both kinds of text were tried: " + agreed);
  }

  private static List<Integer> lines(List<SecretTokens.Hit> hits) {
    List<Integer> lines = new ArrayList<>();
    hits.forEach(h -> lines.add(h.line));
    return lines;
  }
}
