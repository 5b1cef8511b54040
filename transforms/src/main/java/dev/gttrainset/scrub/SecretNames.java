package dev.gttrainset.scrub;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a name says that its value is a secret, read as a person reads it: by its last word.
 * {@code db_password}, {@code etsyToken} and {@code X-Api-Key} name secrets; {@code kms_key_id},
 * {@code secret_length}, {@code LLM_SECRET_NAME} and {@code primary_key} name something else.
 */
final class SecretNames {
  private SecretNames() {}

  /** What a name holds, by its head word. */
  enum Kind {
    /** A password or passphrase: often made of words, so any literal counts. */
    PASSWORD,
    /** A secret: random when bare, but anything written in quotes. */
    SECRET,
    /** A key, token or credential: random, so the value must look random. */
    KEY,
    NONE
  }

  private static final Set<String> PASSWORDS =
      words("password", "passwd", "pwd", "pass", "passphrase", "passcode", "passwort", "contrasena", "contraseña",
          "senha", "motdepasse", "wachtwoord", "pswd", "psw", "pw");

  private static final Set<String> SECRETS = words("secret", "secrete", "secreto", "clientsecret", "apisecret");

  private static final Set<String> KEYS =
      words("token", "key", "apikey", "credential", "credentials", "creds", "cred",
          "auth", "authtoken", "accesstoken", "accesskey", "secretkey", "privatekey", "privkey", "authkey", "apitoken",
          "apisecret", "clientsecret", "pat", "bearer", "authorization", "sessiontoken", "refreshtoken", "idtoken",
          "jwt", "hmac", "signingkey", "masterkey", "licensekey", "secretaccesskey", "accountkey", "dsn");

  /** Words that, last, make a name about a secret rather than the secret itself. */
  private static final Set<String> NOT_SECRET_HEADS =
      words("id", "ids", "name", "names", "length", "len", "size", "count", "type", "types", "path", "paths", "file",
          "filename", "filepath", "url", "uri", "urls", "endpoint", "prefix", "suffix", "format", "field", "fields",
          "param", "label", "header", "env", "var", "variable", "hint", "help", "prompt", "regex", "pattern", "policy",
          "rotation", "expiry", "expires", "expiration", "ttl", "timeout", "limit", "max", "min", "enabled", "enable",
          "disabled", "required", "valid", "validator", "validation", "manager", "store", "storage", "provider",
          "source", "ref", "reference", "version", "arn", "region", "location", "dir", "folder", "mode", "scope",
          "scopes", "audience", "issuer", "algorithm", "alg", "strategy", "class", "method", "service", "client",
          "handler", "callback", "generator", "input", "column", "table", "schema", "description", "placeholder",
          "message", "msg", "error", "exception", "spec", "mock", "example", "sample", "dummy", "flag", "option",
          "options", "config", "settings", "setting", "list", "map", "dict", "set", "index", "idx", "num", "number",
          "at", "on", "by", "date", "time", "interval", "period", "duration", "age", "seconds", "ms", "s", "hash",
          "digest", "checksum", "fingerprint", "alias", "aliases", "selector", "identifier", "usage", "tokens",
          "keys", "secrets", "passwords", "count", "counter", "budget", "estimate", "estimator", "cost", "price",
          "rate", "ratio", "cache", "pool", "queue", "bucket", "metadata", "meta", "info", "details", "status",
          "state", "result", "results", "response", "request", "reset", "change", "changed", "forgot", "confirm",
          "confirmation", "strength", "complexity", "rules", "rule", "check", "checker", "test", "tests", "kind",
          "template", "text", "title", "doc", "docs", "link", "button", "form", "page", "view", "modal", "dialog",
          "icon", "image", "component", "module", "package", "lib", "util", "utils", "helper", "helpers", "spec",
          "specs", "parser", "reader", "writer", "loader", "builder", "factory", "store", "stores", "registry",
          "pressed", "press", "down", "up", "left", "right", "code", "codes", "board", "word", "words", "stroke",
          "frame", "event", "events", "binding", "bindings", "pair", "ring", "chain", "vault", "arns", "mount",
          "volume", "property", "properties", "attribute", "attr", "column", "def", "definition", "schema", "usage",
          "window", "refresh", "rotate", "rotated", "created", "updated", "issued", "expired", "last", "first",
          "next", "prev", "previous", "old", "from", "to", "of", "in", "out", "for", "chars", "characters", "alphabet",
          "charset", "generator", "sequence", "meshing", "signatures", "signature", "ids");

