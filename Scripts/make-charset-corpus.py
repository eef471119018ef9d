#!/usr/bin/env python3
"""Write Fixtures/charset/corpus.json: texts of each kind that byte-mode QR
data is sent in, with the exact bytes a sender writes for them.

Each entry: {"name", "kind", "text", "charset", "eci", "bytes_hex"}; "eci" is
the ECI assignment written before the byte segment, or null for none. The
texts are hand-picked to cover what users meet (Japanese "design QR" texts of
half-width katakana and ASCII, kanji, kana, URLs, contacts and Wi-Fi settings
as Japanese phones write them, UTF-8 in several scripts, Latin-1 words short
and long) and the cases where the guess is hard (single symbols,
all-caps Latin-1 words, katakana pairs). Benchmarks/charset/score.py renders
them as symbols and scores decoders; Tests/QRCoreTests/Text/CharsetCorpusTests
decodes them through QRDecoder.

usage: Scripts/make-charset-corpus.py > Fixtures/charset/corpus.json
"""
import json

SJIS_KANJI = [
    "日本語", "東京都港区", "漢字テスト", "株式会社デンソーウェーブ", "お問い合わせはこちら",
    "予約番号：１２３４５", "本日は晴天なり", "山田太郎様", "営業時間 9:00-18:00",
    "〒100-0001 東京都千代田区", "品番A-12 赤", "会議室３Ｆ", "大阪 梅田", "京都", "寿司",
    "価格 1,980円（税込）", "ご来店ありがとうございました", "入場券 大人1名", "次回予約 5月3日", "第2会議室",
]
SJIS_KANA = [
    "ひらがな", "カタカナ", "ありがとう", "テスト", "こんにちは", "メニュー", "ようこそ",
    "コーヒー 350", "おしらせ", "サンプル No.7", "ぽけもん", "ア", "あ", "ん",
]
HALFWIDTH_LONG = [
    "ﾃﾞｻﾞｲﾝQR", "ｶﾀｶﾅﾃｷｽﾄ", "ﾃｽﾄ ｺｰﾄﾞ 123", "QRｺｰﾄﾞ", "ﾎﾟｲﾝﾄｶｰﾄﾞ No.0042", "ｻﾝﾌﾟﾙ ﾃﾞｰﾀ",
    "ﾒﾆｭｰ: ｺｰﾋｰ 350ｴﾝ", "ｳｪﾌﾞｻｲﾄ http://example.jp", "ﾀﾅｶ ﾀﾛｳ", "ｶﾌﾞｼｷｶﾞｲｼｬ ABC",
    "Tｼｬﾂ Mｻｲｽﾞ", "ｾｰﾙ 50%OFF", "ｸｰﾎﾟﾝｺｰﾄﾞ: X7K2", "ﾔﾏﾀﾞ ﾊﾅｺ 090-1234-5678", "ﾁｹｯﾄ A-12",
    "ﾏｲﾅﾝﾊﾞｰ", "ｷｬﾝﾍﾟｰﾝ2024", "ｵﾝﾗｲﾝｼｮｯﾌﾟ", "ﾊﾟｽﾜｰﾄﾞ: abc123", "ﾃﾞﾝﾜ 03-1234-5678",
]
HALFWIDTH_SHORT = [
    "ｱｲｳ", "ﾃｽﾄ", "ｶﾞ", "ﾊﾟﾝ", "ﾒﾓ", "ﾃﾞ", "ｺｰﾄﾞ", "ﾊﾞｽ", "ﾎﾟｲ", "ﾒﾓ ﾒﾓ", "ｶﾞｽ 1", "ｲﾁ ﾆ",
]
# Real-world shapes: Japanese "design QR" texts, URLs with katakana,
# MECARD/vCard contacts and Wi-Fi settings as Japanese phones write them.
SJIS_REAL_WORLD = [
    "ﾃﾞｻﾞｲﾝQR http://www.example.jp/", "http://example.jp/ﾃﾞｻﾞｲﾝ/", "ｸｰﾎﾟﾝ: https://shop.example.jp/c?id=42",
    "ｱｸｾｽ http://example.co.jp/map", "MECARD:N:ﾔﾏﾀﾞ,ﾀﾛｳ;TEL:0312345678;;",
    "MECARD:N:山田,太郎;SOUND:ﾔﾏﾀﾞ,ﾀﾛｳ;TEL:03-1234-5678;EMAIL:taro@example.jp;;",
    "WIFI:S:ｶﾌｪ_Free;T:WPA;P:coffee123;;", "BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;太郎\r\nEND:VCARD",
    "ﾎﾟｲﾝﾄ 100ﾎﾟｲﾝﾄ ｹﾞｯﾄ!", "ｼｮｯﾌﾟ\thttp://example.jp", "ﾃﾞｻﾞｲﾝQR\n", "ｺﾁﾗ→http://example.jp",
]
UTF8_REAL_WORLD = [
    "https://ja.wikipedia.org/wiki/日本語", "WIFI:S:Café;T:WPA;P:crème;;", "MECARD:N:Müller,Jürgen;;",
    "Tel: +7 (495) 123-45-67, Москва", "http://example.jp/ﾃﾞｻﾞｲﾝ/",
]
LATIN1_REAL_WORLD = [
    "WIFI:S:Café;T:WPA;P:crème;;", "MECARD:N:Müller,Jürgen;TEL:+4930123456;;", "http://example.de/Straße",
    "Größe: XL", "Señor Núñez, C/ Mayor 5, 2º", "Tschüß!\nBis später.",
]
UTF8 = {
    "utf8-cjk": ["日本語テキスト", "中文测试", "한국어 텍스트", "漢字とかな", "北京欢迎你", "ﾃﾞｻﾞｲﾝQR", "東京 2024"],
    "utf8-cyrillic": ["Привет, мир!", "Москва", "Україна", "Ёж", "Съешь же ещё этих мягких французских булок"],
    "utf8-greek": ["Καλημέρα", "Ελλάδα", "αβγ", "Ωμέγα 3"],
    "utf8-accents": ["Müller", "Ça va", "Pokémon", "Größe", "naïve café", "São Paulo", "Ærøskøbing",
                     "25°C", "£5", "¡Hola!", "Crème brûlée", "Zürich", "Ñandú", "ATENÇÃO", "x²"],
}
LATIN1_WORDS = [
    "Müller", "Ça va", "Pokémon", "Größe", "café", "naïve", "São Paulo", "Ærøskøbing", "Zürich",
    "Ñandú", "Crème brûlée", "Señor", "Bjørn", "Åre", "Ærø", "Émile Zola", "Öl", "Über",
    "Straße", "Mañana", "Jalapeño", "résumé", "Fußball", "Ålesund", "coração", "Ação", "Éire",
    "Français", "Ça", "Ô", "À bientôt", "Piñata", "Crêpe", "Façade", "Noël", "Zoë",
]
LATIN1_HARD = [
    "25°C", "£5", "¡Hola!", "x²", "5 µm", "½ kg", "© 2024", "«Oui»", "« Bonjour »", "§ 3", "±0,5 mm",
    "ATENÇÃO", "INFORMAÇÃO", "CRÉÉ", "GRÜßE", "MÄßIG", "ÄÖÜ", "ÀÉ", "¿Qué?", "1º", "1ª", "l·l",
    "¥1000", "Préparé à Montréal", "Ålborg ÆØÅ",
]
LATIN1_SENTENCES = [
    "Grüße aus München!", "Il était une fois à Paris.", "El niño comió piñata.", "Smørrebrød og øl",
    "Rua São Bento, 123 - São Paulo", "Café crème: 2,50 EUR", "Tschüß, bis später",
    "Señora Pérez, 28001 Madrid", "Fjällräven Kånken", "Hämeenlinna, Suomi",
]


