import { parseMarkup, markupText } from '/work/wt/events/src/shared/markup.js';
const samples = ['Discovered <color=#e3c08c><link=HELP_LINK,HELP_TECH,TECH_WRITING>Writing</link></color>', 'Adopted <color=#ac5996>LAW_SLAVERY</color> & "LAWCLASS_ORDER"', 'Founded <link=HELP_LINK,HELP_CITY,3>Nineveh</link> — a new city’s dawn', "<icon=ICON_BIRTH/> Zoë's child was born", '', 'A plague spreads'];
const texts = Array.from({ length: 20000 }, (_, i) => samples[i % samples.length] + ' ' + i);
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  for (const s of texts) markupText(parseMarkup(s));
  console.log((performance.now() - t).toFixed(1));
}
