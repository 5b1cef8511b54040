package dev.gttrainset.testdata;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code --name=value} and {@code --flag} arguments, the names checked against a list. */
final class Options {
  private Options() {}

  static Map<String, String> parse(String[] args, List<String> names) {
    Map<String, String> options = new TreeMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("not an option: " + arg);
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      if (!names.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; options are " + names);
      }
      options.put(name, equals < 0 ? "true" : arg.substring(equals + 1));
    }
    return options;
  }
}
