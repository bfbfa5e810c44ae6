// The hard strings the C# tokenizers are checked on, written for this project. Run with `node hard-strings.js`;
// it writes tests/Orleans.Sentiment.Tokenization.Tests/Parity/hard-strings.json. Each entry is
// { "name", "text" } or, for strings with unpaired surrogates (which JSON readers may refuse as text),
// { "name", "utf16": [code units] }.
'use strict';
const fs = require('fs');
const path = require('path');

const cases = [];
const add = (name, text) => cases.push({ name, text });

// Everyday feedback.
[
  'The app crashes every time I open the settings page.',
  "I love the new update!!! Best version so far :)",
  "Customer support never answered my ticket. 0/10 would not recommend.",
  "It's OK, I guess... the UI isn't great but it works.",
  "Why can't I export to CSV anymore?",
  'Delivery was late (3 days!) and the box was damaged.',
  "Please add dark mode, it's 2024 already.",
  "@united thanks for nothing, flight UA123 delayed 4h #fail",
  'RT @VirginAmerica: we\'re #1 in customer service! http://t.co/abc123XYZ',
  'Refund of $49.99 still pending after 14 days; ref #A-77/2023.',
  'Works great on Android 13, but iOS 17.2.1 keeps logging me out.',
  'e-mail: support@example.com, phone +1 (555) 010-9999 ext. 42',
  "10/10!!! 5 stars ***** would buy again",
  "the movie is n't bad , it 's just boring .",
  "a gorgeous , witty , seductive movie .",
  'Meh.',
  'no',
  'OK',
  'GREAT PRODUCT, TERRIBLE SHIPPING',
  'Can you believe it?! I can\'t!!',
].forEach((t, i) => add(`feedback-${i}`, t));

// Whitespace: newlines, tabs, runs, leading and trailing, and nothing at all.
add('empty', '');
add('single-space', ' ');
add('only-whitespace-mix', ' \t\n\r  \n');
add('newline-inside', 'line one\nline two');
add('crlf-inside', 'line one\r\nline two');
add('tabs-inside', 'col1\tcol2\t\tcol3');
add('leading-trailing-spaces', '   padded text   ');
add('leading-newlines', '\n\nstarts after newlines');
add('trailing-newline', 'ends with newline\n');
add('many-spaces-between', 'a     b      c');
add('space-before-newline', 'word \nnext');
add('newline-before-space', 'word\n next');
add('tab-before-word', '\tindented');
add('vertical-tab-form-feed', 'a\u000bb\u000cc');
add('double-space-words', 'hello  world  again');
add('space-then-punct', 'wait , what ?');
add('spaces-at-end-runs', 'end   ');

// Every printable ASCII symbol, alone, glued to words and in runs.
const symbols = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
for (const s of symbols) {
  add(`ascii-symbol-${s.charCodeAt(0).toString(16)}-alone`, s);
  add(`ascii-symbol-${s.charCodeAt(0).toString(16)}-glued`, `word${s}word ${s}start end${s}`);
}
add('ascii-symbol-run', symbols);
add('ascii-symbol-run-spaced', Array.from(symbols).join(' '));
add('all-printable-ascii', Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join(''));
add('arrows-and-smileys', ':-) ;-( <3 </3 -> <- => ^_^ o_O');
add('markdown', '**bold** _italic_ `code` [link](http://x.y) # heading');
add('html', '<p class="x">Hi &amp; bye</p><br/>');
add('json-like', '{"rating": 5, "comment": "good"}');
add('path-like', 'C:\\Users\\me\\file.txt and /usr/local/bin');
add('url', 'https://www.example.com/path?query=1&x=y#frag');
add('numbers', '3.14159 1,000,000 1e-9 -42 +7 0x1F 007');
add('dates-times', '2023-11-27T00:20:25Z 27/11/2023 11:59pm');
add('currency', '$5 €10 £3 ¥500 ₹99 ₿0.01');
add('hashtags-mentions', '#BlackFriday @user_123 #100DaysOfCode');
add('contractions', "I'm you're he's we've they'd she'll it's can't won't Y'ALL 'S 'T");
add('contractions-upper', "I'M YOU'RE HE'S WE'VE THEY'D SHE'LL");
add('apostrophe-runs', "''quoted'' ''' 'tis rock'n'roll");
add('quote-styles', '"double" \'single\' “curly” ‘curly’ «guillemets» „low“');
add('dashes', 'en–dash em—dash minus− hyphen‐ figure‒ bar―');
add('ellipsis-unicode', 'wait… what…?');
add('underscore-words', 'snake_case_name __dunder__ _private');