def entries():
    def add(kind, texts, charset, eci=None):
        for i, text in enumerate(texts):
            data = text.encode(charset)
            yield {"name": f"{kind}-{i:02d}", "kind": kind, "text": text,
                   "charset": {"shift_jis": "Shift_JIS", "utf-8": "UTF-8", "latin-1": "ISO-8859-1"}[charset],
                   "eci": eci, "bytes_hex": data.hex()}
    yield from add("sjis-kanji", SJIS_KANJI, "shift_jis")
    yield from add("sjis-kana", SJIS_KANA, "shift_jis")
    yield from add("sjis-halfwidth-long", HALFWIDTH_LONG, "shift_jis")
    yield from add("sjis-halfwidth-short", HALFWIDTH_SHORT, "shift_jis")
    yield from add("sjis-real-world", SJIS_REAL_WORLD, "shift_jis")
    for kind, texts in UTF8.items():
        yield from add(kind, texts, "utf-8")
    yield from add("latin1-words", LATIN1_WORDS, "latin-1")
    yield from add("latin1-hard", LATIN1_HARD, "latin-1")
    yield from add("latin1-sentences", LATIN1_SENTENCES, "latin-1")
    yield from add("utf8-real-world", UTF8_REAL_WORLD, "utf-8")
    yield from add("latin1-real-world", LATIN1_REAL_WORLD, "latin-1")
    for kind, texts in UTF8.items():
        yield from add(kind + "-eci", texts, "utf-8", eci=26)
    yield from add("utf8-real-world-eci", UTF8_REAL_WORLD, "utf-8", eci=26)
    yield from add("sjis-kanji-eci", SJIS_KANJI[:8], "shift_jis", eci=20)
    yield from add("sjis-kana-eci", SJIS_KANA, "shift_jis", eci=20)
    yield from add("sjis-real-world-eci", SJIS_REAL_WORLD, "shift_jis", eci=20)
    yield from add("sjis-halfwidth-eci", HALFWIDTH_LONG[:8] + HALFWIDTH_SHORT[:4], "shift_jis", eci=20)
    yield from add("latin1-eci", LATIN1_WORDS[:10] + LATIN1_HARD, "latin-1", eci=3)


def main():
    print(json.dumps(list(entries()), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
