package dev.gttrainset.scrub;

import java.io.Serializable;

/**
 * Checks a regex can not express cheaply, named in the rule table: is this address public? Private
 * ranges, loopback, link-local and documentation addresses are not personal data and stay.
 */
enum ScrubValidator implements Serializable {
  PUBLIC_IPV4 {
    @Override
    boolean accepts(String address) {
      String[] parts = address.split("\\.");
      int[] octets = new int[4];
      for (int i = 0; i < 4; i++) {
        if (parts[i].length() > 1 && parts[i].startsWith("0")) {
          return false;
        }
        octets[i] = Integer.parseInt(parts[i]);
        if (octets[i] > 255) {
          return false;
        }
      }
      int a = octets[0];
      int b = octets[1];
      int c = octets[2];
      boolean special =
          a == 0
              || a == 10
              || a == 127
              || a >= 224
              || (a == 100 && b >= 64 && b <= 127)
              || (a == 169 && b == 254)
              || (a == 172 && b >= 16 && b <= 31)
              || (a == 192 && b == 168)
              || (a == 192 && b == 0 && (c == 0 || c == 2))
              || (a == 198 && (b == 18 || b == 19))
              || (a == 198 && b == 51 && c == 100)
              || (a == 203 && b == 0 && c == 113);
      return !special;
    }
  },
  PUBLIC_IPV6 {
    @Override
    boolean accepts(String address) {
      boolean compressed = address.contains("::");
      String[] groups = address.split(":", -1);
      if (!compressed && groups.length != 8) {
        // Times (12:30:45) and MAC addresses are not IPv6 addresses.
        return false;
      }
      if (address.indexOf("::") != address.lastIndexOf("::")) {
        return false;
      }
      String first = groups[0];
      if (first.isEmpty()) {
        return false;
      }
      int head = Integer.parseInt(first, 16);
      // Global unicast is 2000::/3; 2001:db8::/32 is for documentation.
      boolean global = (head & 0xE000) == 0x2000;
      boolean documentation = head == 0x2001 && groups.length > 1 && groups[1].equalsIgnoreCase("db8");
      return global && !documentation;
    }
  },

  /** HTTP basic credentials: base64 of {@code user:password}, printable. */
  BASIC_CREDENTIALS {
    @Override
    boolean accepts(String encoded) {
      byte[] bytes;
      try {
        bytes = java.util.Base64.getDecoder().decode(encoded);
      } catch (IllegalArgumentException notBase64) {
        return false;
      }
      String decoded = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0 && colon < decoded.length() - 1 && decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
  },

  /**
   * The word after {@code curl -u}: {@code user:password}, or a token given as the user alone
   * ({@code -u "sk_live_x:"}); placeholders and variables are not credentials.
   */
  USER_CREDENTIALS {
    @Override
    boolean accepts(String word) {
      String v = word.replace("\"", "").replace("'", "");
      if (Benign.value(v)) {
        return false;
      }
      int colon = v.indexOf(':');
      String user = colon < 0 ? v : v.substring(0, colon);
      String password = colon < 0 ? "" : v.substring(colon + 1);
      if (password.isEmpty()) {
        return user.length() >= 8 && user.indexOf('@') < 0 && !ValueShape.wordy(user) && !Benign.value(user)
            && Entropy.bitsPerChar(user) >= 3;
      }
      return password.length() >= 3 && !Benign.value(password);
    }
  },

  /** A credential, not a word: {@code Api-Token} after {@code Authorization:} is a scheme. */
  NOT_WORDS {
    @Override
    boolean accepts(String secret) {
      return secret.chars().anyMatch(Character::isDigit) || !ValueShape.wordy(secret);
    }
  };

  abstract boolean accepts(String match);

  static ScrubValidator named(String name) {
    for (ScrubValidator validator : values()) {
      if (validator.name().replace('_', '-').equalsIgnoreCase(name)) {
        return validator;
      }
    }
    throw new IllegalArgumentException("no scrub validator named " + name);
  }
}