// Accents, cases and combining marks.
add('accents-french', 'Café crème brûlée à la française, très élégant.');
add('accents-german', 'Größe Übermaß Ärger öffentlich Straße');
add('accents-spanish', 'Mañana señor, ¿qué tal? ¡Olé!');
add('accents-nordic', 'Ærøskøbing Åland smørrebrød');
add('accents-polish-czech', 'Łódź Żółć Příliš žluťoučký kůň');
add('accents-vietnamese', 'Tiếng Việt có dấu: người, được, những');
add('accents-upper', 'ÉCOLE ÇA ÑANDÚ ÀÉÎÕÜ');
add('combining-acute-decomposed', 'Cafe\u0301 cre\u0300me');
add('combining-multiple', 'a\u0301\u0302\u0303 e\u0308\u0304');
add('combining-alone', '\u0301 starts with a mark');
add('combining-on-space', 'x \u0308 y');
add('combining-on-digit', '1\u20e3 2\u20e3');
add('zalgo', 'Z\u0351\u036b\u0343a\u0310\u0327l\u0352g\u0344o\u0346');
add('dotted-capital-i', 'İstanbul İZMİR');
add('dotless-i', 'ıi Iı');
add('greek', 'Καλημέρα κόσμε ΣΊΣΥΦΟΣ ς');
add('cyrillic', 'Привет, мир! Ёжик в тумане.');
add('armenian-georgian', 'Բարեւ ქართული');
add('hebrew', 'שלום עולם');
add('arabic', 'مرحبا بالعالم، كيف حالك؟');
add('arabic-diacritics', 'مَرْحَبًا');
add('hindi', 'नमस्ते दुनिया');
add('bengali', 'আমি বাংলায় গান গাই');
add('thai', 'สวัสดีครับ ภาษาไทย');
add('tamil', 'வணக்கம் உலகம்');
add('korean', '안녕하세요 세계 한국어');
add('korean-jamo', '한 글');
add('ligatures', 'ﬁnance ﬂow ﬀ Æsop œuvre');
add('fullwidth', 'ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ！１２３');
add('superscripts', 'x² y³ H₂O ½ ¼ ¾ ⅓');
add('roman-numerals', 'Ⅻ ⅻ Ⅳ');
add('circled', '① ② ⓐ Ⓐ');
add('math-alphanumeric', '𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 𝟙𝟚𝟛');
add('deseret-astral-letters', '𐐀𐐨 𐐷');
add('turkish-mixed', 'Iğdır ılık İyi');
add('ipa', 'ˈfəʊnətɪk ʃ ŋ ʒ');
add('long-s', 'ſtraße ẞ');
add('kelvin-angstrom', 'K Å Ω');

// CJK and other wide scripts.
add('chinese', '我爱北京天安门');
add('chinese-mixed', '这个app很好用,但是bug太多了!');
add('japanese', '日本語のテキストです。カタカナとひらがな。');
add('japanese-halfwidth-kana', 'ｶﾀｶﾅ ﾃｽﾄ');
add('cjk-punctuation', '「引用」『二重』【括弧】、。・');
add('cjk-ext-a', '㐀㐁㐂');
add('cjk-ext-b', '𠀀𠀁𠀂');
add('cjk-ext-c-e', '𪜀𫝀𫠠𫠡𬺰');
add('cjk-compat', '豈更車');
add('cjk-compat-supplement', '丽丸乁');
add('cjk-radicals', '⺀⺁⼀');
add('cjk-with-latin', 'Tokyo東京Osaka大阪');
add('hangul-syllables-all-kinds', '가각갂갃 힣 똠방각하');

