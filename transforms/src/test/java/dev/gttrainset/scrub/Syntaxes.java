package dev.gttrainset.scrub;

import java.util.List;
import java.util.Locale;

/**
 * The ways agents write a secret down: shell and .env, YAML (block scalars too), JSON (also
 * escaped inside a JSON string), TOML and INI, XML elements and attributes, Makefile, Go, Java and
 * Kotlin, PHP, Ruby, Python, JS and TS, Terraform, Kubernetes and Docker configs, curl and HTTP
 * headers, command-line flags. A template names the secret with {@code {NAME}} ({@code
 * ETSY_TOKEN}), {@code {snake}}, {@code {camel}} or {@code {kebab}}, and holds it as {@code {V}}.
 */
public final class Syntaxes {
  /** One syntax: a name for reports, and its template. */
  public static final class Syntax {
    public final String name;
    final String template;
    /** Whether the value may hold spaces and punctuation: only inside quotes. */
    public final boolean quoted;

    Syntax(String name, String template) {
      this.name = name;
      this.template = template;
      this.quoted = template.contains("\"{V}\"") || template.contains("'{V}'") || template.contains("`{V}`")
          || template.contains(">{V}<");
    }

    /** The text with {@code variable} (in words, e.g. {@code etsy_token}) holding {@code value}. */
    public String write(String variable, String value) {
      String[] words = variable.split("[_\\-.\\s]+");
      StringBuilder camel = new StringBuilder(words[0].toLowerCase(Locale.ROOT));
      for (int i = 1; i < words.length; i++) {
        camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1).toLowerCase(Locale.ROOT));
      }
      String snake = String.join("_", words).toLowerCase(Locale.ROOT);
      return template
          .replace("{NAME}", snake.toUpperCase(Locale.ROOT))
          .replace("{snake}", snake)
          .replace("{camel}", camel)
          .replace("{kebab}", snake.replace('_', '-'))
          .replace("{V}", value);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private Syntaxes() {}

  public static final List<Syntax> ALL =
      List.of(
          new Syntax("shell", "{NAME}={V}"),
          new Syntax("shell export", "export {NAME}=\"{V}\""),
          new Syntax("shell single quotes", "{NAME}='{V}' ./deploy.sh"),
          new Syntax("dotenv", "# service\n{NAME}={V}\nLOG_LEVEL=info"),
          new Syntax("yaml", "service:\n  {snake}: {V}\n  region: eu-west-1"),
          new Syntax("yaml quoted", "{snake}: \"{V}\""),
          new Syntax("yaml block", "config:\n  {snake}: |\n    {V}\n  enabled: true"),
          new Syntax("json", "{\n  \"{snake}\": \"{V}\",\n  \"debug\": false\n}"),
          new Syntax("json escaped in a string", "{\"config\": \"{\\\"{snake}\\\": \\\"{V}\\\"}\"}"),
          new Syntax("json with an escaped newline", "{\"config.ini\": \"{NAME}={V}\\nBACKUP_ENABLED=true\"}"),
          new Syntax("toml", "[service]\n{snake} = \"{V}\""),
          new Syntax("ini", "[default]\n{camel} = {V}"),
          new Syntax("xml element", "<{camel}>{V}</{camel}>"),
          new Syntax("xml element on its own line", "<{camel}>\n    {V}\n</{camel}>"),
          new Syntax("xml key and value attributes", "<add key=\"{camel}\" value=\"{V}\" />"),
          new Syntax("xml attribute", "<server host=\"db\" {snake}=\"{V}\" />"),
          new Syntax("makefile =", "{NAME} = \"{V}\""),
          new Syntax("makefile :=", "{NAME} := \"{V}\""),
          new Syntax("makefile ::=", "{NAME} ::= \"{V}\""),
          new Syntax("makefile ?=", "{NAME} ?= \"{V}\""),
          new Syntax("makefile +=", "{NAME} += \"{V}\""),
          new Syntax("go :=", "{camel} := \"{V}\""),
          new Syntax("go var with a type", "var {camel} string = \"{V}\""),
          new Syntax("go backticks", "{camel} := `{V}`"),
          new Syntax("java", "private static final String {NAME} = \"{V}\";"),
          new Syntax("java setProperty", "System.setProperty(\"{NAME}\", \"{V}\");"),
          new Syntax("kotlin", "val {camel}: String = \"{V}\""),
          new Syntax("php", "${camel} = '{V}';"),
          new Syntax("php .=", "${camel} .= \"{V}\";"),
          new Syntax("php array", "$config = ['{snake}' => '{V}'];"),
          new Syntax("php define", "define('{NAME}', '{V}');"),
          new Syntax("ruby hash", "config = { {snake}: \"{V}\" }"),
          new Syntax("ruby rocket", "  :{snake} => \"{V}\","),
          new Syntax("logstash", "  \"{camel}\" => \"{V}\""),
          new Syntax("python", "{snake} = \"{V}\""),
          new Syntax("python keyword argument", "client = Client(region=\"eu\", {snake}=\"{V}\")"),
          new Syntax("js const", "const {camel} = '{V}';"),
          new Syntax("ts typed", "export const {camel}: string = \"{V}\";"),
          new Syntax("js object", "module.exports = { {camel}: \"{V}\" };"),
          new Syntax("terraform", "resource \"x\" \"y\" {\n  {snake} = \"{V}\"\n}"),
          new Syntax("kubernetes env", "env:\n  - name: {NAME}\n    value: \"{V}\""),
          new Syntax("command-line flag", "tool login --{kebab} {V} --verbose"),
          new Syntax("command-line flag =", "tool login --{kebab}={V}"),
          new Syntax("http header", "curl -s -H \"X-{camel}: {V}\" https://api.example.com/v1/items"));
}
