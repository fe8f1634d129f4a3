import { ACCENT, INK, MUTED } from '../pdf-layout';
import type { PdfLayout } from '../pdf-layout';
import type { ReflectionHandout, SevenQuestionsHandout } from './handout-model';
import type { HandoutText } from './handout-text';

/**
 * The A4 forms, in large type for older eyes (questions 14 pt, answer boxes 16 pt squares): the
 * seven questions (one form per side, each starting on a new page, so a stack can be split
 * between patients and staff) and the reflection prompts with lines to write on.
 */
const QUESTION = { size: 14 } as const;
const BOX = 16;

export function drawSevenQuestions(layout: PdfLayout, handout: SevenQuestionsHandout, text: HandoutText): void {
  handout.forms.forEach((form, i) => {
    if (i > 0) layout.newPage();
    layout.heading(handout.title, 1);
    layout.heading(text.sideHeading[form.side], 2);
    layout.paragraph(text.sevenIntro, { size: 12.5, after: 2 });
    layout.paragraph(text.sevenAnonymous, { size: 11, color: MUTED, after: 10 });
    for (const question of form.questions) drawQuestion(layout, question.no, question.text, handout.scale);
  });
}

function drawQuestion(layout: PdfLayout, no: number, question: string, scale: readonly string[]): void {
  const { doc } = layout;
  const indent = 30;
  const height = layout.measure(question, layout.width - indent, QUESTION) + BOX + 34;
  layout.ensureSpace(height);
  const y = doc.y;
  layout.tag('P', () => {
    layout.use({ ...QUESTION, bold: true, color: ACCENT });
    doc.text(`${no}. `, layout.left, y, { lineBreak: false });
    layout.use(QUESTION);
    doc.text(question, layout.left + indent, y, { width: layout.width - indent, lineGap: 2 });
  });
  const boxY = doc.y + 8;
  const step = (layout.width - indent) / scale.length;
  scale.forEach((label, i) => {
    const x = layout.left + indent + i * step;
    layout.artifact(() => doc.rect(x, boxY, BOX, BOX).lineWidth(1.2).strokeColor(INK).stroke());
    layout.use({ size: 13 });
    layout.tag('P', () => doc.text(label, x + BOX + 8, boxY + 1, { lineBreak: false }));
  });
  doc.x = layout.left;
  doc.y = boxY + BOX + 16;
}

export function drawReflection(layout: PdfLayout, handout: ReflectionHandout, text: HandoutText): void {
  layout.heading(handout.title, 1);
  layout.paragraph(text.reflectionIntro, { size: 12.5, after: 10 });
  for (const section of handout.sections) {
    if (section.heading) layout.heading(section.heading, 2);
    for (const prompt of section.prompts) {
      layout.ensureSpace(layout.measure(prompt, layout.width, QUESTION) + 3 * 28);
      layout.paragraph(prompt, { ...QUESTION, after: 0 });
      layout.writingLines(5, 28);
    }
  }
}
