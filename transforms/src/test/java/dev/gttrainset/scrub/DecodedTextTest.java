package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Escapes are undone level by level, and every decoded position maps back into the original. */
class DecodedTextTest {
  @Test
  void undoesEscapesInsideEscapes() {
    String original = "{\\\"a\\\": \\\"x\\\\ny\\\"}";
    DecodedText decoded = DecodedText.of(original);
    assertEquals("{\"a\": \"x\ny\"}", decoded.text());
    int x = decoded.text().indexOf('x');
    assertEquals('x', original.charAt(decoded.originOf(x)));
    assertEquals(original.length(), decoded.originOf(decoded.text().length()));
  }

  @Test
  void leavesPlainTextAndLoneBackslashesAsTheyAre() {
    assertEquals("C:\\Temp\\q", DecodedText.of("C:\\Temp\\q").text().replace("\t", "\\t"));
    assertEquals("plain", DecodedText.of("plain").text());
    assertEquals(3, DecodedText.of("plain").originOf(3));
    assertEquals("A\u00e9", DecodedText.of("\\u0041\\u00e9").text());
  }
}