// Emoji: single, modifiers, ZWJ sequences, flags, keycaps, variation selectors.
add('emoji-single', 'I love it 😀');
add('emoji-glued', 'great😀😀😀product');
add('emoji-only', '😂😂😂');
add('emoji-newer', '🥰 🤯 🫠 🥹 🫶');
add('emoji-skin-tone', '👍🏽 👋🏿 🙏🏻');
add('emoji-zwj-family', '👨‍👩‍👧‍👦 family');
add('emoji-zwj-professions', '👩‍💻 🧑‍🚀 🏳️‍🌈');
add('emoji-flags', '🇺🇸 🇩🇪 🇯🇵 🏴󠁧󠁢󠁳󠁣󠁴󠁿');
add('emoji-keycap', '#️⃣ 1️⃣ *️⃣');
add('emoji-variation-selectors', '❤️ ❤︎ ☺️ ✔️');
add('emoji-text-symbols', '★☆♥♦♣♠ ✓✗ ☹ ☺');
add('emoji-with-punct', 'wow!!!😡😡 terrible...🙄');
add('emoticons-kaomoji', '(╯°□°)╯︵ ┻━┻ ¯\\_(ツ)_/¯');
add('box-drawing', '┌─┐│└┘');
add('emoji-in-hashtag', '#love❤️ #fail💩');

// Control characters, zero-width and format characters.
add('nul-char', 'a\u0000b');
add('bell-backspace-escape', 'x\u0007y\u0008z\u001bw');
add('c1-controls', 'a\u0080b\u0085c\u009fd');
add('del-char', 'a\u007fb');
add('zero-width-space', 'zero\u200bwidth\u200bspace');
add('zero-width-joiner-non-joiner', 'a\u200db\u200cc');
add('word-joiner', 'a\u2060b');
add('bom-inside', '\ufeffstart and in\ufeffside');
add('soft-hyphen', 'hy\u00adphen\u00adated');
add('bidi-marks', 'left\u200eright\u200fembed\u202atext\u202c');
add('bidi-isolates', 'a\u2066b\u2069c');
add('replacement-char', 'bad \ufffd byte');
add('private-use', 'pua\ue000char \uf8ff');
add('private-use-astral', 'plane15 \udb80\udc00 end');
add('noncharacters', 'x\ufffey\uffffz');
add('unassigned', 'x\u0378y \u08b5 z');
add('tag-chars', 'tag\udb40\udc41\udb40\udc7fend');
add('line-paragraph-separators', 'a\u2028b\u2029c');
add('interlinear-annotation', 'a\ufff9b\ufffbc');
add('mongolian-vowel-separator', 'a\u180eb');
add('hangul-fillers', 'a\u3164b\uffa0c');
add('khmer-vowel-inherent', 'a\u17b4b');
add('variation-selectors-bare', 'a\ufe0fb\ufe0ec');
add('combining-grapheme-joiner', 'a\u034fb');

// Unicode spaces.
const spaces = {
  nbsp: '\u00a0', ogham: '\u1680', 'en-quad': '\u2000', 'em-quad': '\u2001', 'en-space': '\u2002',
  'em-space': '\u2003', 'three-per-em': '\u2004', 'four-per-em': '\u2005', 'six-per-em': '\u2006',
  figure: '\u2007', punctuation: '\u2008', thin: '\u2009', hair: '\u200a', 'narrow-nbsp': '\u202f',
  'medium-math': '\u205f', ideographic: '\u3000', nel: '\u0085', 'line-sep': '\u2028', 'para-sep': '\u2029',
};
for (const [name, s] of Object.entries(spaces)) {
  add(`space-${name}-between`, `hello${s}world`);
  add(`space-${name}-edges`, `${s}edge${s}`);
  add(`space-${name}-before-punct`, `wait${s}!${s}${s}ok`);
}

