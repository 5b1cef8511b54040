package dev.gttrainset.scrub;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Strings that stand where secrets could and are none, of the kinds scanners' own negatives hold:
 * placeholders, variable references, angle-bracket stand-ins, identifiers assigned to key-like
 * names, keys providers publish as examples; and what agent sessions are full of (hashes, ids,
 * base64 images, minified code). Built from a seeded {@link FakeSecrets}, by kind.
 */
public final class BenignCorpus {
  private final FakeSecrets random;

  public BenignCorpus(long seed) {
    this.random = new FakeSecrets(seed);
  }

  private String uuid() {
    return UUID.nameUUIDFromBytes(random.alnum(12).getBytes()).toString();
  }

  /** Kind name to a source of strings of that kind. */
  public Map<String, Supplier<String>> kinds() {
    Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
    kinds.put("placeholder tokens", () -> pick(
        "export GITHUB_TOKEN=gh" + "p_" + "x".repeat(36),
        "aws_access_key_id = AKIA" + "X".repeat(16),
        "HF_TOKEN=hf_" + "x".repeat(5 + random.digits(1).charAt(0) % 5),
        "-----BEGIN PRIVATE KEY-----\n" + random.letters(8).toLowerCase() + "\n-----END PRIVATE KEY-----",
        "OPENAI_API_KEY=sk-" + "proj-" + "*".repeat(20),
        "stripe key sk_" + "live_" + "x".repeat(24) + " goes here"));
    kinds.put("filled-in tokens", () -> pick(
        "oktaKey = " + "0".repeat(30 + random.digits(1).charAt(0) % 8) + random.upper(7),
        "sgp_" + runs(5) + random.letters(8).toLowerCase(),
        "GR1348941" + random.alnum(3).toLowerCase().repeat(7),
        "token: glpat-" + random.alnum(2).repeat(10)));
    kinds.put("placeholder words", () -> pick(
        "API_KEY=changeme", "password: \"changeme\"", "token = \"your-token-here\"", "DB_PASSWORD=REPLACE_ME",
        "secret: \"...\"", "api_key: <your-" + random.letters(5).toLowerCase() + "-key>", "password = \"\"",
        "client_secret: TODO", "\"api_key\": \"YOUR_API_KEY\"", "SECRET_KEY=" + "x".repeat(10 + random.digits(1).charAt(0) % 20)));
    kinds.put("variable references", () -> pick(
        "curl -u \"$USERNAME:$PASSWORD\" https://api.example.com/" + random.letters(5),
        "export TOKEN=${TOKEN}", "password: ${DB_PASSWORD}", "set API_KEY=%API_KEY%", "token: {{ vault_token }}",
        "NPM_TOKEN: ${{ secrets.NPM_TOKEN }}", "api_key = os.environ[\"API_KEY\"]", "const key = process.env.API_KEY;",
        "password = var.db_password", "secret = self.secret", "token = ENV.fetch(\"TOKEN\")",
        "-e SECRET_KEY=`cat /run/secrets/" + random.letters(6).toLowerCase() + "`", "auth: $" + "{GITEA_TOKEN:-}"));
    kinds.put("angle-bracket placeholders", () -> pick(
        "curl -u <user:password> https://test.com/endpoint", "Authorization: Bearer <token>",
        "git clone https://<token>@github.com/acme/" + random.letters(6).toLowerCase() + ".git",
        "mongodb+srv://<user>:<password>@cluster0.example.mongodb.net", "API_KEY=<your-api-key>"));
    kinds.put("identifiers under key-like names", () -> pick(
        "credentialsId: '" + uuid() + "'", "\"kms_key_id\": \"" + uuid() + "\",", "LLM_SECRET_NAME = \"NEXUS-GPT4-API-KEY\"",
        "secret_length = X25519.secret_length", "primary_key = \"user_id\"", "token_type = \"Bearer\"",
        "max_tokens = " + random.digits(4), "api_key_header = \"X-Api-Key\"", "password_field = \"password\"",
        "token = getToken()", "self.password = password", "key_name: \"prod-" + random.letters(5).toLowerCase() + "-cmk\"",
        "secretName: db-credentials", "token_url = \"https://oauth2.example.com/token\"", "cache_key = f\"user:{user_id}\"",
        "keyPressed = kVK_Return.u16", "\"input_tokens\": " + random.digits(4) + ", \"output_tokens\": " + random.digits(3)));
    kinds.put("published example keys", () -> pick(
        "aws_access_key_id=" + "AKIA" + "IOSFODNN7" + "EXAMPLE",
        "aws_secret_access_key=" + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY"));
    kinds.put("git and hashes", () -> "commit " + random.hex(40) + " (HEAD -> main) " + random.hex(7)
        + "\nchecksum = \"" + random.hex(64) + "\"\n\"integrity\": \"sha512-" + random.base64(86) + "==\"");
    kinds.put("ids", () -> "session " + uuid() + " started, toolu_01" + random.alnum(24) + " msg_01" + random.alnum(24)
        + " req_011" + random.alnum(21) + ", bead gt-" + random.pick(5, "abcdefghijklmnopqrstuvwxyz0123456789"));
    kinds.put("base64 image", () -> "data:image/png;base64,iVBORw0KGgo" + random.base64(3000) + "==");
    kinds.put("minified code", this::minified);
    kinds.put("paths and urls", () -> "/usr/local/lib/node_modules/" + random.alnum(8) + "/dist/index.js https://github.com/acme/"
        + random.alnum(6) + "/blob/" + random.hex(40) + "/README.md and icon@2x.png");
    kinds.put("escaped code", () -> "cat <<'EOF' > tests/test_" + random.letters(5).toLowerCase()
        + ".py\\n@pytest.mark.slow\\ndef test_it():\\n    assert run(token_count=3)\\nEOF");
    kinds.put("ssh public keys", () -> "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + random.base64(43) + " deploy key");
    return kinds;
  }

  private String pick(String... options) {
    return options[Integer.parseInt(random.pick(3, "0123456789")) % options.length];
  }

  /** Runs of five to eight of a character, each a different one: {@code 5555555AAAAA7777777}. */
  private String runs(int count) {
    StringBuilder out = new StringBuilder();
    String alphabet = random.alnum(count * 4);
    for (int i = 0; out.length() < count * 5; i++) {
      char c = alphabet.charAt(i);
      if (out.indexOf(String.valueOf(c)) < 0) {
        out.append(String.valueOf(c).repeat(5 + random.digits(1).charAt(0) % 4));
      }
    }
    return out.toString();
  }

  private String minified() {
    String a = random.letters(1);
    String b = random.letters(1);
    return "!function(" + a + "," + b + "){\"object\"==typeof exports?module.exports=" + b + "():" + a + "."
        + random.letters(6) + "=" + b + "()}(this,function(){var " + a + "=\"" + random.alnum(20)
        + "\",t=function(" + b + "){return " + b + ".token&&" + b + ".token.length>0};return{key:"
        + a + ",check:t}});";
  }
}
