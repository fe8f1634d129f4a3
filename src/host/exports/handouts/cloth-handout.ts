import { ACCENT, INK, MUTED, TINT } from '../pdf-layout';
import type { PdfLayout } from '../pdf-layout';
import type { ClothHandout } from './handout-model';
import type { HandoutText } from './handout-text';

/**
 * A dialogue cloth to lay on the table (A3 landscape): the theme in the middle, the questions in
 * boxes around it, clockwise from the top left, each box mostly empty to write in. The questions
 * are set large (18 pt) and shrink only as far as stays readable at arm's length (12 pt), taking
 * no more than about three fifths of their box.
 */
const GAP = 12;
const BORDER = '#8a97a6';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function drawCloth(layout: PdfLayout, cloth: ClothHandout, text: HandoutText): void {
  const { doc } = layout;
  const { margins } = doc.page;
  const top = margins.top;
  layout.use({ size: 12, bold: true, color: ACCENT });
  layout.tag('P', () => doc.text(cloth.title ? `${text.clothLabel} · ${cloth.title}` : text.clothLabel, margins.left, top, { width: layout.width * 0.6, lineBreak: false, ellipsis: true }));
  layout.use({ size: 12, color: INK });
  const groupX = margins.left + layout.width - 240;
  layout.tag('P', () => doc.text(text.groupLabel, groupX, top, { lineBreak: false }));
  layout.artifact(() => doc.moveTo(groupX + 90, top + 13).lineTo(margins.left + layout.width, top + 13).lineWidth(0.7).strokeColor(MUTED).stroke());
  layout.use({ size: 11, color: MUTED });
  layout.tag('P', () => doc.text(text.clothHint, margins.left, top + 20, { width: layout.width * 0.7 }));

  const area = { x: margins.left, y: top + 48, w: layout.width, h: layout.bottom - (top + 48) - 20 };
  const { theme, around } = arrange(area, cloth.questions.length);
  drawTheme(layout, theme, cloth.theme);
  around.forEach((box, i) => {
    const question = cloth.questions[i];
    if (question) drawQuestion(layout, box, question.text, question.zone);
  });

  if (cloth.source) {
    layout.use({ size: 11, color: MUTED });
    layout.tag('P', () => doc.text(cloth.source ?? '', margins.left, area.y + area.h + 5, { width: layout.width, lineBreak: false }));
  }
}

/**
 * Boxes for n questions around a central theme: up to two beside the theme (left, right), the rest
 * split between a row above and a row below. Returned in clockwise order from the top left.
 */
function arrange(area: Box, n: number): { theme: Box; around: Box[] } {
  const beside = Math.min(2, n);
  const rest = n - beside;
  const aboveCount = Math.ceil(rest / 2);
  const belowCount = rest - aboveCount;
  const rowShare = aboveCount > 0 && belowCount > 0 ? 0.3 : aboveCount > 0 || belowCount > 0 ? 0.38 : 0;
  const rowH = area.h * rowShare;
  const aboveH = aboveCount > 0 ? rowH : 0;
  const belowH = belowCount > 0 ? rowH : 0;
  const middle = { y: area.y + (aboveH ? aboveH + GAP : 0), h: area.h - (aboveH ? aboveH + GAP : 0) - (belowH ? belowH + GAP : 0) };
  const sideW = beside > 0 ? area.w * 0.27 : 0;
  const theme = { x: area.x + (sideW ? sideW + GAP : 0), y: middle.y, w: area.w - (sideW ? 2 * (sideW + GAP) : 0), h: middle.h };
  const row = (count: number, y: number, h: number): Box[] => {
    const w = (area.w - GAP * (count - 1)) / count;
    return Array.from({ length: count }, (_, i) => ({ x: area.x + i * (w + GAP), y, w, h }));
  };
  const above = row(aboveCount, area.y, aboveH);
  const below = row(belowCount, area.y + area.h - belowH, belowH).reverse();
  const right = beside >= 2 ? [{ x: area.x + area.w - sideW, y: middle.y, w: sideW, h: middle.h }] : [];
  const left = beside >= 1 ? [{ x: area.x, y: middle.y, w: sideW, h: middle.h }] : [];
  // With one question beside the theme, it goes on the left (where reading starts).
  if (beside === 1) theme.x = area.x + sideW + GAP;
  if (beside === 1) theme.w = area.w - sideW - GAP;
  return { theme, around: [...above, ...right, ...below, ...left] };
}

function drawTheme(layout: PdfLayout, box: Box, theme: string): void {
  const { doc } = layout;
  const inset = 18;
  layout.artifact(() => doc.roundedRect(box.x + inset, box.y + inset, box.w - 2 * inset, box.h - 2 * inset, 14).lineWidth(2).fillAndStroke(TINT, ACCENT));
  let size = 30;
  const width = box.w - 2 * inset - 40;
  while (size > 16 && layout.measure(theme, width, { size, bold: true }) > box.h - 2 * inset - 30) size -= 2;
  const height = layout.measure(theme, width, { size, bold: true });
  layout.use({ size, bold: true, color: ACCENT });
  layout.tag('H1', () => doc.text(theme, box.x + inset + 20, box.y + (box.h - height) / 2, { width, align: 'center', lineGap: 2 }));
}

function drawQuestion(layout: PdfLayout, box: Box, question: string, zone: string | undefined): void {
  const { doc } = layout;
  layout.artifact(() => doc.roundedRect(box.x, box.y, box.w, box.h, 8).lineWidth(1).strokeColor(BORDER).stroke());
  const pad = 12;
  const width = box.w - 2 * pad;
  let y = box.y + pad;
  if (zone) {
    layout.use({ size: 10, bold: true, color: ACCENT });
    const zoneY = y;
    layout.tag('P', () => doc.text(zone.toLocaleUpperCase(), box.x + pad, zoneY, { width, characterSpacing: 0.6, lineBreak: false, ellipsis: true }));
    y += 16;
  }
  let size = 18;
  while (size > 12 && layout.measure(question, width, { size }) > box.h * 0.6) size -= 0.5;
  layout.use({ size, color: INK });
  layout.tag('P', () => doc.text(question, box.x + pad, y, { width, lineGap: 2, height: box.h - (y - box.y) - pad, ellipsis: true }));
}