// Very long words and long inputs.
add('word-100-chars', 'a'.repeat(100));
add('word-101-chars', 'a'.repeat(101));
add('word-99-chars-in-sentence', `see ${'b'.repeat(99)} end`);
add('word-150-mixed', 'supercalifragilistic'.repeat(8));
add('word-100-emoji', '😀'.repeat(100));
add('word-101-emoji', '😀'.repeat(101));
add('word-51-emoji', '😀'.repeat(51));
add('word-100-accented', 'é'.repeat(100));
add('word-101-accented-decomposes-to-202', 'é'.repeat(101));
add('word-60-accented-decomposed', 'e\u0301'.repeat(60));
add('long-url', `https://example.com/${'x1y2'.repeat(40)}`);
add('long-number', '1234567890'.repeat(15));
add('long-hex', 'deadbeef'.repeat(20));
add('repeated-word-600', Array(600).fill('good').join(' '));
add('repeated-punct-300', '!'.repeat(300));
add('long-review', Array(40).fill('The battery life is disappointing, but the screen is gorgeous.').join(' '));
add('long-spaces-run', `a${' '.repeat(200)}b`);
add('long-newline-run', `a${'\n'.repeat(50)}b`);

// Special-token text inside user input (matched as special tokens by Hugging Face).
add('bert-specials-literal', 'hello [SEP] world [CLS] [MASK] [PAD] [UNK]');
add('bert-specials-glued', 'x[SEP]y[MASK]z');
add('bert-specials-lowercase', 'hello [sep] [cls] [mask]');
add('bert-specials-partial', '[SE P] [CLS [ MASK ]');
add('roberta-specials-literal', 'hello </s> world <s> <mask> <pad> <unk>');
add('roberta-mask-lstrip', 'The movie was   <mask> and fun');
add('roberta-mask-glued', 'x<mask>y <mask><mask>');
add('roberta-specials-partial', '<s <mask < /s> <MASK>');
add('added-covid', 'COVID19 covid19 Covid19s xCovid19 covid 19');
add('added-url', 'see <URL>   now<URL>x <url>');
add('added-single-word', 'ok OK okay book ok! ok_ok 1ok ok');
add('added-normalized-accent', 'Ünïcode UNI uni ÜNÏ');
add('added-with-space', 'New\tYork NEW  YORK new york\nnew\r\nyork');
add('added-user-http', '@user said http://t.co and @username https http');
add('angle-brackets', '<b>bold</b> a<b c>d');