  /** Words before "key" or "token" that make it a key into data, not a credential. */
  private static final Set<String> DATA_KEY_WORDS =
      words("primary", "foreign", "sort", "partition", "cache", "object", "public", "pub", "hot", "dict", "map",
          "hash", "range", "row", "lookup", "group", "dedup", "routing", "message", "translation", "i18n",
          "idempotency", "unique", "composite", "index", "sequence", "natural", "surrogate", "redis", "s3", "bucket",
          "file", "json", "yaml", "sort", "order", "shard", "storage", "react", "list", "item", "entry", "record",
          "node", "cursor", "page", "pagination", "next", "continuation", "sync", "eos", "bos", "pad", "unk", "mask",
          "sep", "cls", "special", "start", "end", "stop", "max", "input", "output", "prompt", "completion", "total",
          "cached", "cache_read", "reasoning", "schema", "foreignkey", "primarykey", "registry", "csrf", "xsrf",
          "turkey", "monkey", "don", "donkey", "whiskey", "jockey", "hockey", "lackey", "keyboard", "trace",
          "sorting", "label", "dimension", "metric", "tag", "column", "field", "state", "event", "config", "setting",
          "env", "environment", "tracking", "analytics", "public_key", "publishable", "site", "recaptcha",
          "measurement", "idempotent", "accessor", "authenticity");

  /** Words that, last, change nothing about what the name holds: {@code password_value}, {@code token_b64}. */
  private static final Set<String> NEUTRAL_TAILS =
      words("value", "val", "str", "string", "data", "b64", "base64", "hex", "raw", "enc", "encrypted", "plain",
          "plaintext", "secure", "super", "base", "prod", "production", "dev", "development", "staging", "local",
          "live", "override", "main", "primary", "secondary", "backup", "v1", "v2", "v3", "1", "2", "3", "4", "5",
          "new", "current", "here", "sec", "priv", "private", "long", "short");

  private static Set<String> words(String... words) {
    return Set.copyOf(List.of(words));
  }

  static Kind of(String name) {
    List<String> parts = ValueShape.parts(name);
    if (parts.isEmpty() || name.length() > 120) {
      return Kind.NONE;
    }
    String[] words = new String[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      words[i] = parts.get(i).toLowerCase(Locale.ROOT);
    }
    int head = words.length - 1;
    while (head > 0 && NEUTRAL_TAILS.contains(words[head]) && !isSecretWord(words[head])) {
      head--;
    }
    String last = words[head];
    if (NOT_SECRET_HEADS.contains(last)) {
      return Kind.NONE;
    }
    if (words.length == 1 && last.equals("pass")) {
      // "--- PASS: TestX" and "pass: true" far outnumber a bare "pass" that holds a password.
      return Kind.KEY;
    }
    Kind kind = kindOf(last);
    if (kind != Kind.NONE) {
      if (kind != Kind.PASSWORD && head > 0 && isDataKey(words[head - 1], last)) {
        return Kind.NONE;
      }
      return kind;
    }
    // A secret word further in, with an unknown word last: my_password_secure, secret_santa.
    for (int i = head - 1; i >= 0; i--) {
      Kind inner = kindOf(words[i]);
      if (inner != Kind.NONE) {
        return i > 0 && isDataKey(words[i - 1], words[i]) ? Kind.NONE : inner;
      }
    }
    return Kind.NONE;
  }

  private static boolean isSecretWord(String word) {
    return kindOf(word) != Kind.NONE;
  }

  private static Kind kindOf(String word) {
    if (PASSWORDS.contains(word)) {
      return Kind.PASSWORD;
    }
    if (SECRETS.contains(word)) {
      return Kind.SECRET;
    }
    if (KEYS.contains(word)) {
      return Kind.KEY;
    }
    // Run together: theapikey, dbpassword, mysecret, accesstoken.
    if (word.length() > 6 && !word.startsWith("tokeni") && !word.endsWith("ary") && !word.equals("jsonwebtoken")) {
      if (word.endsWith("password") || word.endsWith("passwd") || word.startsWith("password")) {
        return Kind.PASSWORD;
      }
      if (word.contains("apikey") || word.endsWith("secret") || word.endsWith("token") || word.contains("privatekey")
          || word.contains("accesskey") || word.contains("secretkey") || word.startsWith("secret")) {
        return word.endsWith("tokens") || word.endsWith("secrets") ? Kind.NONE : Kind.KEY;
      }
    }
    return Kind.NONE;
  }

  private static boolean isDataKey(String before, String head) {
    return (head.equals("key") || head.equals("token") || head.equals("keys")) && DATA_KEY_WORDS.contains(before);
  }

  /** The name as an environment variable: {@code etsyToken} is {@code ETSY_TOKEN}. */
  static String reference(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : ValueShape.parts(name)) {
      if (out.length() > 0) {
        out.append('_');
      }
      out.append(part.toUpperCase(Locale.ROOT));
    }
    String ref = out.toString();
    if (ref.isEmpty() || Character.isDigit(ref.charAt(0)) || ref.length() > 64) {
      return "SECRET";
    }
    return ref;
  }
}
