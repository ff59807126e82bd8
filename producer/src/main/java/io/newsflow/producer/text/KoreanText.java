package io.newsflow.producer.text;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Tells whether text decoded as CP949 reads as Korean. CP949 maps most byte pairs to some character, so
 * bytes in another charset often "decode" cleanly: Latin-1 into Hanja and symbols, Shift_JIS kana into rare
 * Hangul syllables. Korean prose writes mostly the 2,350 common syllables of KS X 1001 (EUC-KR), and more
 * Hangul than Hanja; requiring both keeps such mojibake out.
 */
final class KoreanText {

  private static final Charset EUC_KR = Charset.forName("EUC-KR");
  /** Share of Hangul syllables that must be common ones (in EUC-KR), in tenths. */
  private static final int COMMON_SYLLABLES_TENTHS = 9;

  private KoreanText() {}

  static boolean looksKorean(String text) {
    CharsetEncoder common = EUC_KR.newEncoder();
    int hangul = 0;
    int commonHangul = 0;
    int otherLetters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (isHangul(c)) {
        hangul++;
        if (common.canEncode(c)) {
          commonHangul++;
        }
      } else if (Character.isLetter(c)) {
        otherLetters++;
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.PRIVATE_USE) {
        return false;
      }
    }
    // Korean news writes some Hanja (美·中), never more of it than Hangul.
    return hangul > 0 && hangul >= otherLetters && commonHangul * 10 >= hangul * COMMON_SYLLABLES_TENTHS;
  }

  private static boolean isHangul(char c) {
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x3130 && c <= 0x318F) || (c >= 0x1100 && c <= 0x11FF);
  }
}