// Mixed-script and tricky tokenization boundaries.
add('mixed-digits-letters', 'abc123def 123abc 1a2b3c');
add('digits-other-scripts', '٠١٢٣ ०१२ ໑໒ 𝟘𝟙');
add('letters-then-marks', 'Ωmega µ ſ');
add('camelCase', 'camelCaseWordsAndHTTPServer getX');
add('possessives', "John's Mary's JAMES'S");
add('apostrophe-unicode', 'don’t can’t it’s');
add('space-apostrophe', "it ' s he 'd 're");
add('numbers-with-space', 'room 101 floor 2 of 10');
add('repeated-letters', 'soooooo goooood noooo');
add('slang', 'lol omg tbh idk smh imo ngl fr fr');
add('typos', 'teh recieve definately seperate');
add('leetspeak', 'h4ck3r 1337 n00b');
add('all-caps-shouting', 'THIS IS UNACCEPTABLE!!!');
add('sentence-multi-line', 'First line.\nSecond line!\n\nThird?');
add('csv-fragment', '"a, b",c,"d ""quoted"" e"');
add('sql-fragment', "SELECT * FROM users WHERE name = 'x';");
add('code-fragment', 'if (a >= b && c != d) { return x[i]++; }');
add('regex-fragment', '^\\s*(\\d+)\\.?$');
add('backslash-escapes', 'line\\nbreak tab\\t');
add('percent-encoding', 'hello%20world %F0%9F%98%80');
add('email-addresses', 'first.last+tag@sub.example.co.uk');
add('phone-numbers', '+44 20 7946 0958 (0)');
add('version-numbers', 'v1.2.3-beta.4+build.5');
add('temperatures', '23°C 73.4°F −5 °C');
add('math-symbols', '∑ ∫ √ ∞ ≠ ≤ ≥ ± × ÷ ∂ ∇');
add('currency-symbols-rare', '₽ ₩ ₪ ₫ ₴ ₦');
add('braille', '⠓⠑⠇⠇⠕');
add('musical-astral', '𝄞 𝅘𝅥𝅮');
add('egyptian-hieroglyphs', '𓀀𓀁𓂀');
add('cuneiform', '𒀀𒀁');
add('symbols-misc', '© ® ™ ℠ § ¶ † ‡ • ‰ ′ ″');
add('dingbats', '✂ ✈ ✉ ☎ ☂ ☃');
add('enclosed-alnum-supplement', '🅰 🅱 🆎 🆗');
add('mahjong-playing-cards', '🀄 🂡 🃏');
add('tibetan', 'བོད་ཡིག');
add('ethiopic', 'ሰላም ዓለም');
add('mongolian', 'ᠮᠣᠩᠭᠣᠯ');
add('myanmar', 'မြန်မာ');
add('khmer', 'ភាសាខ្មែរ');
add('lao', 'ພາສາລາວ');
add('sinhala', 'සිංහල');
add('devanagari-nukta', 'क़ ख़ ग़ ज़');
add('hangul-compat-jamo', 'ㅋㅋㅋ ㅠㅠ');

// Unpaired surrogates (JavaScript strings can hold them; C# strings too).
const raw = (name, units) => cases.push({ name, utf16: units });
const units = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
raw('lone-high-surrogate', [...units('bad '), 0xd83d, ...units(' end')]);
raw('lone-low-surrogate', [...units('bad '), 0xde00, ...units(' end')]);
raw('lone-high-at-end', [...units('trailing'), 0xd800]);
raw('lone-low-at-start', [0xdc00, ...units('leading')]);
raw('reversed-pair', [...units('x'), 0xde00, 0xd83d, ...units('y')]);
raw('two-highs-then-low', [0xd83d, 0xd83d, 0xde00]);
raw('lone-surrogate-in-word', [...units('wo'), 0xd800, ...units('rd')]);
raw('lone-surrogate-between-spaces', [...units('a '), 0xdfff, ...units(' b')]);

// A few texts from common feedback domains, with mixed hazards.
add('mixed-1', 'Ünïcödé\tTAB\nNEWLINE 😀 [SEP] <mask> 日本 ﬁ');
add('mixed-2', '  \u00a0Leading NBSP and trailing ZWSP\u200b');
add('mixed-3', 'Price: 19,99€ (inkl. MwSt.) — günstig!');
add('mixed-4', "L'été dernier, j'ai adoré l'hôtel.");
add('mixed-5', 'Ｗｅｉｒｄ　ｓｐａｃｅｓ　and ＡＳＣＩＩ');
add('mixed-6', 'Çà et là, naïve façade, coöperate, résumé');
add('mixed-7', 'Русский & English & 中文 & العربية');
add('mixed-8', 'tabs\t\tand\u00a0\u00a0nbsp');
add('mixed-9', 'x\u0000\u0001\u0002y\u200b\u200c\u200dz');
add('mixed-10', '🙂 ok 🙃 not ok 🤔 maybe');

const names = new Set();
for (const c of cases) {
  if (names.has(c.name)) throw new Error(`duplicate name ${c.name}`);
  names.add(c.name);
}
const target = path.join(__dirname, '..', '..', 'tests', 'Orleans.Sentiment.Tokenization.Tests', 'Parity', 'hard-strings.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, JSON.stringify(cases, null, 1) + '\n');
console.log(`wrote ${cases.length} hard strings to ${target}`);
module.exports = { cases };
