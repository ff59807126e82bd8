package io.newsflow.producer.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns source bytes into text without ever guessing silently: Korean sources still serve CP949/EUC-KR,
 * and some files mix it with UTF-8 line by line. Every decoder here is strict (malformed input is an
 * error, never a replacement character), so what comes out is either right or reported.
 *
 * <p>In order: a byte order mark decides; else UTF-8 if the whole input is valid UTF-8; else a declared
 * charset (HTTP header, XML prolog, HTML meta) if the bytes really are in it; else CP949 if the whole
 * input decodes in it and reads as Korean; else line by line: UTF-8, else CP949 when the line reads as
 * Korean, else the line is undecodable. Only when no line but plain ASCII reads as UTF-8 or Korean is the
 * input taken to be wholly in another charset: the one the detector (juniversalchardet) names, if the
 * whole input decodes in it.
 */
public final class TextDecoder {

  /** Microsoft's superset of EUC-KR, which Korean sites actually write whatever they declare. */
  public static final Charset CP949 = Charset.forName("x-windows-949");

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** byLine's summary when every line it decoded was plain ASCII. */
  private static final String ASCII_ONLY = "US-ASCII";
  private static final Set<String> KOREAN_DETECTIONS = Set.of("EUC-KR", "ISO-2022-KR", "UHC", "CP949");

  private TextDecoder() {}

  /** Decodes bytes with no declared charset. */
  public static DecodedText decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length, null);
  }

  /** Decodes bytes, trying {@code declared} (may be null) first. */
  public static DecodedText decode(byte[] bytes, Charset declared) {
    return decode(bytes, 0, bytes.length, declared);
  }

  /** Decodes {@code bytes[from, to)}, trying {@code declared} (may be null) first. */
  public static DecodedText decode(byte[] bytes, int from, int to, Charset declared) {
    if (startsWith(bytes, from, to, UTF8_BOM)) {
      // The BOM settles UTF-8 as the first choice; lines in another charset still get their chance below.
      from += UTF8_BOM.length;
      declared = null;
    } else if (to - from >= 2 && (bytes[from] & 0xFF) == 0xFE && (bytes[from + 1] & 0xFF) == 0xFF) {
      return whole(bytes, from + 2, to, StandardCharsets.UTF_16BE);
    } else if (to - from >= 2 && (bytes[from] & 0xFF) == 0xFF && (bytes[from + 1] & 0xFF) == 0xFE) {
      return whole(bytes, from + 2, to, StandardCharsets.UTF_16LE);
    }
    // Valid UTF-8 with non-ASCII bytes is next to impossible by accident, while a wrong declaration (a
    // server's default Latin-1) is common: UTF-8 comes first.
    String utf8 = strict(StandardCharsets.UTF_8, bytes, from, to);
    if (utf8 != null) {
      return DecodedText.uniform(utf8, label(StandardCharsets.UTF_8));
    }
    if (declared != null) {
      String text = strict(declared, bytes, from, to);
      if (text != null) {
        return DecodedText.uniform(text, label(declared));
      }
    }
    // Checked before the detector, which can take a short Korean text for GB18030 or Big5: those decode
    // CP949 bytes cleanly into Chinese mojibake.
    String korean = strict(CP949, bytes, from, to);
    if (korean != null && KoreanText.looksKorean(korean)) {
      return DecodedText.uniform(korean, label(CP949));
    }
    DecodedText lines = byLine(bytes, from, to);
    boolean readable = !lines.charset().equals(ASCII_ONLY);
    if (readable || lines.complete()) {
      return readable ? lines : relabel(lines, label(StandardCharsets.UTF_8));
    }
    // Nothing in the input reads as UTF-8 or Korean beyond plain ASCII: it is in some other charset whole.
    Charset detected = detect(bytes, from, to);
    if (detected != null) {
      String text = strict(detected, bytes, from, to);
      if (text != null) {
        return DecodedText.uniform(text, label(detected));
      }
    }
    return relabel(lines, label(StandardCharsets.UTF_8));
  }

  /** 3 when the bytes start with a UTF-8 byte order mark, else 0. */
  public static int utf8BomLength(byte[] bytes) {
    return startsWith(bytes, 0, bytes.length, UTF8_BOM) ? UTF8_BOM.length : 0;
  }

  /** The name operators know a charset by: {@code CP949} rather than Java's {@code x-windows-949}. */
  public static String label(Charset charset) {
    return charset.equals(CP949) ? "CP949" : charset.name();
  }

  private static DecodedText byLine(byte[] bytes, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    List<String> lineCharsets = new ArrayList<>();
    List<Integer> undecodable = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    int start = from;
    int line = 1;
    while (start <= to) {
      int end = indexOf(bytes, (byte) '\n', start, to);
      int lineEnd = end < 0 ? to : end;
      String charset = null;
      String decoded = strict(StandardCharsets.UTF_8, bytes, start, lineEnd);
      if (decoded != null) {
        charset = label(StandardCharsets.UTF_8);
      } else {
        decoded = strict(CP949, bytes, start, lineEnd);
        if (decoded != null && KoreanText.looksKorean(decoded)) {
          charset = label(CP949);
        } else {
          decoded = null;
        }
      }
      if (decoded == null) {
        undecodable.add(line);
      } else {
        text.append(decoded);
        // A line of plain ASCII reads the same in every charset: it says nothing about the file's mix.
        if (!isAscii(bytes, start, lineEnd)) {
          used.add(charset);
        }
      }
      lineCharsets.add(charset);
      if (end < 0) {
        break;
      }
      text.append('\n');
      start = end + 1;
      line++;
    }
    String summary = used.isEmpty() ? ASCII_ONLY : String.join("+", used);
    return new DecodedText(text.toString(), summary, lineCharsets, undecodable);
  }

  private static DecodedText relabel(DecodedText text, String charset) {
    return new DecodedText(text.text(), charset, text.lineCharsets(), text.undecodableLines());
  }

  private static DecodedText whole(byte[] bytes, int from, int to, Charset charset) {
    String text = strict(charset, bytes, from, to);
    return text == null
        ? new DecodedText("", label(charset), List.of(), List.of(1))
        : DecodedText.uniform(text, label(charset));
  }

  /** What the detector names, unless it is UTF-8 or Korean (both already tried). */
  private static Charset detect(byte[] bytes, int from, int to) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(bytes, from, to - from);
    detector.dataEnd();
    String name = detector.getDetectedCharset();
    if (name == null || KOREAN_DETECTIONS.contains(name.toUpperCase(Locale.ROOT))) {
      return null;
    }
    return DeclaredCharset.resolve(name)
        .filter(charset -> !charset.equals(StandardCharsets.UTF_8) && !charset.equals(CP949))
        .orElse(null);
  }

  /** The text, or null when the bytes are not valid in the charset. */
  static String strict(Charset charset, byte[] bytes, int from, int to) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, byte value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
