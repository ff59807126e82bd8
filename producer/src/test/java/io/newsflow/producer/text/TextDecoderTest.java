package io.newsflow.producer.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextDecoderTest {

  private static final Charset MS949 = Charset.forName("MS949");

  @Test
  void utf8TextIsDecodedAsUtf8() {
    DecodedText decoded = TextDecoder.decode("서울 지하철\n심야 운행".getBytes(StandardCharsets.UTF_8));

    assertThat(decoded.text()).isEqualTo("서울 지하철\n심야 운행");
    assertThat(decoded.charset()).isEqualTo("UTF-8");
    assertThat(decoded.complete()).isTrue();
  }

  @Test
  void utf8ByteOrderMarkIsNotPartOfTheText() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "정치\n제목".getBytes(StandardCharsets.UTF_8));

    DecodedText decoded = TextDecoder.decode(bytes);

    assertThat(decoded.text()).isEqualTo("정치\n제목");
    assertThat(decoded.charset()).isEqualTo("UTF-8");
  }

  @Test
  void utf16ByteOrderMarkDecidesTheCharset() {
    byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "경제 뉴스".getBytes(StandardCharsets.UTF_16LE));

    DecodedText decoded = TextDecoder.decode(bytes);

    assertThat(decoded.text()).isEqualTo("경제 뉴스");
    assertThat(decoded.charset()).isEqualTo("UTF-16LE");
  }

  @Test
  void cp949FileIsDecodedAsCp949() {
    String text = "IT 경제 뉴스\n반도체 수출이 석 달 연속 늘었다.\n";

    DecodedText decoded = TextDecoder.decode(text.getBytes(MS949));

    assertThat(decoded.text()).isEqualTo(text);
    assertThat(decoded.charset()).isEqualTo("CP949");
  }

  @Test
  void declaredEucKrIsReadAsCp949WhoseExtraSyllablesSitesUse() {
    // 똠 is not in EUC-KR (KS X 1001); CP949 has it, and pages declaring EUC-KR write it anyway.
    byte[] bytes = "똠방각하 기사".getBytes(MS949);

    DecodedText decoded = TextDecoder.decode(bytes, DeclaredCharset.resolve("euc-kr").orElseThrow());

    assertThat(decoded.text()).isEqualTo("똠방각하 기사");
    assertThat(decoded.charset()).isEqualTo("CP949");
  }

  @Test
  void mixedFileIsDecodedLineByLineEachInItsOwnCharset() {
    byte[] bytes = lines(
        "윤 의원은 이날 페이스북에 글을 올렸다.".getBytes(StandardCharsets.UTF_8),
        "남북 정상이 판문점에서 만났다.".getBytes(MS949),
        "title,link,description".getBytes(StandardCharsets.US_ASCII),
        "바이든, 전용기 오르다 휘청".getBytes(MS949));

    DecodedText decoded = TextDecoder.decode(bytes);

    assertThat(decoded.text()).isEqualTo("윤 의원은 이날 페이스북에 글을 올렸다.\n남북 정상이 판문점에서 만났다.\n"
        + "title,link,description\n바이든, 전용기 오르다 휘청");
    assertThat(decoded.charset()).isEqualTo("UTF-8+CP949");
    assertThat(decoded.lineCharsets()).containsExactly("UTF-8", "CP949", "UTF-8", "CP949");
    assertThat(decoded.charsetOfLine(2)).isEqualTo("CP949");
    assertThat(decoded.complete()).isTrue();
  }

  @Test
  void lineInNeitherUtf8NorKoreanIsReportedAndLeftEmptyNeverSentAsMojibake() {
    byte[] bytes = lines(
        "첫 줄은 UTF-8".getBytes(StandardCharsets.UTF_8),
        "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".getBytes(StandardCharsets.ISO_8859_1),
        "셋째 줄은 CP949".getBytes(MS949));

    DecodedText decoded = TextDecoder.decode(bytes);

    assertThat(decoded.undecodableLines()).containsExactly(2);
    assertThat(decoded.text()).isEqualTo("첫 줄은 UTF-8\n\n셋째 줄은 CP949");
    assertThat(decoded.charsetOfLine(2)).isNull();
    assertThat(decoded.undecodable(2)).isTrue();
    assertThat(decoded.undecodable(3)).isFalse();
  }

  @Test
  void validUtf8WinsOverAWrongDeclaration() {
    byte[] bytes = "한국어 기사".getBytes(StandardCharsets.UTF_8);

    DecodedText decoded = TextDecoder.decode(bytes, StandardCharsets.ISO_8859_1);

    assertThat(decoded.text()).isEqualTo("한국어 기사");
    assertThat(decoded.charset()).isEqualTo("UTF-8");
  }

  @Test
  void declaredCharsetIsUsedWhenTheBytesAreValidInIt() {
    byte[] bytes = "Привет, мир".getBytes(Charset.forName("windows-1251"));

    DecodedText decoded = TextDecoder.decode(bytes, Charset.forName("windows-1251"));

    assertThat(decoded.text()).isEqualTo("Привет, мир");
    assertThat(decoded.charset()).isEqualTo("windows-1251");
  }

  @Test
  void undeclaredJapaneseIsDetectedNotTakenForKorean() {
    String text = "東京都は来月から地下鉄の終電を遅らせると発表した。今日はいい天気ですね。"
        + "ひらがなとカタカナの文章です。";

    DecodedText decoded = TextDecoder.decode(text.getBytes(Charset.forName("Shift_JIS")));

    assertThat(decoded.text()).isEqualTo(text);
    assertThat(decoded.charset()).isEqualTo("Shift_JIS");
  }

  @Test
  void aRangeOfBytesIsDecodedOnItsOwn() {
    byte[] bytes = lines("첫째".getBytes(StandardCharsets.UTF_8), "둘째".getBytes(MS949));
    int secondLine = "첫째".getBytes(StandardCharsets.UTF_8).length + 1;

    DecodedText decoded = TextDecoder.decode(bytes, secondLine, bytes.length, null);

    assertThat(decoded.text()).isEqualTo("둘째");
    assertThat(decoded.charset()).isEqualTo("CP949");
  }

  @Test
  void cp949ThatDoesNotReadAsKoreanIsRefused() {
    assertThat(KoreanText.looksKorean("한국어 문장")).isTrue();
    assertThat(KoreanText.looksKorean("美·中 AI 패권 경쟁")).isTrue();
    // Latin-1 "éèàù" read as CP949 gives Hanja; Shift_JIS kana give rare syllables outside EUC-KR.
    assertThat(KoreanText.looksKorean(new String("\u00e9\u00e8\u00e0\u00f9".getBytes(StandardCharsets.ISO_8859_1),
        TextDecoder.CP949))).isFalse();
    assertThat(KoreanText.looksKorean(new String("ひらがな".getBytes(Charset.forName("Shift_JIS")),
        TextDecoder.CP949))).isFalse();
    assertThat(KoreanText.looksKorean("plain ascii")).isFalse();
  }

  private static byte[] lines(byte[]... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.write('\n');
      }
      out.writeBytes(lines[i]);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
