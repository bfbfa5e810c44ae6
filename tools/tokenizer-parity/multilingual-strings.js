// Extra hard strings for the SentencePiece Unigram tokenizers, written for this project, in the format of
// hard-strings.json ({ "name", "text" } or { "name", "utf16" }). The Unigram parity tests run these after the
// hard strings. Run with `node multilingual-strings.js`; it writes
// tests/Orleans.Sentiment.Tokenization.Tests/Parity/multilingual-strings.json.
'use strict';
const fs = require('fs');
const path = require('path');

const cases = [];
const add = (name, text) => cases.push({ name, text });

// Sentences in the corpus's scripts, so that learnt pieces are used, and texts beside them.
add('ml-english-review', 'The new update is great, but the battery drains fast.');
add('ml-french', "L'application est très réactive, je recommande vivement !");
add('ml-german', 'Die Lieferung war schnell, aber die Größe passt nicht.');
add('ml-spanish', '¡El servicio fue excelente! ¿Volveré? Sí.');
add('ml-polish', 'Zażółć gęślą jaźń — dostawa była szybka.');
add('ml-vietnamese', 'Sản phẩm rất tốt, giao hàng nhanh.');
add('ml-turkish', 'Uygulama çok güzel ama İstanbul’da yavaş.');
add('ml-russian', 'Приложение отличное, но обновление ужасное.');
add('ml-ukrainian', 'Дякую, все працює чудово! Ґанок і їжак.');
add('ml-greek', 'Το προϊόν είναι πολύ καλό.');
add('ml-arabic', 'التطبيق رائع ولكن التحديث بطيء جدا.');
add('ml-arabic-tatweel-diacritics', 'رائـــع جِدًّا');
add('ml-arabic-presentation-forms', 'ﻻ ﷺ ﻼ');
add('ml-arabic-digits', 'السعر ٤٩٫٩٩ ريال');
add('ml-persian', 'این برنامه خیلی خوب است.');
add('ml-hebrew', 'השירות היה מצוין.');
add('ml-hindi', 'यह ऐप बहुत अच्छा है लेकिन धीमा है।');
add('ml-devanagari-conjuncts', 'क्षत्रिय ज्ञान श्री द्व्य');
add('ml-devanagari-nukta-decomposed', 'क\u093c ख\u093c ड\u093c');
add('ml-bengali', 'আমি এই পণ্যটি খুব পছন্দ করি।');
add('ml-thai-no-spaces', 'แอปนี้ใช้งานง่ายมากแต่บางครั้งก็ค้าง');
add('ml-thai-sara-am', 'น้ำ ทำ กำ');
add('ml-chinese-simplified', '这个应用很好用，但是更新以后经常闪退。');
add('ml-chinese-traditional', '這個應用程式很好用，但是更新後經常當機。');
add('ml-japanese-mixed', 'このアプリはとても便利ですが、ＡＰＩが遅い。');
add('ml-japanese-halfwidth-voiced', 'ｶﾞｷﾞｸﾞ ﾊﾟﾋﾟ');
add('ml-korean', '이 앱은 정말 좋아요. 감사합니다!');
add('ml-korean-decomposed-jamo', '\u1100\u1161\u11a8 \u1112\u1161\u11ab');
add('ml-mixed-scripts', 'Great 很好 отлично ممتاز बहुत अच्छा ดีมาก 😀');
add('ml-mixed-glued', 'app很好用но𝐁𝐨𝐥𝐝ممتاز123');
add('ml-code-switch', 'Das ist sehr gut, but the 配送 was slow, хорошо.');

// Emoji: ZWJ sequences, skin tones, flags, keycaps, presentation selectors.
add('ml-emoji-zwj-skin', '👩🏽‍💻 👨🏿‍🚀 🧑🏻‍🤝‍🧑🏾');
add('ml-emoji-family-kiss', '👩‍❤️‍💋‍👨 👨‍👨‍👧‍👦');
add('ml-emoji-skin-alone', '🏽 x🏿');
add('ml-emoji-vs16-text', '☺️ ☺︎ ♥️ ✌🏼');
add('ml-emoji-flags-subdivision', '🇫🇷🇯🇵 🏴󠁧󠁢󠁥󠁮󠁧󠁿');
add('ml-emoji-keycaps', '1️⃣2️⃣3️⃣ #️⃣');
add('ml-emoji-in-words', 'great😀product👍🏽love❤️it');

// Combining marks: graphemes the Precompiled normalizer replaces whole (shortest prefix in its trie).
add('ml-decomposed-accents', 'Cafe\u0301 cre\u0300me bru\u0302le\u0301e');
add('ml-decomposed-two-marks', 'a\u030a\u0301 o\u0308\u0304 u\u0308\u0301');
add('ml-decomposed-three-marks', 'e\u0301\u0302\u0303 a\u0300\u0301\u0302\u0303');
add('ml-mark-on-space', 'x \u0301 y');
add('ml-mark-at-start', '\u0308abc');
add('ml-vietnamese-decomposed', 'Tie\u0302\u0301ng Vie\u0323\u0302t');
add('ml-hangul-and-marks', '가\u0301 한\u0308');
add('ml-zalgo-short', 'h\u0315\u0321e\u0334l\u0335lo');

// Compatibility forms NFKC rewrites.
add('ml-fullwidth-mixed', 'Ｈｅｌｌｏ，ｗｏｒｌｄ！　１２３　ＡＢＣ');
add('ml-fullwidth-tilde', '～ 〜 ~ ～～ wave～dash');
add('ml-halfwidth-hangul', 'ﾡﾢ ￡￥');
add('ml-ligatures-compat', 'ﬃ ﬄ ﬅ Ǆ ǆ ĳ');
add('ml-squared-era', '㍻ ㋿ ㎏ ㎞ ℡ №');
add('ml-superscript-fraction', 'x² ⁵ ₃ ½ ⅞ ⁄');
add('ml-roman-circled', 'Ⅷ ⅷ ⑳ ㉑ ⒜');
add('ml-math-letters', '𝕬𝖇𝖈 𝓐𝓑 𝟎𝟏');
add('ml-cjk-compat-ideographs', '豈 卑 﨑 丽');
add('ml-kangxi-radicals', '⼈ ⼤ ⽔');

// Spaces and controls the nmt rules rewrite.
add('ml-odd-spaces', 'a\u00a0b\u2002c\u2009d\u3000e\u202ff\u205fg');
add('ml-zero-width', 'a\u200bb\u200cc\u200dd\u200ee\ufeff');
add('ml-controls', 'a\u0001b\u0008c\u000bd\u001fe\u007ff\u008fg\u009fh');
add('ml-crlf-runs', 'one\r\ntwo\r\n\r\nthree\n\rfour');
add('ml-tabs-and-spaces', '\t\tindented  twice   thrice');
add('ml-space-runs-edges', '   leading and trailing   ');
add('ml-only-spaces', '     ');
add('ml-only-controls', '\u0001\u0002\u0003');
add('ml-leading-control', '\u0001hello world');
add('ml-leading-zero-width', '\u200bhello');
add('ml-leading-tab-newline', '\t\nhello');
add('ml-lower-one-eighth-block', 'a\u2581b ▁▁ ▁start');
add('ml-replacement-char', 'bad\ufffdbyte');
add('ml-ogham-and-line-sep', 'a\u1680b\u2028c\u2029d');

// Pieces that look like byte pieces or specials.
add('ml-literal-byte-pieces', '<0x41> <0xE2><0x96> <0x4g> <0X41>');
add('ml-literal-specials', '<s>hello</s> <unk> <pad><mask>world');
add('ml-mask-after-spaces', 'The movie was    <mask> and fun');

// Unknown characters: runs that fuse into one <unk> (or become bytes with byte fallback).
add('ml-unknown-runs', '𓀀𓀁𓂀 ⠓⠑⠇ ꙮꙮ ᚠᚢᚦ');
add('ml-unknown-between-known', 'the𓀀app ꙮgood');
add('ml-unknown-astral-run-long', '𒀀'.repeat(40));
add('ml-private-use', '\ue000\uf8ff x');

// Long words and long inputs.
add('ml-long-german-compound', 'Donaudampfschifffahrtsgesellschaftskapitänswitwe');
add('ml-long-repeat-latin', 'abcdefghij'.repeat(30));
add('ml-long-repeat-cjk', '很好用'.repeat(60));
add('ml-long-thai', 'ใช้งานง่ายมาก'.repeat(25));
add('ml-long-mixed-review', Array(30).fill('Отличное приложение, 很好用, très bien 👍🏽.').join(' '));
add('ml-long-emoji-zwj', '👩‍💻'.repeat(40));

// Unpaired surrogates near marks and spaces.
const units = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
cases.push({ name: 'ml-lone-surrogate-before-mark', utf16: [...units('a'), 0xd800, 0x0301, ...units(' b')] });
cases.push({ name: 'ml-lone-surrogate-space', utf16: [0xdc00, 0x20, 0x20, ...units('x')] });

const out = path.join(__dirname, '..', '..', 'tests', 'Orleans.Sentiment.Tokenization.Tests', 'Parity', 'multilingual-strings.json');
fs.writeFileSync(out, JSON.stringify(cases, null, 1) + '\n');
console.log(`${cases.length} strings → ${out}`);
